package io.sluice.connector.testing;

import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test sink that keeps every event in memory and acknowledges at once. Instances are registered by
 * name so a test can read what the daemon it started published. With {@code failAt} it refuses the
 * event with that (1-based) index, to stop a daemon at an exact point.
 */
public final class MemorySink implements Sink {

    private static final Map<String, MemorySink> BY_NAME = new ConcurrentHashMap<>();

    private final List<ChangeEvent> events = new ArrayList<>();
    private final long failAt;
    private long published;

    private MemorySink(long failAt) {
        this.failAt = failAt;
    }

    static MemorySink create(String name, long failAt) {
        MemorySink sink = new MemorySink(failAt);
        BY_NAME.put(name, sink);
        return sink;
    }

    /** The sink most recently created under {@code name}. */
    public static MemorySink named(String name) {
        MemorySink sink = BY_NAME.get(name);
        if (sink == null) {
            throw new IllegalStateException("no memory sink named " + name + " was created");
        }
        return sink;
    }

    @Override
    public void publish(ChangeEvent event, PublishCallback callback) throws SinkException {
        Exception failure = null;
        synchronized (this) {
            published++;
            if (published == failAt) {
                failure = new SinkException("refused event " + published + " on purpose");
            } else {
                events.add(event);
            }
        }
        callback.completed(event, failure);
    }

    /** A copy of the events acknowledged so far, in publish order. */
    public synchronized List<ChangeEvent> events() {
        return new ArrayList<>(events);
    }

    public synchronized int size() {
        return events.size();
    }

    @Override
    public boolean flush(Duration timeout) {
        return true;
    }

    @Override
    public void close() {
    }
}
