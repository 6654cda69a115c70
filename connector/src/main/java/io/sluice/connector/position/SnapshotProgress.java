package io.sluice.connector.position;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables a snapshot still has to read, in order, each with how far it got. Immutable: every change
 * makes a new value, which travels down the pipeline with the events so that a checkpoint names the
 * snapshot's state at exactly the point of the stream it was saved at.
 *
 * @param tables at least one table; a finished snapshot is no value at all ({@code null})
 */
public record SnapshotProgress(List<TableProgress> tables) {

    public SnapshotProgress {
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a snapshot in progress has at least one table; use null for none");
        }
    }

    /** The progress over {@code tables}, or {@code null} when there are none. */
    public static SnapshotProgress of(List<TableProgress> tables) {
        return tables.isEmpty() ? null : new SnapshotProgress(tables);
    }

    /** The table named {@code db.table}, or {@code null}. */
    public TableProgress find(String qualifiedName) {
        for (TableProgress table : tables) {
            if (table.qualifiedName().equals(qualifiedName)) {
                return table;
            }
        }
        return null;
    }

    /** This progress with the entry of {@code updated}'s table replaced by it. */
    public SnapshotProgress with(TableProgress updated) {
        List<TableProgress> next = new ArrayList<>(tables.size());
        for (TableProgress table : tables) {
            next.add(table.qualifiedName().equals(updated.qualifiedName()) ? updated : table);
        }
        return new SnapshotProgress(next);
    }

    /** This progress without {@code qualifiedName}; {@code null} when it was the last table. */
    public SnapshotProgress without(String qualifiedName) {
        List<TableProgress> next = new ArrayList<>(tables);
        next.removeIf(table -> table.qualifiedName().equals(qualifiedName));
        return of(next);
    }

    /** {@code progress} (may be {@code null}) with {@code added} appended, leaving out tables already in it. */
    public static SnapshotProgress plus(SnapshotProgress progress, List<TableProgress> added) {
        List<TableProgress> next = new ArrayList<>(progress == null ? List.of() : progress.tables());
        for (TableProgress table : added) {
            if (next.stream().noneMatch(t -> t.qualifiedName().equals(table.qualifiedName()))) {
                next.add(table);
            }
        }
        return of(next);
    }
}
