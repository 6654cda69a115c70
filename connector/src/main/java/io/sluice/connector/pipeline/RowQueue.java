package io.sluice.connector.pipeline;

import io.sluice.connector.binlog.RowsChange;
import io.sluice.connector.binlog.StreamItem;
import io.sluice.connector.snapshot.SnapshotRows;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hand-off from reader to publisher, bounded in rows rather than items: one binlog rows event
 * (or one piece of a snapshot chunk) may carry a single row or hundreds, so counting items would not
 * bound memory. An item larger than
 * the whole budget is still accepted when the queue is empty, so nothing can wedge.
 */
final class RowQueue {

    private final int capacityRows;
    private final ArrayDeque<StreamItem> items = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private int rows;
    private boolean closed;

    RowQueue(int capacityRows) {
        this.capacityRows = capacityRows;
    }

    /** @throws InterruptedException also when the queue was closed: the reader must stop */
    void put(StreamItem item) throws InterruptedException {
        int weight = weight(item);
        lock.lockInterruptibly();
        try {
            while (!closed && !items.isEmpty() && rows + weight > capacityRows) {
                notFull.await();
            }
            if (closed) {
                throw new InterruptedException("the pipeline takes no more items");
            }
            items.addLast(item);
            rows += weight;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest item, or {@code null} when none arrives within the timeout. */
    StreamItem poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            StreamItem item = items.removeFirst();
            rows -= weight(item);
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further items and wakes a reader waiting for room; queued items can still be taken. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** Rows waiting, as counted against the capacity. */
    int rows() {
        lock.lock();
        try {
            return rows;
        } finally {
            lock.unlock();
        }
    }

    private static int weight(StreamItem item) {
        if (item instanceof SnapshotRows snapshot && snapshot.rows() != null) {
            return Math.max(1, snapshot.rows().rowCount());
        }
        return item instanceof RowsChange change ? Math.max(1, change.rowCount()) : 1;
    }
}
