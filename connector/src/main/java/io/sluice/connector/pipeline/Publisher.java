package io.sluice.connector.pipeline;

import io.sluice.connector.binlog.RowsChange;
import io.sluice.connector.binlog.StreamItem;
import io.sluice.connector.binlog.TransactionEnd;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.metrics.SluiceMetrics;
import io.sluice.connector.metrics.TableCounters;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.SnapshotProgress;
import io.sluice.connector.snapshot.SnapshotRows;
import io.sluice.event.ChangeEvent;
import io.sluice.event.Operation;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The publish stage, on its own thread ({@code sluice-publisher}): takes row changes from the
 * reader's queue in binlog order, has them encoded on the encoder threads ({@code sluice-encoder-N},
 * one {@link EventEncoder} each), and publishes the results strictly in the order the changes were
 * read, registering each event as in flight and never waiting for the broker.
 *
 * <p>At most {@link #WINDOW} changes are being encoded at once, which bounds the memory encoding holds.
 *
 * <p>With a {@link io.sluice.sink.TransactionalSink} this thread also commits the sink's transactions
 * ({@link TransactionCommits}), between changes and when the queue runs dry.
 */
final class Publisher implements Runnable {

    private static final int WINDOW = 16;
    private static final Operation[] OPERATIONS = Operation.values();

    /** A change taken from the queue, with its encoding under way (none for a transaction end). */
    private record Pending(StreamItem item, Future<List<ChangeEncoding.Encoded>> encoded) {
    }

    private final RowQueue queue;
    private final Sink sink;
    private final InFlightEvents inFlight;
    private final ExecutorService encoders;
    private final ThreadLocal<EventEncoder> encoder;
    private final ArrayDeque<Pending> window = new ArrayDeque<>(WINDOW);
    private final PublishCallback callback;
    private final Runnable onStop;
    /** {@code null} unless the sink is transactional; then the checkpoints are committed from here. */
    private final TransactionCommits commits;
    private final SluiceMetrics metrics;
    /** Events and bytes of the change being published, per operation; reused, this thread only. */
    private final long[] counts = new long[OPERATIONS.length];
    private final long[] sizes = new long[OPERATIONS.length];
    /** The snapshot's progress as of the last item published; part of every checkpoint. */
    private volatile SnapshotProgress progress;
    /** The checkpoint of the last entry handed to the in-flight window. */
    private Checkpoint last;
    /** {@link #last} as of the end of the last item, for metrics read on other threads. */
    private volatile Checkpoint published;
    /** Publish time minus commit time of the last streamed change, in milliseconds. */
    private volatile long sourceLagMillis;
    /** Commit time of the last streamed change handed to the sink, epoch milliseconds; 0 before the first. */
    private volatile long lastCommitMillis;
    private volatile boolean draining;
    private volatile Exception failure;

    /**
     * @param encoderThreads how many threads encode JSON; order is restored before publishing
     * @param commits        commits a transactional sink's transactions, or {@code null}
     * @param onStop         runs when publishing ends for any reason, so the reader stops waiting for room
     * @param start          where the stream starts, with the snapshot progress it starts with
     * @param metrics        counts the published events and bytes per table and operation
     */
    Publisher(RowQueue queue, Sink sink, InFlightEvents inFlight, ValueEncoding encoding,
              boolean mariadb, int encoderThreads, TransactionCommits commits, Runnable onStop, Checkpoint start,
              SluiceMetrics metrics) {
        this.metrics = metrics;
        this.last = start;
        this.published = start;
        this.progress = start.snapshot();
        this.onStop = onStop;
        this.commits = commits;
        this.queue = queue;
        this.sink = sink;
        this.inFlight = inFlight;
        this.encoder = ThreadLocal.withInitial(() -> new EventEncoder(encoding, mariadb));
        AtomicInteger number = new AtomicInteger();
        this.encoders = Executors.newFixedThreadPool(encoderThreads, task -> {
            Thread thread = new Thread(task, "sluice-encoder-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.callback = (event, error) -> {
            if (error == null) {
                inFlight.acknowledge(event.sequence());
            } else {
                inFlight.fail(event.sequence(), error);
            }
        };
    }

    /** Finishes what is queued, then returns: the reader must already be stopped. */
    void drainAndStop() {
        draining = true;
    }

    /** Why publishing stopped early, or {@code null}. */
    Exception failure() {
        return failure;
    }

    /** The position after the last item handed to the sink (not necessarily acknowledged yet). */
    Checkpoint published() {
        return published;
    }

    /** The snapshot's progress as published so far, or {@code null} when no snapshot runs. */
    SnapshotProgress snapshotProgress() {
        return progress;
    }

    /** How far behind the source the last streamed change was when handed to the sink, in milliseconds. */
    long sourceLagMillis() {
        return sourceLagMillis;
    }

    long lastCommitMillis() {
        return lastCommitMillis;
    }

    @Override
    public void run() {
        try {
            while (true) {
                fillWindow();
                Pending next = window.poll();
                if (next == null) {
                    if (draining && queue.size() == 0) {
                        if (commits != null && inFlight.failure() == null) {
                            commits.commit();
                        }
                        return;
                    }
                    commitIfDue(); // the queue ran dry: what was published must not wait for more
                    continue;
                }
                if (inFlight.failure() != null || !publish(next)) {
                    failure = inFlight.failure();
                    return;
                }
                commitIfDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            Exception refused = inFlight.failure();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            failure = refused != null ? refused
                    : cause instanceof Exception ex ? ex : new IllegalStateException(cause);
        } finally {
            encoders.shutdownNow();
            onStop.run();
        }
    }

    private void commitIfDue() throws Exception {
        // A refused event must never be covered by a commit, even where Kafka's transaction did not notice.
        if (commits != null && inFlight.failure() == null) {
            commits.commitIfDue();
        }
    }

    /** Takes changes from the queue and starts encoding them, waiting only when there is nothing to publish. */
    private void fillWindow() throws InterruptedException {
        while (window.size() < WINDOW) {
            StreamItem item = window.isEmpty() ? queue.poll(100, TimeUnit.MILLISECONDS) : queue.poll(0, TimeUnit.MILLISECONDS);
            if (item == null) {
                return;
            }
            Future<List<ChangeEncoding.Encoded>> encoded = null;
            RowsChange change = item instanceof RowsChange rows ? rows
                    : item instanceof SnapshotRows snapshot ? snapshot.rows() : null;
            if (change != null) {
                long now = System.currentTimeMillis();
                encoded = encoders.submit(() -> ChangeEncoding.encode(encoder.get(), change, now));
            }
            window.add(new Pending(item, encoded));
        }
    }

    /** @return {@code false} when the sink refused an event: nothing after it may be published */
    private boolean publish(Pending next) throws Exception {
        if (next.item() instanceof TransactionEnd end) {
            add(new Checkpoint(end.next(), progress), 0, true);
            published = last;
            return true;
        }
        if (next.item() instanceof SnapshotRows snapshot && snapshot.rows() == null) {
            progress = snapshot.after();
            add(new Checkpoint(last.binlog(), progress), 0, true);
            published = last;
            return true;
        }
        List<ChangeEncoding.Encoded> events = next.encoded().get();
        // Counted per operation and added once per change: a per-event label lookup would cost throughput.
        Arrays.fill(counts, 0);
        Arrays.fill(sizes, 0);
        for (int i = 0; i < events.size(); i++) {
            if (inFlight.failure() != null) {
                return false;
            }
            ChangeEncoding.Encoded encoded = events.get(i);
            Checkpoint after;
            RowsChange change;
            if (next.item() instanceof SnapshotRows snapshot) {
                change = snapshot.rows();
                // Only the last row completes the rows: the progress moves on once it is acknowledged.
                after = new Checkpoint(snapshot.at(), i == events.size() - 1 ? snapshot.after() : progress);
            } else {
                change = (RowsChange) next.item();
                after = new Checkpoint(new BinlogPosition(change.transaction().file(), change.transaction().offset(),
                        encoded.rowsDone(), change.transaction().gtidSetBefore()), progress);
            }
            long sequence = add(after, encoded.size(), false);
            sink.publish(new ChangeEvent(sequence, encoded.id(), encoded.operation(),
                    change.table().schema().database(), change.table().schema().table(), encoded.key(),
                    encoded.value(), change.transaction().id(), change.timestampMillis()), callback);
            counts[encoded.operation().ordinal()]++;
            sizes[encoded.operation().ordinal()] += encoded.size();
        }
        RowsChange change = next.item() instanceof SnapshotRows snapshot ? snapshot.rows() : (RowsChange) next.item();
        count(change);
        if (next.item() instanceof SnapshotRows snapshot) {
            progress = snapshot.after();
        } else {
            sourceLagMillis = Math.max(0, System.currentTimeMillis() - change.timestampMillis());
            lastCommitMillis = change.timestampMillis();
        }
        published = last;
        return true;
    }

    private void count(RowsChange change) {
        TableCounters table = metrics.table(change.table().schema().database(), change.table().schema().table());
        for (Operation operation : OPERATIONS) {
            if (counts[operation.ordinal()] > 0) {
                table.published(operation, counts[operation.ordinal()], sizes[operation.ordinal()]);
            }
        }
    }

    /** Registers an entry as in flight (and, with a transactional sink, as part of the open transaction). */
    private long add(Checkpoint after, int size, boolean done) throws InterruptedException {
        long sequence = inFlight.add(after, size, done);
        last = after;
        if (commits != null) {
            commits.published(after);
        }
        return sequence;
    }
}
