package io.sluice.connector;

import io.sluice.checkpoint.CheckpointStore;
import io.sluice.connector.binlog.BinlogReader;
import io.sluice.connector.binlog.BinlogSource;
import io.sluice.connector.binlog.SourceServer;
import io.sluice.connector.check.Finding;
import io.sluice.connector.check.Preflight;
import io.sluice.connector.config.ConfigProblem;
import io.sluice.connector.config.InvalidConfigException;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.pipeline.Pipeline;
import io.sluice.connector.config.SnapshotConfig;
import io.sluice.connector.config.StartPosition;
import io.sluice.connector.metrics.SluiceMetrics;
import io.sluice.connector.operations.HealthCheck;
import io.sluice.connector.operations.OperationsServer;
import io.sluice.connector.operations.PipelineGauges;
import io.sluice.connector.operations.Readiness;
import io.sluice.connector.filter.TableFilter;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.SnapshotProgress;
import io.sluice.connector.position.TableProgress;
import io.sluice.connector.snapshot.SnapshotSignals;
import io.sluice.connector.snapshot.SnapshotStream;
import io.sluice.connector.snapshot.Snapshotter;
import io.sluice.connector.position.CheckpointCodec;
import io.sluice.connector.sink.Plugins;
import io.sluice.sink.Sink;
import io.sluice.sink.TransactionalSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root: wires source, pipeline, sink and checkpoint store by hand and runs them.
 *
 * <p>Threads, each named:
 * <ul>
 *   <li>{@code sluice-binlog-reader}: reads the binlog, tracks positions, hands row changes on, and places
 *       snapshot chunks between transactions;</li>
 *   <li>{@code sluice-snapshot-N}: read existing rows in key-ordered chunks while a snapshot runs;</li>
 *   <li>{@code sluice-encoder-N} (one per core): encode row changes to JSON;</li>
 *   <li>{@code sluice-publisher}: publishes the encoded events in binlog order to the sink;</li>
 *   <li>{@code sluice-checkpointer}: saves the acknowledged position, batched by time and count (with a
 *       transactional sink the publisher commits it instead, inside the sink's transactions);</li>
 *   <li>the sink's own threads (broker client I/O, {@code sluice-jsonl-writer}), which acknowledge.</li>
 * </ul>
 *
 * <p>Lifecycle: {@code NEW -> RUNNING -> STOPPING -> STOPPED}, or {@code FAILED} when something cannot go
 * on. Stopping is ordered and time-bounded: stop reading, drain the queue, let the sink settle, save the
 * final checkpoint, close.
 */
public final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    /** Where the daemon is in its life. */
    public enum State { NEW, RUNNING, STOPPING, STOPPED, FAILED }

    private final SluiceConfig config;
    private final SluiceMetrics metrics = new SluiceMetrics();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicReference<Exception> fatal = new AtomicReference<>();
    private volatile State state = State.NEW;
    /** Set once running; read by the readiness probe on the HTTP thread. */
    private volatile Running running;
    private volatile OperationsServer operations;

    /** The parts readiness and metrics look at, once they all exist. */
    private record Running(BinlogReader reader, Pipeline pipeline, Sink sink) {
    }

    public Daemon(SluiceConfig config) {
        this.config = config;
    }

    public State state() {
        return state;
    }

    /** Everything this daemon counts; what {@code /metrics} serves. */
    public SluiceMetrics metrics() {
        return metrics;
    }

    /**
     * The port of the health and metrics endpoint once it listens (it starts first thing in {@link #run}),
     * or -1 when it is off or not started yet.
     */
    public int operationsPort() {
        OperationsServer server = operations;
        return server == null ? -1 : server.port();
    }

    /**
     * Whether the daemon does its job now: running, reading from the database, connected to the sink,
     * and the sink acknowledging within {@code sluice.http.stalled-after}. Cheap; never blocks.
     */
    public Readiness readiness() {
        State now = state;
        Running parts = running;
        if (now != State.RUNNING || parts == null) {
            return Readiness.notYet("running", switch (now) {
                case NEW -> "starting: connecting to the database and the sink";
                case STOPPING -> "stopping: draining the pipeline";
                case STOPPED -> "stopped";
                default -> "failed: " + (fatal.get() == null || fatal.get().getMessage() == null ? "see the log"
                        : fatal.get().getMessage());
            });
        }
        String source = parts.reader().describeSource();
        Duration waited = parts.pipeline().unacknowledgedFor();
        Duration limit = config.http().stalledAfter();
        return new Readiness(List.of(
                parts.reader().connected()
                        ? HealthCheck.pass("database", "reading the binlog of " + source)
                        : HealthCheck.fail("database", "not connected to " + source + "; reconnecting (the log says why)"),
                parts.sink().connected()
                        ? HealthCheck.pass("sink", "connected (" + config.sink().type() + ")")
                        : HealthCheck.fail("sink", "the " + config.sink().type() + " sink cannot reach its broker;"
                                + " events wait and are sent when it is back"),
                waited.compareTo(limit) < 0
                        ? HealthCheck.pass("delivery", parts.pipeline().inFlightEvents() + " event(s) awaiting acknowledgement")
                        : HealthCheck.fail("delivery", "events have waited " + waited.toSeconds() + " s with no"
                                + " acknowledgement from the sink, longer than sluice.http.stalled-after ("
                                + limit.toSeconds() + " s)")));
    }

    /** Asks a running daemon to stop gracefully; {@link #run} returns once it has. */
    public void stop() {
        stopRequested.countDown();
    }

    /**
     * Runs until {@link #stop} is called or something fails for good.
     *
     * @throws Exception the failure that ended the run, after the final checkpoint was saved
     */
    public void run() throws Exception {
        if (config.http().enabled()) {
            operations = OperationsServer.start(config.http(), metrics.registry(), this::readiness);
        }
        try {
            runWithEndpoint();
        } finally {
            OperationsServer server = operations;
            if (server != null) {
                server.close();
            }
        }
    }

    private void runWithEndpoint() throws Exception {
        SourceServer server = new SourceServer(config.source());
        requireReadableBinlog();
        logPreflight();
        // Locked until the store closes: a second daemon or 'sluice position set' on this checkpoint file is refused.
        CheckpointStore store = io.sluice.connector.checkpoint.FileCheckpointStore.lockedForWriting(
                Plugins.checkpointStore(config.checkpoint().store()).create(config.checkpoint().settings()));
        SnapshotConfig snapshots = config.snapshot();
        try (store) {
            Sink sink = Plugins.sink(config.sink().type()).create(config.sink().settings());
            Pipeline pipeline;
            BinlogReader reader;
            Snapshotter snapshotter;
            try {
                if (sink instanceof TransactionalSink transactional) {
                    requireCommitsInTime(transactional);
                    // Before the load: fencing older instances first is what keeps the position read
                    // next from moving under this one.
                    transactional.adoptCheckpoints(store);
                }
                Optional<String> checkpoint = store.load();
                Checkpoint saved = checkpoint.map(CheckpointCodec::decode).orElse(null);
                Checkpoint start = startingPoint(server, saved);
                LOG.info("Sluice {} on {} {} starting from {} ({}), checkpoints in {}{}", versionText(),
                        server.isMariadb() ? "MariaDB" : "MySQL", server.version(), start.describe(),
                        start == saved ? "saved checkpoint" : "sluice.source.start", store.describe(),
                        sink instanceof TransactionalSink ? ", committed in the sink's transactions" : "");
                if (snapshots.mode() == SnapshotConfig.Mode.INITIAL_ONLY && start.snapshot() == null) {
                    LOG.info("sluice.snapshot.mode = initial-only and no snapshot is pending: nothing to do");
                    sink.close();
                    state = State.STOPPED;
                    return;
                }
                pipeline = new Pipeline(config.pipeline(), config.checkpoint(), sink, store, start, saved,
                        config.encoding(), server.isMariadb(), metrics);
                SnapshotStream stream = new SnapshotStream(pipeline, start.binlog(), start.snapshot(),
                        snapshots.signalTable() == null ? null
                                : new SnapshotSignals(snapshots.signalTable(), new TableFilter(config.filter())),
                        this::snapshotFinished);
                reader = BinlogSource.reader(config.source(), new TableFilter(config.filter(), snapshots.signalTable()),
                        server, start.binlog(), stream, this::failed, () -> { });
                snapshotter = new Snapshotter(stream, server, new TableFilter(config.filter()), snapshots.chunkSize(),
                        snapshots.parallelism(), this::failed);
            } catch (Exception e) {
                sink.close();
                throw e;
            }
            pipeline.start();
            reader.start();
            snapshotter.start();
            running = new Running(reader, pipeline, sink);
            PipelineGauges.register(metrics, reader, pipeline, sink, this::readiness);
            state = State.RUNNING;

            while (!stopRequested.await(200, TimeUnit.MILLISECONDS)) {
                Exception failure = pipeline.failure();
                if (failure != null) {
                    // Only what the sink or the store did is a delivery failure (exit 6); an event Sluice
                    // cannot encode is its own, and restarting would only fail on it again.
                    failed(pipeline.failedInSinkOrStore() ? new DeliveryFailedException(failure) : failure);
                }
            }
            state = State.STOPPING;
            // One deadline for every step, so the whole stop fits in sluice.pipeline.shutdown-timeout.
            long deadline = System.nanoTime() + config.pipeline().shutdownTimeout().toNanos();
            snapshotter.stop(remaining(deadline)); // first: a chunk being placed holds up the reader
            reader.stop(remaining(deadline));
            pipeline.closeInput();
            Checkpoint last = pipeline.shutdown(remaining(deadline));
            LOG.info("Stopped; the checkpoint stands at {}", last == null ? "(none)" : last.describe());
        } catch (Exception e) {
            state = State.FAILED;
            throw e;
        }
        Exception failure = fatal.get();
        if (failure != null) {
            state = State.FAILED;
            throw failure;
        }
        state = State.STOPPED;
    }

    /**
     * Where this run starts: the saved checkpoint; or, without one, {@code sluice.source.start} with a
     * snapshot of every captured table unless the mode is never; or, in when-needed mode when the saved
     * position is gone from the server, the current position with a new snapshot.
     */
    private Checkpoint startingPoint(SourceServer server, Checkpoint saved) throws SQLException {
        SnapshotConfig.Mode mode = config.snapshot().mode();
        if (saved != null && (mode != SnapshotConfig.Mode.WHEN_NEEDED || server.stillHas(saved.binlog()))) {
            return saved;
        }
        BinlogPosition from = server.resolve(saved == null ? config.source().start() : StartPosition.CURRENT_POSITION);
        if (saved != null) {
            LOG.warn("The saved position {} is no longer on the server (its binlog was purged); as"
                    + " sluice.snapshot.mode = when-needed, a new snapshot starts from {}", saved.binlog().describe(),
                    from.describe());
        }
        if (mode == SnapshotConfig.Mode.NEVER) {
            return Checkpoint.of(from);
        }
        List<TableProgress> tables = Snapshotter.capturedTables(server, new TableFilter(config.filter()),
                config.snapshot().signalTable());
        LOG.info("Snapshot of {} table(s) to run alongside the stream (sluice.snapshot.mode = {})", tables.size(),
                mode.name().toLowerCase().replace('_', '-'));
        return new Checkpoint(from, SnapshotProgress.of(tables));
    }

    private void snapshotFinished() {
        if (config.snapshot().mode() == SnapshotConfig.Mode.INITIAL_ONLY) {
            LOG.info("Snapshot complete; stopping once its last rows are delivered (sluice.snapshot.mode = initial-only)");
            stopRequested.countDown();
        } else {
            LOG.info("Snapshot complete; streaming goes on");
        }
    }

    /** Refuses to start on a binlog Sluice cannot read completely, naming every setting to change. */
    private void requireReadableBinlog() throws SQLException {
        List<String> failures = new ArrayList<>();
        for (Finding finding : new Preflight(config).binlogRequirements()) {
            if (finding.severity() == Finding.Severity.FAIL) {
                failures.add(finding.what() + ". Fix: " + finding.fix());
            }
        }
        if (!failures.isEmpty()) {
            throw new SQLException("the server at " + config.source().host() + ":" + config.source().port()
                    + " writes a binlog Sluice cannot read completely: " + String.join("; ", failures));
        }
    }

    /** A transaction left open longer than the broker allows is aborted by it: refuse such an interval now. */
    private void requireCommitsInTime(TransactionalSink sink) throws InvalidConfigException {
        Duration interval = config.checkpoint().interval();
        if (interval.compareTo(sink.maxCommitInterval()) >= 0) {
            throw new InvalidConfigException(List.of(new ConfigProblem("sluice.checkpoint.interval", null, "is "
                    + interval + ", but with exactly-once delivery each transaction commits at that interval and the "
                    + "broker aborts one open longer than its timeout: keep the interval below "
                    + sink.maxCommitInterval() + " (" + sink.maxCommitIntervalSetting() + "), or raise that setting")));
        }
    }

    /**
     * Logs what {@code sluice check} would report, as warnings: the hard requirements were just
     * enforced; the rest (row metadata, GTIDs, grants) costs accuracy or features, not correctness.
     */
    private void logPreflight() {
        for (Finding finding : new Preflight(config).run()) {
            if (finding.severity() != Finding.Severity.OK) {
                LOG.warn("{}: {}. {}", finding.severity(), finding.what(), finding.fix());
            }
        }
    }

    private void failed(Exception cause) {
        if (fatal.compareAndSet(null, cause)) {
            LOG.error("Stopping: {}", cause.getMessage());
        }
        stopRequested.countDown();
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private static String versionText() {
        String version = Daemon.class.getPackage().getImplementationVersion();
        return version != null ? version : "(development build)";
    }
}
