package io.sluice.sink.nats;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.servers.NatsServer;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a failed start-up says, for the sink and the nats-kv store: a wrong token, a password in a
 * server URL, no credentials for a server that wants them, a server that is not there. Every message
 * names the servers and the setting to fix, and neither it nor any log line shows the secret.
 */
@Timeout(120)
class NatsStartupErrorsIT {

    private static final String TOKEN = "s3cret-token-4711";
    private static NatsServer server;

    @BeforeAll
    static void startServer() {
        server = NatsServer.builder().option("--auth=" + TOKEN).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static Config sink(String servers, String extra) {
        return ConfigFactory.parseString("servers = [\"" + servers + "\"]\nconnect-timeout = 2s\n" + extra)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.nats"));
    }

    private static Config store(String servers, String extra) {
        return ConfigFactory.parseString("servers = [\"" + servers + "\"]\nkey = k\nconnect-timeout = 2s\n" + extra)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.checkpoint.nats-kv"));
    }

    private static void assertNoSecret(String secret, String message, LogCapture log) {
        assertFalse(message.contains(secret), message);
        assertFalse(log.text().contains(secret), log.text());
    }

    @Test
    void aWrongTokenNamesTheServerAndTheSettingWithoutShowingIt() {
        String wrong = "wrong-" + TOKEN;
        try (LogCapture log = new LogCapture()) {
            SinkException e = assertThrows(SinkException.class,
                    () -> new NatsSinkFactory().create(sink(server.url(), "token = \"" + wrong + "\"")));
            System.out.println("wrong token: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("NATS at [" + server.url() + "] (sluice.sink.nats.servers) refused"
                    + " the connection's credentials"), e.getMessage());
            assertTrue(e.getMessage().contains("check sluice.sink.nats.token"), e.getMessage());
            assertNoSecret(wrong, e.getMessage(), log);

            CheckpointException c = assertThrows(CheckpointException.class,
                    () -> new NatsKvCheckpointStoreFactory().create(store(server.url(), "token = \"" + wrong + "\"")));
            assertTrue(c.getMessage().contains("check sluice.checkpoint.nats-kv.token"), c.getMessage());
            assertNoSecret(wrong, c.getMessage(), log);
        }
    }

    @Test
    void theRightTokenConnectsAndIsNeverLogged() throws Exception {
        try (LogCapture log = new LogCapture();
             Sink sink = new NatsSinkFactory().create(sink(server.url(), "token = \"" + TOKEN + "\""));
             CheckpointStore store = new NatsKvCheckpointStoreFactory()
                     .create(store(server.url(), "token = \"" + TOKEN + "\""))) {
            store.load();
            store.save("{\"pos\":4}");
            assertTrue(sink.flush(java.time.Duration.ofSeconds(5)), "the sink is connected and idle");
            assertTrue(log.text().contains("token=****"), log.text());
            assertFalse(log.text().contains(TOKEN), log.text());
        }
    }

    @Test
    void noCredentialsForAServerThatWantsThemListsTheWaysToGiveThem() {
        SinkException e = assertThrows(SinkException.class, () -> new NatsSinkFactory().create(sink(server.url(), "")));
        assertTrue(e.getMessage().contains("no credentials are configured, and the server requires them: set one of"
                + " sluice.sink.nats.token"), e.getMessage());
    }

    @Test
    void credentialsInAServerUrlAreMaskedInMessagesAndLogs() {
        String url = "nats://sluice:url-" + TOKEN + "@127.0.0.1:" + server.port();
        try (LogCapture log = new LogCapture()) {
            SinkException e = assertThrows(SinkException.class, () -> new NatsSinkFactory().create(sink(url, "")));
            System.out.println("password in URL: " + e.getMessage());
            assertTrue(e.getMessage().contains("nats://****@127.0.0.1:" + server.port()), e.getMessage());
            assertTrue(e.getMessage().contains("check the user and password or token written into the URLs of"
                    + " sluice.sink.nats.servers"), e.getMessage());
            assertNoSecret("url-" + TOKEN, e.getMessage(), log);
            assertTrue(log.text().contains("nats://****@127.0.0.1:" + server.port()),
                    "the start-up line shows the masked URL: " + log.text());
        }
    }

    @Test
    void anUnreachableServerSaysWhereAndWhatToCheck() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "nats://127.0.0.1:" + closedPort;
        long started = System.nanoTime();
        SinkException e = assertThrows(SinkException.class,
                () -> new NatsSinkFactory().create(sink(url, "token = \"" + TOKEN + "\"")));
        System.out.println("unreachable: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot reach NATS at [" + url + "] (sluice.sink.nats.servers)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("that nats-server runs there"), e.getMessage());
        assertTrue((System.nanoTime() - started) / 1_000_000_000 < 30, "start-up gives up instead of retrying forever");

        CheckpointException c = assertThrows(CheckpointException.class,
                () -> new NatsKvCheckpointStoreFactory().create(store(url, "")));
        assertTrue(c.getMessage().startsWith("cannot reach NATS at [" + url + "] (sluice.checkpoint.nats-kv.servers)"),
                c.getMessage());
    }
}
