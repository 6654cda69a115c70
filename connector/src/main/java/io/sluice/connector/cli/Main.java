package io.sluice.connector.cli;

import io.sluice.connector.config.ConfigLoader;
import io.sluice.connector.config.ConfigProblem;
import io.sluice.connector.config.InvalidConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The {@code sluice} command. The only place that turns failures into exit codes, each with a message
 * on standard error, so a supervisor can tell a failure that a restart may mend from one that needs a
 * person:
 * <ul>
 *   <li>{@value #OK}: done (for {@code run}: stopped on request, final checkpoint saved);</li>
 *   <li>{@value #FAILED}: anything not classed below;</li>
 *   <li>{@value #CONFIG_ERROR}: the configuration or the command line is invalid, every problem listed;</li>
 *   <li>{@value #CHECK_FAILED}: {@code check} found problems that keep Sluice from running;</li>
 *   <li>{@value #SOURCE_REFUSED}: the database refused the user's password or privileges;</li>
 *   <li>{@value #POSITION_PURGED}: the position to resume from is no longer in the server's binlog;</li>
 *   <li>{@value #SINK_FAILED}: the sink or the checkpoint store failed for good;</li>
 *   <li>{@value #SOURCE_UNREACHABLE}: the database could not be reached at start-up.</li>
 * </ul>
 */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {RunCommand.class, CheckCommand.class, PositionCommand.class},
        description = "Change data capture: streams MySQL/MariaDB row changes to Kafka, NATS and more.",
        footer = {"",
                "Exit codes:",
                "  0 ok (run: stopped on request, final checkpoint saved)",
                "  1 failed for another reason (the message says why)",
                "  2 invalid configuration or arguments (every problem listed)",
                "  3 check found problems",
                "  4 the database refused the user's password or privileges",
                "  5 the saved position is no longer in the server's binlog (purged)",
                "  6 the sink or the checkpoint store failed (broker refused events or is gone)",
                "  7 the database could not be reached at start-up",
                "Settings: --set wins over SLUICE_* environment variables, which win over",
                "the --config file, which wins over reference.conf (it documents every key)."})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int CONFIG_ERROR = 2;
    public static final int CHECK_FAILED = 3;
    public static final int SOURCE_REFUSED = 4;
    public static final int POSITION_PURGED = 5;
    public static final int SINK_FAILED = 6;
    public static final int SOURCE_UNREACHABLE = 7;

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private final ConfigLoader loader;
    private final PrintWriter out;
    private final PrintWriter err;

    @Spec
    private CommandSpec spec;

    private Main(ConfigLoader loader, PrintWriter out, PrintWriter err) {
        this.loader = loader;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        LogFormat.applyFromEnvironment(System.getenv());
        JulToSlf4j.install();
        System.exit(execute(new ConfigLoader(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args));
    }

    /**
     * Runs one command and returns its exit code instead of exiting, for tests and embedding.
     *
     * @param environment stands in for the process environment ({@code SLUICE_*} overrides, substitutions)
     */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        return execute(new ConfigLoader(environment), out, err, args);
    }

    private static int execute(ConfigLoader loader, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main(loader, out, err));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("sluice: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return CONFIG_ERROR;
        });
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> exitCode(e, err));
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Maps a failure to its exit code and says what happened on one line (a line per config problem). */
    static int exitCode(Exception e, PrintWriter err) {
        if (e instanceof ReportedFailure reported) {
            return reported.exitCode();
        }
        if (e instanceof InvalidConfigException invalid) {
            int count = invalid.problems().size();
            err.println("sluice: invalid configuration, " + (count == 1 ? "1 problem" : count + " problems") + ":");
            for (ConfigProblem problem : invalid.problems()) {
                err.println("  " + problem);
            }
            err.flush();
            return CONFIG_ERROR;
        }
        if (e instanceof CheckFailedException) {
            err.println("sluice: check: " + e.getMessage() + "; fix the FAIL lines above and run it again");
            err.flush();
            return CHECK_FAILED;
        }
        String message = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getName() : e.getMessage().lines().findFirst().orElse("");
        FailureClass failure = FailureClass.of(e);
        err.println("sluice: " + message);
        err.println("sluice: exit " + failure.exitCode() + ": " + failure.explanation()
                + " (SLUICE_LOG_LEVEL=DEBUG prints the stack trace)");
        err.flush();
        LOG.debug("Failed", e);
        return failure.exitCode();
    }

    ConfigLoader loader() {
        return loader;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Without a command: say which ones there are. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, check or position");
    }
}
