package io.sluice.demo;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line alone: help and refused arguments, which end before anything starts. */
class DemoCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int demo(String... args) {
        return Demo.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpDocumentsEveryOptionAndTheExitCodes() {
        assertEquals(Demo.OK, demo("--help"));
        for (String text : new String[] {"SECONDS", "--sink", "--format", "--bootstrap-servers", "--nats-url",
                "NO_COLOR", "Exit codes"}) {
            assertTrue(out.toString().contains(text), text + " in:\n" + out);
        }
    }

    @Test
    void anOptionForAnotherSinkIsRefusedNamingTheSinkItGoesWith() {
        assertEquals(Demo.USAGE, demo("--sink", "kafka", "--nats-url", "nats://localhost:4222"));
        assertTrue(err.toString().contains("--nats-url goes with --sink nats, not --sink kafka"), err.toString());
    }

    @Test
    void badValuesAreRefusedWithWhatWasExpected() {
        assertEquals(Demo.USAGE, demo("0"));
        assertTrue(err.toString().contains("SECONDS is 0; give at least 1"), err.toString());
        assertEquals(Demo.USAGE, demo("--sink", "nats", "--nats-url", "localhost:4222"));
        assertTrue(err.toString().contains("expected nats://HOST:PORT"), err.toString());
        assertEquals(Demo.USAGE, demo("--sink", "kafka", "--bootstrap-servers", "localhost:port"));
        assertTrue(err.toString().contains("--bootstrap-servers is \"localhost:port\"; expected HOST:PORT"),
                err.toString());
        assertEquals(Demo.USAGE, demo("--sink", "rabbitmq"));
        assertTrue(err.toString().contains("STDOUT, KAFKA, NATS"), err.toString());
    }
}
