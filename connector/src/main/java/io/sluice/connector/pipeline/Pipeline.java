package io.sluice.connector.pipeline;

import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.connector.binlog.StreamItem;
import io.sluice.connector.binlog.StreamOutput;
import io.sluice.connector.config.CheckpointConfig;
import io.sluice.connector.config.PipelineConfig;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.sink.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The stages after the reader: a bounded queue, the publisher, the in-flight window and the
 * checkpointer. The reader puts items in; positions come out in the checkpoint store.
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
    private final Checkpointer checkpointer;
    private final Thread publisherThread;
    private final Thread checkpointerThread;

    /**
     * @param start     the position the stream starts from
     * @param saved     the position already in the store, or {@code null}
     */
    public Pipeline(PipelineConfig config, CheckpointConfig checkpoints, Sink sink, CheckpointStore store,
                    BinlogPosition start, BinlogPosition saved, ValueEncoding encoding, boolean mariadb) {
        this.queue = new RowQueue(config.queueEvents());
        this.sink = sink;
        this.inFlight = new InFlightEvents(MAX_IN_FLIGHT_EVENTS, config.maxInFlightBytes(), start);
        this.publisher = new Publisher(queue, sink, inFlight, encoding, mariadb, ENCODER_THREADS, queue::close);
        this.checkpointer = new Checkpointer(store, inFlight, checkpoints.interval(), checkpoints.maxEvents(), saved);
        this.publisherThread = new Thread(publisher, "sluice-publisher");
        this.checkpointerThread = new Thread(checkpointer, "sluice-checkpointer");
    }

    public void start() {
        publisherThread.start();
        checkpointerThread.start();
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
        return failure != null ? failure : checkpointer.failure();
    }

    /** Takes no more items from the reader; a reader waiting for room is woken and stops. */
    public void closeInput() {
        queue.close();
    }

    /**
     * The ordered end of a run; call after the reader has stopped: publish what is queued, wait for the
     * sink to settle it, save the final checkpoint, close the sink.
     *
     * @return the position saved last
     */
    public BinlogPosition shutdown(Duration timeout) throws InterruptedException, CheckpointException {
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
                    + " published again on restart", inFlight.pending());
        }
        checkpointer.stop();
        checkpointerThread.join(Math.max(1, remainingMillis(deadline)));
        try {
            return checkpointer.saveIfMoved();
        } finally {
            sink.close();
        }
    }

    private static long remainingMillis(long deadline) {
        return (deadline - System.nanoTime()) / 1_000_000;
    }
}
