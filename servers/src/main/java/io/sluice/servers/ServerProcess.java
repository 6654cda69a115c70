package io.sluice.servers;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a server binary as a child process: its stdout and stderr appended to a log file,
 * watched until it is ready, then stopped with SIGTERM (SIGKILL after a grace period) or killed.
 *
 * <p>One instance per run. Not thread-safe: the owning server serializes calls.
 */
final class ServerProcess {

    /** How many log lines a start-up failure message ends with. */
    private static final int TAIL_LINES = 40;
    private static final Duration POLL = Duration.ofMillis(100);

    /** Says whether a freshly started server is ready; throwing {@link ServerException} means it never will be. */
    @FunctionalInterface
    interface ReadinessCheck {
        boolean isReady() throws Exception;
    }

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long logStart;

    private ServerProcess(String name, Process process, Path logFile, long logStart) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.logStart = logStart;
    }

    /**
     * Starts {@code command}, appending its output to {@code logFile} after a header line, so one log
     * holds every run of a server and each run is easy to find in it.
     *
     * @param name what to call the process in messages, e.g. {@code "mysqld (MySQL 8.0) on 127.0.0.1:41234"}
     */
    static ServerProcess start(String name, List<String> command, Map<String, String> environment, Path logFile) {
        long logStart;
        Process process;
        try {
            Files.writeString(logFile, "---- " + Instant.now() + " sluice-servers starting: "
                            + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            logStart = Files.size(logFile);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(logFile.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new ServerException("cannot start " + name + " with command " + command
                    + " (is the binary there and executable?): " + e, e);
        }
        ExitCleanup.register(process);
        try {
            // Servers never read stdin; end-of-file keeps any that try from waiting for a terminal.
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The process has already exited; awaitReady reports that with the log.
        }
        return new ServerProcess(name, process, logFile, logStart);
    }

    /**
     * Runs a set-up command (data-directory initialisation, storage formatting) to completion.
     *
     * @throws ServerException if it fails or takes longer than {@code timeout}; the message ends with its log
     */
    static void run(String name, List<String> command, Map<String, String> environment, Path logFile,
            Duration timeout) {
        ServerProcess run = start(name, command, environment, logFile);
        try {
            if (!run.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                run.kill();
                throw run.failure("it did not finish within " + timeout.toSeconds() + " s");
            }
            if (run.process.exitValue() != 0) {
                throw run.failure("it exited with code " + run.process.exitValue());
            }
        } catch (InterruptedException e) {
            run.kill();
            Thread.currentThread().interrupt();
            throw new ServerException(name + " interrupted", e);
        } finally {
            ExitCleanup.unregister(run.process);
        }
    }

    /**
     * Polls {@code check} until it says ready. Kills the process and throws if it exits, if the check
     * throws {@link ServerException}, or if {@code timeout} passes first.
     */
    void awaitReady(Duration timeout, ReadinessCheck check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastProblem = null;
        while (true) {
            if (!process.isAlive()) {
                ExitCleanup.unregister(process);
                throw failure("it exited with code " + process.exitValue() + " while starting");
            }
            try {
                if (check.isReady()) {
                    return;
                }
            } catch (ServerException e) {
                kill();
                throw failure(e.getMessage());
            } catch (Exception e) {
                lastProblem = e;
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw failure("it did not become ready within " + timeout.toSeconds() + " s"
                        + (lastProblem == null ? "" : " (last probe: " + lastProblem + ")"));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
                throw new ServerException("interrupted while waiting for " + name + " to start", e);
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Asks the process to shut down (SIGTERM) and waits up to {@code grace} for it to exit, then
     * kills it. Returns whether it exited on its own.
     */
    boolean stop(Duration grace) {
        process.destroy();
        try {
            boolean clean = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!clean) {
                System.getLogger(ServerProcess.class.getName()).log(System.Logger.Level.WARNING,
                        name + " did not exit within " + grace.toSeconds() + " s of SIGTERM; killing it. See " + logFile);
                kill();
            }
            return clean;
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            return false;
        } finally {
            ExitCleanup.unregister(process);
        }
    }

    /** Kills the process and its children with SIGKILL and waits until they are gone. */
    void kill() {
        ExitCleanup.killTree(process);
        try {
            // Bounded: SIGKILL cannot be ignored, but a process stuck in uninterruptible IO can linger.
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ExitCleanup.unregister(process);
    }

    /** What the process wrote to the log since this run started. */
    String logSinceStart() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            if (length <= logStart) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - logStart, Integer.MAX_VALUE - 8)];
            file.seek(logStart);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** An exception saying {@code name} failed to start because of {@code what}, ending with the log's tail. */
    ServerException failure(String what) {
        return new ServerException(name + " failed: " + what + ". Last lines of " + logFile + ":"
                + System.lineSeparator() + tail(logFile, TAIL_LINES));
    }

    /** The last {@code lines} lines of {@code file}, or a note saying why there are none. */
    static String tail(Path file, int lines) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            // Log files can grow large (Kafka); only the end matters and 32 KiB holds far more than 40 lines.
            long start = Math.max(0, raf.length() - 32 * 1024);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e + ")";
        }
    }
}
