package io.sluice.connector.pipeline;

import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.connector.binlog.StreamItem;
import io.sluice.connector.binlog.StreamOutput;
import io.sluice.connector.config.CheckpointConfig;
import io.sluice.connector.config.PipelineConfig;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.metrics.SluiceMetrics;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.SnapshotProgress;
import io.sluice.sink.Sink;
import io.sluice.sink.TransactionalSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The stages after the reader: a bounded queue, the publisher, the in-flight window and the
 * checkpointer. The reader puts items in; positions come out in the checkpoint store, or, with a
 * {@link TransactionalSink}, in the sink's own transactions, committed by the publisher.
 */
public final class Pipeline implements StreamOutput {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** Entries the in-flight window holds at most, whatever their size. */
    private static final int MAX_IN_FLIGHT_EVENTS = 1 << 16;
    /** JSON encoding is the costliest stage; one thread per core keeps the publisher fed. */
    private static final int ENCODER_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final RowQueue queue;
    private final Sink sink;
    private final InFlightEvents inFlight;
    private final Publisher publisher;
    /** Exactly one of these two is set: the checkpointer saves to the store, commits go through the sink. */
    private final Checkpointer checkpointer;
    private final TransactionCommits commits;
    private final Thread publisherThread;
    private final Thread checkpointerThread;

    /**
     * @param start     the position the stream starts from
     * @param saved     the position already in the store, or {@code null}
     * @param metrics   where the publish counters and the sink latency go
     */
    public Pipeline(PipelineConfig config, CheckpointConfig checkpoints, Sink sink, CheckpointStore store,
                    Checkpoint start, Checkpoint saved, ValueEncoding encoding, boolean mariadb,
                    SluiceMetrics metrics) {
        this.queue = new RowQueue(config.queueEvents());
        this.sink = sink;
        this.inFlight = new InFlightEvents(MAX_IN_FLIGHT_EVENTS, config.maxInFlightBytes(), start,
                metrics.sinkLatency());
        if (sink instanceof TransactionalSink transactional) {
            this.commits = new TransactionCommits(transactional, checkpoints.interval(), saved);
            this.checkpointer = null;
            this.checkpointerThread = null;
        } else {
            this.commits = null;
            this.checkpointer = new Checkpointer(store, inFlight, checkpoints.interval(), checkpoints.maxEvents(), saved);
            this.checkpointerThread = new Thread(checkpointer, "sluice-checkpointer");
        }
        this.publisher = new Publisher(queue, sink, inFlight, encoding, mariadb, ENCODER_THREADS, commits, queue::close,
                start, metrics);
        this.publisherThread = new Thread(publisher, "sluice-publisher");
    }

    public void start() {
        publisherThread.start();
        if (checkpointerThread != null) {
            checkpointerThread.start();
        }
    }

    @Override
    public void put(StreamItem item) throws InterruptedException {
        queue.put(item);
    }

    /** Why the pipeline cannot go on (the sink refused an event, checkpoints cannot be saved), or {@code null}. */
    public Exception failure() {
        Exception failure = publisher.failure();
        if (failure == null) {
            failure = inFlight.failure();
        }
        return failure != null || checkpointer == null ? failure : checkpointer.failure();
    }

    /**
     * Whether {@link #failure} is the broker's answer to an event or the checkpoint store giving up, whose
     * exceptions are the client libraries' own types. A publisher failure is not: if the sink threw, its
     * {@link io.sluice.sink.SinkException} already says so; otherwise Sluice failed (an event it could not
     * encode).
     */
    public boolean failedInSinkOrStore() {
        return inFlight.failure() != null || (checkpointer != null && checkpointer.failure() != null);
    }

    /** Row changes waiting between the reader and the publisher. */
    public int queuedRows() {
        return queue.rows();
    }

    /** Events handed to the sink and not yet acknowledged. */
    public long inFlightEvents() {
        return inFlight.unacknowledged();
    }

    /** Encoded bytes handed to the sink and not yet acknowledged. */
    public long inFlightBytes() {
        return inFlight.pendingBytes();
    }

    /** How long the oldest unacknowledged event has waited for the sink; zero when none waits. */
    public Duration oldestUnacknowledged() {
        return Duration.ofNanos(inFlight.oldestPendingNanos());
    }

    /**
     * How long events have waited with no acknowledgement at all: since the last acknowledgement, or
     * since the oldest waiting event was handed over if that came later; zero when none waits. Unlike
     * {@link #oldestUnacknowledged} it stays small for a slow sink that keeps acknowledging.
     */
    public Duration unacknowledgedFor() {
        return Duration.ofNanos(inFlight.silentNanos());
    }

    /** The position after the last event handed to the sink. */
    public Checkpoint published() {
        return publisher.published();
    }

    /** The position a restart would resume from: saved in the store, or committed in the sink. */
    public Checkpoint checkpointed() {
        return commits != null ? commits.committed() : checkpointer.saved();
    }

    /** How long the checkpoint has lagged behind the delivered events (about the interval when healthy). */
    public Duration checkpointAge() {
        return Duration.ofNanos(commits != null ? commits.ageNanos() : checkpointer.ageNanos());
    }

    /** Checkpoint saves that failed and were retried; always 0 with a transactional sink, whose commits fail hard. */
    public long failedCheckpointSaves() {
        return checkpointer == null ? 0 : checkpointer.failedSaves();
    }

    /** The snapshot's progress as published, or {@code null} when none runs. */
    public SnapshotProgress snapshotProgress() {
        return publisher.snapshotProgress();
    }

    /**
     * How far behind the source: the last streamed change's lag when handed to the sink, and while work
     * waits (a sink that takes nothing), the time since that change's commit, so the figure grows
     * while nothing moves instead of showing the last healthy value.
     */
    public Duration sourceLag() {
        long lag = publisher.sourceLagMillis();
        long committedAt = publisher.lastCommitMillis();
        if (committedAt > 0 && (queue.rows() > 0 || inFlight.unacknowledged() > 0)) {
            lag = Math.max(lag, System.currentTimeMillis() - committedAt);
        }
        return Duration.ofMillis(lag);
    }

    /** Takes no more items from the reader; a reader waiting for room is woken and stops. */
    public void closeInput() {
        queue.close();
    }

    /**
     * The ordered end of a run; call after the reader has stopped: publish what is queued, wait for the
     * sink to settle it, save (or, with a transactional sink, commit) the final checkpoint, close the sink.
     *
     * @return the position saved last
     */
    public Checkpoint shutdown(Duration timeout) throws InterruptedException, CheckpointException {
        long deadline = System.nanoTime() + timeout.toNanos();
        publisher.drainAndStop();
        publisherThread.join(Math.max(1, remainingMillis(deadline)));
        if (publisherThread.isAlive()) {
            LOG.warn("The publisher did not finish the queue within the shutdown timeout; {} items stay unsent"
                    + " and will be read again from the binlog on restart", queue.size());
            publisherThread.interrupt();
        }
        boolean settled = sink.flush(Duration.ofMillis(Math.max(1, remainingMillis(deadline))));
        if (!settled) {
            LOG.warn("{} events were not acknowledged by the sink within the shutdown timeout; they will be"
                    + " published again on restart", inFlight.unacknowledged());
        }
        try {
            if (commits != null) {
                return commits.committed(); // the publisher committed last, before it returned
            }
            checkpointer.stop();
            checkpointerThread.join(Math.max(1, remainingMillis(deadline)));
            return checkpointer.saveIfMoved();
        } finally {
            sink.close();
        }
    }

    private static long remainingMillis(long deadline) {
        return (deadline - System.nanoTime()) / 1_000_000;
    }
}
