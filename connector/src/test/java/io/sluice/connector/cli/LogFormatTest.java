package io.sluice.connector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connector.config.LogConfig;
import io.sluice.connector.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Log lines switch between text and one JSON object per line, and secrets stay out of both. */
class LogFormatTest {

    private static final Logger LOG = LoggerFactory.getLogger("io.sluice.connector.LogFormatTest");
    private final PrintStream originalErr = System.err;

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        LogFormat.apply(LogConfig.Format.TEXT);
    }

    @Test
    void jsonLinesCarryLevelThreadLoggerAndTheFormattedMessage() throws Exception {
        List<String> lines = captured(() -> {
            LogFormat.apply(LogConfig.Format.JSON);
            LOG.warn("Lost the connection to {}:{} with password {}", "db.example", 3306, new Secret("hunter2"));
        });

        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertEquals("WARN", line.get("level").asText());
        assertEquals("io.sluice.connector.LogFormatTest", line.get("loggerName").asText());
        assertEquals(Thread.currentThread().getName(), line.get("threadName").asText());
        assertEquals("Lost the connection to db.example:3306 with password ****", line.get("formattedMessage").asText());
        assertTrue(line.get("timestamp").asLong() > 0);
        assertFalse(lines.get(0).contains("hunter2"), "no secret in the line");
    }

    @Test
    void textComesBackAndTheEnvironmentSelectsJson() throws Exception {
        List<String> json = captured(() -> {
            LogFormat.applyFromEnvironment(Map.of("SLUICE_LOG_FORMAT", "JSON"));
            LOG.warn("as json");
        });
        assertTrue(json.get(0).startsWith("{"), json.toString());

        List<String> text = captured(() -> LOG.warn("as text"));
        assertTrue(text.get(0).contains(" WARN  [") && text.get(0).endsWith("- as text"), text.toString());
    }

    /** Runs {@code logging} with standard error captured, starting from text lines. */
    private List<String> captured(Runnable logging) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        // Restarts the console appender (a switch there and back) so it writes to the captured stream.
        LogFormat.apply(LogConfig.Format.JSON);
        LogFormat.apply(LogConfig.Format.TEXT);
        logging.run();
        System.setErr(originalErr);
        return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
}
