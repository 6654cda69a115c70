package io.sluice.connector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertEquals(Main.OK, execute(Map.of(), "--help"));

        assertTrue(out.toString().contains("run"), out.toString());
        assertTrue(out.toString().contains("check"), out.toString());
        assertTrue(out.toString().contains("Exit codes"), out.toString());
        assertTrue(out.toString().contains("5 the saved position is no longer"), out.toString());
    }

    @Test
    void versionPrintsOneLineAboutSluice() {
        assertEquals(Main.OK, execute(Map.of(), "--version"));

        assertTrue(out.toString().startsWith("sluice "), out.toString());
    }

    @Test
    void noCommandOrAnUnknownOptionIsAUsageError() {
        assertEquals(Main.CONFIG_ERROR, execute(Map.of()));
        assertEquals(Main.CONFIG_ERROR, execute(Map.of(), "check", "--config", "x.conf", "--bogus"));
        assertEquals(Main.CONFIG_ERROR, execute(Map.of(), "run"));

        assertTrue(err.toString().contains("Missing required option: '--config=FILE'"), err.toString());
    }

    @Test
    void anInvalidConfigurationListsEveryProblemAndExitsWithTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.conf"), "sluice.source {\n  hots = db\n  port = many\n}\n");

        int code = execute(Map.of("SLUICE_SOURCE_PASSWORD", "never-printed"), "run", "--config", file.toString(),
                "--set", "sluice.source.user=u");

        assertEquals(Main.CONFIG_ERROR, code);
        String[] lines = err.toString().split("\\R");
        assertEquals("sluice: invalid configuration, 3 problems:", lines[0]);
        assertEquals("  " + file + ":2: sluice.source.hots: unknown key; did you mean sluice.source.host?", lines[1]);
        assertTrue(lines[2].startsWith("  " + file + ":3: sluice.source.port: expected a whole number"), lines[2]);
        assertTrue(lines[3].startsWith("  sluice.source.host: missing"), lines[3]);
        assertFalse(err.toString().contains("never-printed"));
    }

    @Test
    void checkAgainstAnUnreachableServerPrintsTheFindingAndExitsWithThree() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path file = Files.writeString(dir.resolve("ok.conf"),
                "sluice.source { host = \"127.0.0.1\", port = " + port + ", user = u, connect-timeout = 2s }\n");

        int code = execute(Map.of(), "check", "--config", file.toString());

        assertEquals(Main.CHECK_FAILED, code, err.toString());
        assertTrue(out.toString().contains("FAIL  cannot reach a server at 127.0.0.1:" + port), out.toString());
        assertTrue(out.toString().contains(" -> fix: "), out.toString());
        assertTrue(err.toString().startsWith("sluice: check: "), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void aFailureOfTheCommandIsItsFirstLineThenTheExitCodeExplainedAndExitCodeOne() {
        int code = Main.exitCode(new IllegalStateException("something odd\nstack and more"),
                new PrintWriter(err, true));

        assertEquals(Main.FAILED, code);
        List<String> lines = err.toString().lines().toList();
        assertEquals(2, lines.size(), err.toString());
        assertEquals("sluice: something odd", lines.get(0));
        assertTrue(lines.get(1).startsWith("sluice: exit 1: "), lines.get(1));
    }

    private int execute(Map<String, String> environment, String... args) {
        return Main.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
