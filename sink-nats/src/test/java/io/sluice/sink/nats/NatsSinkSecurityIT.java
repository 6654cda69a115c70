package io.sluice.sink.nats;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sluice.event.ChangeEvent;
import io.sluice.event.Operation;
import io.sluice.servers.NatsServer;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sink against a nats-server that requires TLS and a user with a password. The server's
 * certificate is made at test time by {@link TestCertificates}.
 */
@Timeout(120)
class NatsSinkSecurityIT {

    private static final String PASSWORD = "pa55-w0rd";
    private static TestCertificates certificates;
    private static NatsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        certificates = TestCertificates.shared();
        server = NatsServer.builder()
                .option("--tls")
                .option("--tlscert=" + certificates.serverPem())
                .option("--tlskey=" + certificates.serverKeyPem())
                .option("--user=sluice")
                .option("--pass=" + PASSWORD)
                .start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static Config settings(String extra) {
        return ConfigFactory.parseString("servers = [\"" + server.url() + "\"]\n"
                        + "tls { trust-store = \"" + certificates.trustStore() + "\", trust-store-password = \""
                        + TestCertificates.STORE_PASSWORD + "\" }\nuser = sluice\n" + extra)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.nats"));
    }

    @Test
    void publishesOverTlsWithUserAndPassword() throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (Sink sink = new NatsSinkFactory().create(settings("password = \"" + PASSWORD + "\""))) {
            sink.publish(new ChangeEvent(1, "tls#0", Operation.CREATE, "shop", "orders",
                    "{\"id\":1}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), "tx", 0),
                    (event, error) -> failure.set(error));
            assertTrue(sink.flush(Duration.ofSeconds(10)));
        }
        assertEquals(null, failure.get());
    }

    @Test
    void wrongPasswordFailsWithoutShowingIt() {
        SinkException e = assertThrows(SinkException.class,
                () -> new NatsSinkFactory().create(settings("password = \"not-" + PASSWORD + "\"")));
        assertTrue(e.getMessage().contains(server.url()), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    @Test
    void untrustedServerCertificateFails() {
        Config withoutTrustStore = settings("password = \"" + PASSWORD + "\", tls.trust-store = null, tls.enabled = true");
        SinkException e = assertThrows(SinkException.class, () -> new NatsSinkFactory().create(withoutTrustStore));
        assertTrue(e.getMessage().contains("NATS at [" + server.url() + "]"), e.getMessage());
        assertTrue(e.getMessage().contains("set sluice.sink.nats.tls.ca-file (PEM) or sluice.sink.nats.tls.trust-store"
                + " to the CA that signed it"), e.getMessage());
    }
}
