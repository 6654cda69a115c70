package io.sluice.benchmark;

import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Sink type {@code counting}: acknowledges at once and counts events and bytes, so only Sluice is measured. */
final class CountingSink implements Sink {

    static final AtomicLong EVENTS = new AtomicLong();
    static final AtomicLong BYTES = new AtomicLong();
    static volatile long firstEventNanos;
    static volatile CountDownLatch target = new CountDownLatch(1);
    static volatile long targetEvents = Long.MAX_VALUE;

    @Override
    public void publish(ChangeEvent event, PublishCallback callback) {
        long count = EVENTS.incrementAndGet();
        if (count == 1) {
            firstEventNanos = System.nanoTime();
        }
        BYTES.addAndGet(event.sizeInBytes());
        callback.completed(event, null);
        if (count == targetEvents) {
            target.countDown();
        }
    }

    @Override
    public boolean flush(Duration timeout) {
        return true;
    }

    @Override
    public void close() {
    }
}
