package io.sluice.connector.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A daemon started the way users start it, {@code sluice run --config FILE}, in a JVM of its own, so
 * that a test can stop it with a real signal: SIGTERM for a graceful stop, SIGKILL for a crash. Its
 * standard output and error go to a log file the test reads. The class path is the test's own, which
 * also makes the test sinks ({@code memory}, {@code silent}) available to the child.
 */
public final class ChildDaemon implements AutoCloseable {

    /** Heap of a child unless a test needs to prove something about memory. */
    private static final String DEFAULT_HEAP = "128m";

    private final Process process;
    private final Path log;

    private ChildDaemon(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code sluice run --config config} with the default heap, logging to {@code log}. */
    public static ChildDaemon launch(Path config, Path log) throws IOException {
        return launch(config, log, DEFAULT_HEAP);
    }

    /** @param maxHeap the child's {@code -Xmx}, such as {@code 64m} */
    public static ChildDaemon launch(Path config, Path log, String maxHeap) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
                "io.sluice.connector.cli.Main", "run", "--config", config.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return new ChildDaemon(builder.start(), log);
    }

    /** The file the daemon logs to. */
    public Path logFile() {
        return log;
    }

    /** What the daemon has logged so far; for a failure message, a note instead when there is no log. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Waits until the log contains {@code text}, polling every 20 ms, so that a test acts on what the
     * daemon did, however long a JVM takes to start on a busy machine. Fails when the daemon exits first.
     */
    public void awaitLog(String text, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!Files.readString(log).contains(text)) {
            if (!process.isAlive()) {
                fail("the daemon exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                fail("the daemon did not log '" + text + "' within " + within.toSeconds() + " s; see " + log);
            }
            Thread.sleep(20);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; only once the daemon has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Sends SIGTERM (what {@link Process#destroy} does on Linux) and waits for the daemon to exit;
     * fails when it is still running after {@code within}, killing it so that no process outlives the test.
     *
     * @return the exit code
     */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            fail("SIGTERM did not stop the daemon within " + within.toMillis() + " ms; see " + log);
        }
        return process.exitValue();
    }

    /** Sends SIGKILL, the crash no shutdown hook sees, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Kills a daemon still running, so a failed test leaves no process behind. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
