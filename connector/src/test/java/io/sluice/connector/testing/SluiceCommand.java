package io.sluice.connector.testing;

import io.sluice.connector.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs {@code sluice} commands in the test JVM through {@link Main#execute}, keeping what the last one printed. */
public final class SluiceCommand {

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Runs one command with an empty environment and returns its exit code. */
    public int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** What the last command printed on standard output. */
    public String out() {
        return out.toString();
    }

    /** What the last command printed on standard error. */
    public String err() {
        return err.toString();
    }

    /** Both, for assertion messages. */
    @Override
    public String toString() {
        return out + "\n" + err;
    }
}
