package io.sluice.connector.cli;

import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.connector.binlog.ResumeCheck;
import io.sluice.connector.checkpoint.CheckpointLockedException;
import io.sluice.connector.checkpoint.FileCheckpointStore;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.CheckpointCodec;
import io.sluice.connector.position.TableProgress;
import io.sluice.connector.sink.Plugins;
import io.sluice.sink.Sink;
import io.sluice.sink.TransactionalSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code sluice position set}: writes a checkpoint at a binlog file and offset or a GTID set, with no
 * snapshot in progress, where the daemon reads it at its next start. Like Maxwell's
 * {@code --init_position}, or editing a Debezium offset by hand, but checked against the server first
 * and written the way the daemon writes.
 *
 * <p>It refuses while a daemon may be running with this configuration, since the daemon would
 * overwrite the new position with its next save. What detects one:
 * <ol>
 *   <li>the file store's {@link io.sluice.connector.checkpoint.WriterLock} ({@code <path>.lock}), which
 *       the daemon holds while it runs; this command holds it while it writes, so no daemon starts
 *       meanwhile. It works on one host, or on a shared file system whose locks work across hosts;</li>
 *   <li>the operations endpoint: when {@code sluice.http.enabled} with a fixed port, any answer on
 *       {@code /health/live} counts as a running daemon;</li>
 *   <li>the store itself: the NATS KV store writes with compare-and-set, so a daemon still running
 *       fails its next save and stops; with Kafka exactly-once delivery the position is written in the
 *       sink's transaction, which fences a daemon still running with that transactional id.</li>
 * </ol>
 * A Kafka checkpoint store with at-least-once delivery has none of these but the endpoint: a daemon
 * running unseen there would overwrite the new position.
 */
@Command(name = "set", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Move the saved position; the daemon reads from there at its next start.",
                "",
                "Give --file NAME --pos N, or --gtid-set SET. A snapshot in progress is",
                "discarded. Prints the old and the new position. The target is checked",
                "against the server: the file is in SHOW BINARY LOGS and the offset starts",
                "a transaction, or the GTID set is neither beyond what the server executed",
                "nor missing transactions it purged. --force skips only that check.",
                "",
                "Refuses while a daemon runs with this configuration, found by:",
                "- the lock a running daemon holds on a file store: <path>.lock (this host,",
                "  or a shared file system whose locks work across hosts);",
                "- the operations endpoint, if sluice.http.enabled and the port is not 0:",
                "  any answer on /health/live (if that is not Sluice, add",
                "  --set sluice.http.enabled=false);",
                "- the NATS KV store: a daemon still running fails its next save and stops;",
                "- Kafka exactly-once: the write fences a daemon still running.",
                "A kafka store with at-least-once delivery has the endpoint alone: stop the",
                "daemon first."})
final class PositionSetCommand implements Callable<Void> {

    @ParentCommand
    private PositionCommand position;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PositionArguments arguments;

    @Option(names = "--force", description = "Write the position without checking it against the server, for example"
            + " while the server is down. A running daemon is refused all the same.")
    private boolean force;

    @Override
    public Void call() throws Exception {
        BinlogPosition target;
        try {
            target = arguments.target();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        SluiceConfig config = position.config();
        Optional<String> answering = LivenessProbe.evidence(config.http());
        if (answering.isPresent()) {
            throw new DaemonRunningException("refusing to move the position while a daemon seems to run with this"
                    + " configuration: " + answering.get() + ". Stop the daemon first (SIGTERM: it saves its last"
                    + " position on the way out), then run position set again; if what answers is not Sluice, add"
                    + " --set sluice.http.enabled=false", null);
        }
        try (CheckpointStore store = lockedStore(config)) {
            if (!force) {
                requireOnServer(config, target);
            }
            Checkpoint next = Checkpoint.of(target);
            Optional<String> previous = write(config, store, CheckpointCodec.encode(next));
            report(store.describe(), previous, next);
        }
        return null;
    }

    /** The configured store, locked against a daemon starting meanwhile when it is a file. */
    private static CheckpointStore lockedStore(SluiceConfig config) throws CheckpointException,
            DaemonRunningException {
        try {
            return FileCheckpointStore.lockedForWriting(PositionCommand.store(config));
        } catch (CheckpointLockedException e) {
            throw new DaemonRunningException("refusing to move the position while a daemon runs with this checkpoint:"
                    + " process " + e.holder() + " holds " + e.lockFile() + ", as a running daemon (or another"
                    + " position set) does. Stop the daemon first (SIGTERM: it saves its last position on the way"
                    + " out), then run position set again", e);
        }
    }

    private static void requireOnServer(SluiceConfig config, BinlogPosition target) throws PositionRefusedException {
        String problem;
        try {
            problem = new ResumeCheck(config.source()).problem(target);
        } catch (SQLException e) {
            throw new PositionRefusedException("cannot check the new position against the server: " + e.getMessage()
                    + " Or add --force to write the position without checking it");
        }
        if (problem != null) {
            throw new PositionRefusedException("refusing to move the position: " + problem);
        }
    }

    /**
     * Saves {@code checkpoint} where the daemon reads it, and returns what was saved before. A sink that
     * keeps the checkpoint in its own transactions writes it there, after fencing older writers exactly
     * as at the daemon's start, so that the position read before is final; other sinks are closed unused.
     */
    private static Optional<String> write(SluiceConfig config, CheckpointStore store, String checkpoint)
            throws Exception {
        try (Sink sink = Plugins.sink(config.sink().type()).create(config.sink().settings())) {
            TransactionalSink transactional = sink instanceof TransactionalSink t ? t : null;
            if (transactional != null) {
                transactional.adoptCheckpoints(store);
            }
            Optional<String> previous = store.load();
            if (transactional != null) {
                transactional.commit(checkpoint);
            } else {
                store.save(checkpoint);
            }
            return previous;
        }
    }

    private void report(String where, Optional<String> previous, Checkpoint next) {
        PrintWriter out = position.out();
        out.println("Moved the position in " + where + ":");
        Checkpoint old = null;
        if (previous.isEmpty()) {
            out.println("  from  (none saved)");
        } else {
            try {
                old = CheckpointCodec.decode(previous.get());
                out.println("  from  " + CheckpointReport.oneLine(old.binlog()));
            } catch (IllegalArgumentException e) {
                out.println("  from  an unreadable checkpoint: " + previous.get());
            }
        }
        out.println("  to    " + CheckpointReport.oneLine(next.binlog()));
        if (old != null && old.snapshot() != null) {
            out.println("The snapshot in progress is discarded; these tables were not finished and their remaining"
                    + " rows will not be read:");
            for (TableProgress table : old.snapshot().tables()) {
                out.println("    " + CheckpointReport.table(table));
            }
            out.println("Request a new snapshot of them through sluice.snapshot.signal-table if you need those rows.");
        }
        out.println("The daemon streams from there at its next start: changes after it are delivered (again, with"
                + " the same event ids, where they were delivered before), changes before it are not.");
        out.flush();
    }
}
