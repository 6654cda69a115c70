package io.sluice.connector.pipeline;

import io.sluice.connector.position.Checkpoint;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The events handed to the sink and not yet acknowledged, in order, each with the position just after
 * it. Brokers acknowledge out of order; the checkpoint may only move past the oldest event still
 * unacknowledged, so this keeps the contiguous acknowledged prefix and its last position as the safe
 * point to resume from. Entries that need no acknowledgement (transaction ends) enter acknowledged.
 *
 * <p>Bounded in entries and bytes: {@link #add} blocks when either bound is reached, which stops the
 * publisher, fills the reader's queue and so pauses reading from the server.
 *
 * <p>Each entry keeps the time it was added, which gives the sink's latency (reported for every
 * acknowledged event) and the age of the oldest unacknowledged one (how readiness tells a stalled sink).
 *
 * <p>Thread-safe: the publisher adds, sink threads acknowledge, the checkpointer reads.
 */
final class InFlightEvents {

    private final int capacity;
    private final long maxBytes;
    private final Checkpoint[] positions;
    private final int[] sizes;
    private final boolean[] acknowledged;
    private final long[] addedAt; // System.nanoTime() when each entry was handed to the sink
    private final LongConsumer latencies;
    private long lastAcknowledgedAt = System.nanoTime();
    private long head; // oldest entry not yet acknowledged
    private long tail; // next sequence to hand out
    private long bytes;
    private long advances; // entries that left the prefix, for the checkpointer's count trigger
    // Entries in the window also include transaction ends, which wait behind the oldest unacknowledged
    // event: only this count says how many events the sink still owes an answer for.
    private long unacknowledged;
    private Checkpoint safe;
    // Who waits, so acknowledgements only wake a thread that has a reason to run: waking the
    // checkpointer on every event would cost a context switch per event.
    private boolean addWaiting;
    private long wakeAtAdvances = Long.MAX_VALUE;
    private volatile Exception failure; // volatile: the publisher checks it before every event

    /** @param latencies receives each acknowledged event's time in the sink, in nanoseconds */
    InFlightEvents(int capacity, long maxBytes, Checkpoint start, LongConsumer latencies) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.positions = new Checkpoint[capacity];
        this.sizes = new int[capacity];
        this.acknowledged = new boolean[capacity];
        this.addedAt = new long[capacity];
        this.latencies = latencies;
        this.safe = start;
    }

    /**
     * Appends an entry and returns its sequence number; waits while the bounds are reached.
     *
     * @param after the position just after this entry
     * @param size  encoded bytes the entry holds in the sink until acknowledged
     * @param done  whether the entry needs no acknowledgement
     */
    synchronized long add(Checkpoint after, int size, boolean done) throws InterruptedException {
        while (failure == null && tail > head && (tail - head >= capacity || bytes + size > maxBytes)) {
            addWaiting = true;
            wait();
        }
        addWaiting = false;
        if (failure != null) {
            // Nothing may enter after a refusal: an entry marked done could otherwise carry the safe
            // position past the refused event.
            throw new IllegalStateException("the sink refused an event; nothing more is published", failure);
        }
        long sequence = tail++;
        int slot = (int) (sequence % capacity);
        positions[slot] = after;
        sizes[slot] = size;
        acknowledged[slot] = done;
        addedAt[slot] = done ? 0 : System.nanoTime();
        bytes += size;
        if (done) {
            advance();
        } else {
            unacknowledged++;
        }
        return sequence;
    }

    /** The broker stored the entry. */
    void acknowledge(long sequence) {
        long latency = markAcknowledged(sequence);
        if (latency >= 0) {
            latencies.accept(latency); // outside the lock: the publisher must not wait for a metric
        }
    }

    /** @return the entry's time in the sink in nanoseconds, or -1 for an acknowledgement out of the window */
    private synchronized long markAcknowledged(long sequence) {
        if (sequence < head || sequence >= tail) {
            return -1; // not in the window (a duplicate acknowledgement): must not mark another entry's slot
        }
        int slot = (int) (sequence % capacity);
        if (acknowledged[slot]) {
            return -1; // acknowledged twice: counted once
        }
        acknowledged[slot] = true;
        unacknowledged--;
        lastAcknowledgedAt = System.nanoTime();
        long latency = lastAcknowledgedAt - addedAt[slot];
        advance();
        return latency;
    }

    /** The broker refused the entry; the stream must stop and never checkpoint past it. */
    synchronized void fail(long sequence, Exception cause) {
        if (failure == null) {
            failure = cause;
        }
        notifyAll();
    }

    private void advance() {
        boolean moved = false;
        while (head < tail) {
            int slot = (int) (head % capacity);
            if (!acknowledged[slot]) {
                break;
            }
            safe = positions[slot];
            positions[slot] = null;
            bytes -= sizes[slot];
            head++;
            advances++;
            moved = true;
        }
        if (moved && (addWaiting || advances >= wakeAtAdvances)) {
            notifyAll();
        }
    }

    /** The position after the last entry of the acknowledged prefix: safe to resume from. */
    synchronized Checkpoint safePosition() {
        return safe;
    }

    /** How many entries have left the unacknowledged window so far. */
    synchronized long advances() {
        return advances;
    }

    /** Waits until the advance count reaches {@code target}, a failure occurs, or the timeout passes. */
    synchronized void awaitAdvances(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        wakeAtAdvances = target;
        try {
            while (advances < target && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } finally {
            wakeAtAdvances = Long.MAX_VALUE;
        }
    }

    /** The first broker refusal, or {@code null}. */
    Exception failure() {
        return failure;
    }

    /** Events handed to the sink and not yet acknowledged (transaction ends and the like not counted). */
    synchronized long unacknowledged() {
        return unacknowledged;
    }

    /** Encoded bytes handed out and not yet acknowledged. */
    synchronized long pendingBytes() {
        return bytes;
    }

    /** How long the oldest unacknowledged event has waited for the broker, in nanoseconds; 0 when none waits. */
    /**
     * Nanoseconds with events waiting and no acknowledgement: since the last one, or since the oldest
     * waiting event was added if that is later; 0 when none waits.
     */
    synchronized long silentNanos() {
        if (head >= tail) {
            return 0;
        }
        return System.nanoTime() - Math.max(lastAcknowledgedAt, addedAt[(int) (head % capacity)]);
    }

    synchronized long oldestPendingNanos() {
        // The head is never acknowledged: advance() moves past every acknowledged entry at once.
        return head < tail ? System.nanoTime() - addedAt[(int) (head % capacity)] : 0;
    }
}
