package io.sluice.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The demo as a child JVM, started as {@code ./sluice demo} starts it, with its output in files and
 * {@code java.io.tmpdir} in a directory of the test's own, so that the test can check the demo left
 * nothing behind. It also keeps track of every process the demo started (mysqld), to check they are gone.
 */
final class DemoProcess {

    /** The demo's closing message names the directories it deleted. */
    private static final Pattern DELETED = Pattern.compile("deleted (\\S+) and (\\S+)\\.$", Pattern.MULTILINE);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Process process;
    private final Path tmp;
    private final Path stdout;
    private final Path stderr;
    private final Set<ProcessHandle> children = new HashSet<>();

    private DemoProcess(Process process, Path tmp, Path stdout, Path stderr) {
        this.process = process;
        this.tmp = tmp;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** @param work a directory of the test's, for the demo's temporary files and its output */
    static DemoProcess start(Path work, String... args) throws IOException {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Demo.class.getName()));
        command.addAll(List.of(args));
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        return new DemoProcess(process, tmp, stdout, stderr);
    }

    /** The complete lines written to standard output so far. */
    List<String> stdoutLines() throws IOException {
        String text = Files.readString(stdout, StandardCharsets.UTF_8);
        return text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Waits until {@code condition} holds for the output lines, noting the demo's child processes meanwhile. */
    void awaitOutput(Predicate<List<String>> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(stdoutLines())) {
            noteChildren();
            if (!process.isAlive()) {
                fail("the demo ended (exit " + process.exitValue() + ") before its output was complete:\n" + stderr());
            }
            if (System.nanoTime() > deadline) {
                fail("the demo's output was not complete within " + timeout.toSeconds() + " s:\n" + stderr());
            }
            Thread.sleep(POLL.toMillis());
        }
        noteChildren();
    }

    /** Sends SIGTERM, as a service manager or {@code kill} would. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the demo to end, noting its child processes meanwhile; returns the exit code. */
    int awaitExit(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
            noteChildren();
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                fail("the demo did not end within " + timeout.toSeconds() + " s:\n" + stderr());
            }
        }
        return process.exitValue();
    }

    /**
     * Checks that the demo, now ended, left nothing behind: its temporary directory is empty, the
     * directories its closing message names are gone, and so is every process it started.
     */
    void assertCleanedUp(boolean startedMySql) throws IOException {
        String err = stderr();
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the demo's temporary directory is empty; stderr:\n" + err);
        }
        Matcher deleted = DELETED.matcher(err);
        assertEquals(startedMySql, deleted.find(), "the closing message names MySQL's directory:\n" + err);
        if (startedMySql) {
            assertFalse(Files.exists(Path.of(deleted.group(1))), deleted.group(1));
            assertFalse(Files.exists(Path.of(deleted.group(2))), deleted.group(2));
            assertFalse(children.isEmpty(), "mysqld was seen running as the demo's child");
        }
        for (ProcessHandle child : children) {
            assertFalse(child.isAlive(), "the demo's child process " + child.pid() + " "
                    + child.info().commandLine().orElse("") + " has ended");
        }
        assertTrue(!process.isAlive());
    }

    private void noteChildren() {
        process.descendants().forEach(children::add);
    }
}
