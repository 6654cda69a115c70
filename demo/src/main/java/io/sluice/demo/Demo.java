package io.sluice.demo;

import io.sluice.demo.TerminalDestination.Format;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code sluice demo}: Sluice on a throwaway MySQL 8.0 with a sample shop and a gentle live workload,
 * streaming to the terminal, or to a local Kafka or NATS, until Ctrl-C or for a given time; then it
 * removes everything it made. The only place that turns outcomes into exit codes:
 * {@value #OK} stopped as asked, {@value #FAILED} something failed (the message says what),
 * {@value #USAGE} invalid arguments.
 */
@Command(name = "sluice demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Starts a throwaway MySQL 8.0 (from the binaries the build fetched), creates database shop",
                "(customers, products, orders), changes a row or two every half second, and streams every",
                "change through Sluice: to the terminal by default, or to a local Kafka or NATS JetStream.",
                "Rows that exist before Sluice starts arrive first, read by its snapshot (op r).",
                "Ctrl-C or SIGTERM stops Sluice and MySQL and deletes every file the demo made."},
        footer = {"",
                "Output: on a terminal each event is shown in two coloured lines; NO_COLOR=1 or TERM=dumb turn",
                "the colours off. Piped (./sluice demo | jq) the events are JSON, one per line, as from",
                "'sluice run' with the stdout sink. Messages and logs always go to standard error.",
                "Exit codes: 0 stopped as asked, 1 failed (a broker not answering, Sluice or MySQL failing),",
                "2 invalid arguments."})
public final class Demo implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** Where {@code --sink} sends the events. */
    enum SinkChoice { STDOUT, KAFKA, NATS }

    /** A clean-up after a signal may take the daemon's stop plus MySQL's. */
    private static final Duration CLEANUP_LIMIT = Duration.ofSeconds(60);

    /**
     * The servers log each start through java.util.logging; the demo says it in its own words. Held here
     * because java.util.logging keeps only weak references to configured loggers.
     */
    private static final Logger SERVERS_LOG = Logger.getLogger("io.sluice.servers");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SECONDS",
            description = "Stop after streaming for this many seconds. Default: run until Ctrl-C.")
    private Long seconds;

    @Option(names = "--sink", paramLabel = "stdout|kafka|nats", defaultValue = "stdout",
            description = {"Where the events go. Default: ${DEFAULT-VALUE}.",
                    "kafka: Sluice's Kafka sink, a topic per table (sluice-demo.shop.<table>).",
                    "nats: Sluice's NATS sink, JetStream stream sluice-demo, subjects sluice-demo.shop.<table>.",
                    "With a broker the demo prints the count of acknowledged events every 5 s and a command",
                    "to watch them; the events stay in the broker afterwards."})
    private SinkChoice sink;

    @Option(names = "--format", paramLabel = "auto|pretty|json", defaultValue = "auto",
            description = {"How --sink stdout writes events: pretty (two readable lines each), json (one",
                    "JSON event per line), or auto: pretty on a terminal, json otherwise. Default: ${DEFAULT-VALUE}."})
    private Format format;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]", defaultValue = "localhost:9092",
            description = "The Kafka broker for --sink kafka. Default: ${DEFAULT-VALUE}.")
    private String bootstrapServers;

    @Option(names = "--nats-url", paramLabel = "nats://HOST:PORT", defaultValue = "nats://localhost:4222",
            description = "The NATS server, with JetStream enabled, for --sink nats. Default: ${DEFAULT-VALUE}.")
    private String natsUrl;

    public static void main(String[] args) {
        SERVERS_LOG.setLevel(Level.WARNING);
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the demo and returns its exit code instead of exiting: for tests. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Demo())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> usageError(e, err));
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            if (e instanceof CommandLine.ParameterException usage) {
                return usageError(usage, err);
            }
            err.println("sluice demo: " + (e instanceof DemoException ? "" : "failed: ") + e.getMessage());
            return FAILED;
        });
        return commandLine.execute(args);
    }

    private static int usageError(CommandLine.ParameterException e, PrintWriter err) {
        err.println("sluice demo: " + e.getMessage());
        err.println("Try 'sluice demo --help'.");
        return USAGE;
    }

    @Override
    public Integer call() throws Exception {
        Destination destination = destination();
        StopSignal stop = new StopSignal(CLEANUP_LIMIT);
        int code = FAILED;
        try {
            code = new DemoSession(destination, seconds == null ? null : Duration.ofSeconds(seconds), stop,
                    System.err).run();
            return code;
        } finally {
            stop.finished(code);
        }
    }

    /** @throws CommandLine.ParameterException for options that do not fit together or do not parse */
    private Destination destination() {
        if (seconds != null && seconds < 1) {
            throw usage("SECONDS is " + seconds + "; give at least 1, or leave it out to run until Ctrl-C");
        }
        requireOnlyWith("--format", SinkChoice.STDOUT);
        requireOnlyWith("--bootstrap-servers", SinkChoice.KAFKA);
        requireOnlyWith("--nats-url", SinkChoice.NATS);
        try {
            return switch (sink) {
                // Java 17 has a console only when standard input and output are both terminals: close enough.
                case STDOUT -> TerminalDestination.choose(format, System.console() != null, System.getenv());
                case KAFKA -> new KafkaDestination(bootstrapServers);
                case NATS -> new NatsDestination(natsUrl);
            };
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private void requireOnlyWith(String option, SinkChoice choice) {
        if (sink != choice && spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw usage(option + " goes with --sink " + choice.name().toLowerCase(Locale.ROOT)
                    + ", not --sink " + sink.name().toLowerCase(Locale.ROOT));
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
