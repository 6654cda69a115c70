package io.sluice.connector.snapshot;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The keys of one table changed by the stream since a table snapshot began, each with the binlog point
 * of its change, oldest first. A chunk leaves out every key changed after its low watermark: the stream
 * carries those rows' newer state. Entries before the watermark of the chunk being read are dropped, so
 * this holds the changes of a few seconds, not of the whole snapshot.
 */
final class ChangedKeys {

    private record Change(Watermark at, String key) {
    }

    private final ArrayDeque<Change> changes = new ArrayDeque<>();

    void add(Watermark at, String key) {
        changes.addLast(new Change(at, key));
    }

    /** The keys changed at or after {@code low}. */
    Set<String> since(Watermark low) {
        Set<String> keys = new HashSet<>();
        for (Iterator<Change> it = changes.descendingIterator(); it.hasNext(); ) {
            Change change = it.next();
            if (!change.at().atOrAfter(low)) {
                break;
            }
            keys.add(change.key());
        }
        return keys;
    }

    /** Forgets the changes before {@code low}; no later chunk's watermark is below it. */
    void forgetBefore(Watermark low) {
        while (!changes.isEmpty() && !changes.peekFirst().at().atOrAfter(low)) {
            changes.removeFirst();
        }
    }

    int size() {
        return changes.size();
    }
}
