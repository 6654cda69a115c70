package io.sluice.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program run to its end, as a user would run it: output goes to files (no pipe can fill and block
 * it), and a program that does not finish within a minute is killed and fails the test.
 *
 * @param pid      the process id, the same for every program it {@code exec}s
 * @param exitCode its exit code
 * @param out      what it wrote to standard output
 * @param err      what it wrote to standard error
 */
record Command(long pid, int exitCode, String out, String err) {

    private static final long TIMEOUT_SECONDS = 60;

    /** Runs {@code command} in the repository root, with {@code environment} added to this JVM's. */
    static Command run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("sluice-command", ".out");
        Path err = Files.createTempFile("sluice-command", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(Checkout.ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(List.of(command) + " still runs after " + TIMEOUT_SECONDS + " s");
            }
            return new Command(process.pid(), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** For assertion messages: everything the program said. */
    String transcript() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
