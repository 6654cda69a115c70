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

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sink against a nats-server that requires TLS and a user with a password. The server's
 * self-signed certificate is made with the {@code openssl} command; without it the class is skipped.
 */
@Timeout(120)
class NatsSinkSecurityIT {

    private static final String PASSWORD = "pa55-w0rd";
    private static final String TRUST_STORE_PASSWORD = "trust-me";
    private static Path certificates;
    private static NatsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is needed to make a certificate");
        certificates = Files.createTempDirectory("sluice-nats-tls");
        Process openssl = new ProcessBuilder("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", certificates.resolve("key.pem").toString(),
                "-out", certificates.resolve("cert.pem").toString(),
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
                .redirectErrorStream(true).redirectOutput(certificates.resolve("openssl.log").toFile()).start();
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0,
                () -> "openssl failed: " + read(certificates.resolve("openssl.log")));

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificates.resolve("cert.pem"))) {
            trust.setCertificateEntry("nats", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(certificates.resolve("trust.p12"))) {
            trust.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }

        server = NatsServer.builder()
                .option("--tls")
                .option("--tlscert=" + certificates.resolve("cert.pem"))
                .option("--tlskey=" + certificates.resolve("key.pem"))
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "(no log)";
        }
    }

    private static Config settings(String extra) {
        return ConfigFactory.parseString("servers = [\"" + server.url() + "\"]\n"
                        + "tls { trust-store = \"" + certificates.resolve("trust.p12") + "\", trust-store-password = \""
                        + TRUST_STORE_PASSWORD + "\" }\nuser = sluice\n" + extra)
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
        assertTrue(e.getMessage().contains("cannot connect to NATS"), e.getMessage());
    }
}
