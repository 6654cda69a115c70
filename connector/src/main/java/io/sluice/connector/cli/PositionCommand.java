package io.sluice.connector.cli;

import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.CheckpointCodec;
import io.sluice.connector.sink.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code sluice position}: shows the saved checkpoint, read from the configured store just as the daemon
 * reads it at start-up. Reading never changes the store, so it is safe while a daemon runs; with Kafka
 * exactly-once delivery the store reads committed records only, and waits for a transaction still open
 * (at most one {@code sluice.checkpoint.interval}) rather than fencing the daemon that holds it.
 */
@Command(name = "position", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = PositionSetCommand.class,
        description = {
                "Show the saved position; 'position set' moves it.",
                "",
                "Prints the binlog file and offset, the rows to skip, the GTID set and the",
                "snapshot's progress, read from the configured checkpoint store as the",
                "daemon reads it. Safe while a daemon runs: with Kafka exactly-once delivery",
                "it waits for the open transaction to commit instead of fencing it."})
final class PositionCommand implements Callable<Void> {

    @ParentCommand
    private Main main;

    @Mixin
    private ConfigOptions options;

    @Option(names = "--json", description = "Print the checkpoint document as stored (null when none is saved).")
    private boolean json;

    @Override
    public Void call() throws CheckpointException {
        SluiceConfig config = config();
        Optional<String> saved;
        String where;
        try (CheckpointStore store = store(config)) {
            saved = store.load();
            where = store.describe();
        }
        PrintWriter out = main.out();
        if (json) {
            out.println(saved.orElse("null"));
        } else if (saved.isEmpty()) {
            out.println("No checkpoint saved in " + where + ".");
            out.println(CheckpointReport.start(config));
        } else {
            CheckpointReport.lines(where, decode(saved.get(), where)).forEach(out::println);
        }
        out.flush();
        return null;
    }

    /** @throws io.sluice.connector.config.InvalidConfigException listing every problem */
    SluiceConfig config() {
        return options.load(main.loader());
    }

    PrintWriter out() {
        return main.out();
    }

    /** The configured checkpoint store, created as the daemon creates it; the caller closes it. */
    static CheckpointStore store(SluiceConfig config) throws CheckpointException {
        return Plugins.checkpointStore(config.checkpoint().store()).create(config.checkpoint().settings());
    }

    /** @throws CheckpointException when the document is not one this release reads, saying what to do */
    static Checkpoint decode(String document, String where) throws CheckpointException {
        try {
            return CheckpointCodec.decode(document);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("the checkpoint in " + where + " is not readable: " + e.getMessage()
                    + ". 'sluice position --json' prints it as stored; 'sluice position set' replaces it", e);
        }
    }
}
