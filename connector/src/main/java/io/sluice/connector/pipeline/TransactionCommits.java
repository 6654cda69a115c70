package io.sluice.connector.pipeline;

import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.CheckpointCodec;
import io.sluice.sink.SinkException;
import io.sluice.sink.TransactionalSink;

import java.time.Duration;
import java.util.Objects;

/**
 * Checkpoints for a {@link TransactionalSink} (exactly-once): the publisher thread itself commits the
 * sink's transaction, with the position just after the last entry it handed out, once {@code interval}
 * has passed since the first uncommitted entry, and when publishing ends. There is no count trigger:
 * a commit stops publishing while Kafka writes the commit markers, and at 100,000 events/s a commit
 * every 10,000 events cost a quarter of the throughput (docs/benchmarks.md). It has to be the publisher thread: a Kafka transaction takes no new records while it
 * commits, and the checkpoint must name exactly the events the transaction holds. Takes the place of
 * the {@link Checkpointer}.
 */
final class TransactionCommits {

    private final TransactionalSink sink;
    private final long intervalNanos;
    private Checkpoint published;
    private volatile Checkpoint committed; // volatile: read by the shutdown step on another thread
    private long uncommitted;
    private long dueAt;
    /** When the committed position last matched everything published, for the checkpoint-age metric. */
    private volatile long currentAt = System.nanoTime();

    TransactionCommits(TransactionalSink sink, Duration interval, Checkpoint alreadyCommitted) {
        this.sink = sink;
        this.intervalNanos = interval.toNanos();
        this.committed = alreadyCommitted;
    }

    /** An entry was handed to the sink (or needs no delivery); {@code after} is the position just after it. */
    void published(Checkpoint after) {
        published = after;
        if (uncommitted++ == 0) {
            dueAt = System.nanoTime() + intervalNanos;
        }
    }

    /** Commits when the interval has passed; cheap enough to call after every change. */
    void commitIfDue() throws SinkException, InterruptedException {
        if (uncommitted == 0) {
            currentAt = System.nanoTime(); // nothing waits for a commit
        } else if (System.nanoTime() - dueAt >= 0) {
            commit();
        }
    }

    /** Commits whatever was published and not yet committed. */
    void commit() throws SinkException, InterruptedException {
        if (published != null && !Objects.equals(published, committed)) {
            sink.commit(CheckpointCodec.encode(published));
            committed = published;
        }
        uncommitted = 0;
        currentAt = System.nanoTime();
    }

    /** Nanoseconds since the commits last caught up with what was published. */
    long ageNanos() {
        return System.nanoTime() - currentAt;
    }

    /** The position of the last commit: what a restart resumes from. */
    Checkpoint committed() {
        return committed;
    }
}
