package io.sluice.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.sluice.servers.NatsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sluice demo} end to end, as a child process: events for every table of the shop, from its
 * snapshot and its live workload, reach standard output or a NATS stream; then nothing of the demo is
 * left, neither files nor processes.
 */
@Timeout(300)
class DemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a full rotation of the workload, after the snapshot, always shows, as "table op". */
    private static final Set<String> EXPECTED = Set.of(
            "customers r", "products r", "orders r",
            "orders c", "orders u", "orders d", "products u", "customers c", "customers u");
    private static final Duration EVENTS_WITHIN = Duration.ofSeconds(120);
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    /** Piped, the demo writes the stdout sink's JSON lines; SIGTERM stops it cleanly, with exit code 0. */
    @Test
    void streamsTheShopAsJsonLinesUntilSigtermThenCleansUp() throws Exception {
        DemoProcess demo = DemoProcess.start(temp);
        demo.awaitOutput(lines -> seen(lines).containsAll(EXPECTED), EVENTS_WITHIN);
        demo.terminate();
        assertEquals(Demo.OK, demo.awaitExit(EXIT_WITHIN), demo.stderr());
        demo.assertCleanedUp(true);
        for (String line : demo.stdoutLines()) {
            assertTrue(line.startsWith("{\"before\":"), "standard output holds nothing but events: " + line);
        }
    }

    /** With --sink nats the real NATS sink fills stream sluice-demo; the count reported is what the stream holds. */
    @Test
    void publishesToNatsForTheSecondsGivenThenCleansUp() throws Exception {
        try (NatsServer nats = NatsServer.builder().start()) {
            DemoProcess demo = DemoProcess.start(temp, "8", "--sink", "nats", "--nats-url", nats.url());
            assertEquals(Demo.OK, demo.awaitExit(EVENTS_WITHIN.plus(EXIT_WITHIN)), demo.stderr());
            demo.assertCleanedUp(true);
            String err = demo.stderr();
            assertTrue(err.contains("nats --server " + nats.url() + " subscribe 'sluice-demo.>'"), err);
            Matcher total = Pattern.compile("(\\d+) events published in all").matcher(err);
            assertTrue(total.find(), err);

            Connection connection = Nats.connect(nats.url());
            try {
                JetStreamManagement jsm = connection.jetStreamManagement();
                long stored = jsm.getStreamInfo(NatsDestination.STREAM).getStreamState().getMsgCount();
                assertEquals(Long.parseLong(total.group(1)), stored, "every acknowledged event is in the stream");
                Set<String> seen = new TreeSet<>();
                for (long sequence = 1; sequence <= stored; sequence++) {
                    MessageInfo message = jsm.getMessage(NatsDestination.STREAM, sequence);
                    String table = message.getSubject().substring("sluice-demo.shop.".length());
                    assertEquals(table, JSON.readTree(message.getData()).at("/source/table").asText());
                    seen.add(table + " " + message.getHeaders().getFirst("Sluice-Op"));
                }
                assertTrue(seen.containsAll(EXPECTED), "seen: " + seen);
            } finally {
                connection.close();
            }
        }
    }

    /** Nothing answering where --nats-url points ends the demo at once, with the address and the fix. */
    @Test
    void anUnreachableBrokerIsNamedWithItsFixBeforeAnythingStarts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DemoProcess demo = DemoProcess.start(temp, "--sink", "nats", "--nats-url", "nats://127.0.0.1:" + closedPort);
        assertEquals(Demo.FAILED, demo.awaitExit(EXIT_WITHIN));
        String err = demo.stderr();
        assertTrue(err.contains("no NATS server answers at 127.0.0.1:" + closedPort) && err.contains("nats-server -js")
                && err.contains("--nats-url"), err);
        demo.assertCleanedUp(false);
    }

    /** Each event line as "table op". */
    private static Set<String> seen(List<String> lines) {
        Set<String> seen = new TreeSet<>();
        for (String line : lines) {
            try {
                JsonNode event = JSON.readTree(line);
                seen.add(event.at("/source/table").asText() + " " + event.get("op").asText());
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON event: " + line, e);
            }
        }
        return seen;
    }
}
