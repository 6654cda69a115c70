package io.sluice.sink.nats;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.MessageInfo;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.event.ChangeEvent;
import io.sluice.event.Operation;
import io.sluice.servers.NatsServer;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sink and the nats-kv checkpoint store over TLS to a real nats-server that verifies clients
 * ({@code --tlsverify}): with the client certificate as PEM files or as a key store they connect, publish and
 * save; without one, or with one from another CA, start-up fails with a message naming the server and the fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class NatsTlsIT {

    private Path temp;
    private TestCertificates certificates;
    private NatsServer nats;

    @BeforeAll
    void startServer(@TempDir Path temp) throws Exception {
        this.temp = temp;
        certificates = TestCertificates.shared();
        nats = NatsServer.builder()
                .option("--tlscert=" + certificates.serverPem())
                .option("--tlskey=" + certificates.serverKeyPem())
                .option("--tlscacert=" + certificates.caPem())
                .option("--tlsverify")
                .start();
    }

    @AfterAll
    void stopServer() {
        if (nats != null) {
            nats.close();
        }
    }

    private Config sinkSettings(String stream, Map<String, String> tls) {
        return ConfigFactory.parseMap(Map.of("servers", java.util.List.of(nats.url()),
                        "subject-prefix", stream.toLowerCase(), "stream.name", stream, "tls", tls))
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.nats"));
    }

    private Config storeSettings(String key, Map<String, String> tls) {
        return ConfigFactory.parseMap(Map.of("servers", java.util.List.of(nats.url()), "key", key, "tls", tls))
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.checkpoint.nats-kv"));
    }

    private Map<String, String> pemFiles() {
        return Map.of("ca-file", certificates.caPem().toString(),
                "cert-file", certificates.clientPem().toString(),
                "key-file", certificates.clientKeyPem().toString());
    }

    private Map<String, String> keyStores() {
        return Map.of("trust-store", certificates.trustStore().toString(),
                "trust-store-password", TestCertificates.STORE_PASSWORD,
                "key-store", certificates.clientKeyStore().toString(),
                "key-store-password", TestCertificates.STORE_PASSWORD);
    }

    private static ChangeEvent event(long sequence) {
        return new ChangeEvent(sequence, "tls-" + sequence, Operation.CREATE, "shop", "orders",
                ("{\"id\":" + sequence + "}").getBytes(StandardCharsets.UTF_8),
                ("{\"op\":\"c\",\"after\":{\"id\":" + sequence + "}}").getBytes(StandardCharsets.UTF_8), null, 0);
    }

    /** Publishes one event and waits for the stream's acknowledgement; returns the failure or null. */
    private static Exception publishAndAwait(Sink sink, ChangeEvent event) throws Exception {
        CompletableFuture<Exception> done = new CompletableFuture<>();
        sink.publish(event, (published, failure) -> done.complete(failure));
        return done.get(30, TimeUnit.SECONDS);
    }

    /** A reader that checks what arrived, over its own mutual-TLS connection built from the same files. */
    private MessageInfo lastMessage(String stream) throws Exception {
        NatsConnectionConfig config = NatsConnectionConfig.from(sinkSettings(stream, pemFiles()), "test");
        SSLContext context = TlsContext.of(config);
        try (Connection reader = Nats.connect(new Options.Builder().server(nats.url()).sslContext(context).build())) {
            JetStreamManagement jsm = reader.jetStreamManagement();
            return jsm.getLastMessage(stream, stream.toLowerCase() + ".shop.orders");
        }
    }

    @Test
    void pemClientCertificateConnectsPublishesAndKeepsTheCheckpoint() throws Exception {
        try (Sink sink = new NatsSinkFactory().create(sinkSettings("TLS_PEM", pemFiles()))) {
            assertNull(publishAndAwait(sink, event(1)), "the stream acknowledges the event");
        }
        MessageInfo stored = lastMessage("TLS_PEM");
        assertEquals("tls-1", stored.getHeaders().getFirst("Nats-Msg-Id"));

        try (CheckpointStore store = new NatsKvCheckpointStoreFactory().create(storeSettings("tls-pem", pemFiles()))) {
            assertEquals(Optional.empty(), store.load());
            store.save("{\"file\":\"binlog.000001\",\"pos\":4}");
        }
        try (CheckpointStore store = new NatsKvCheckpointStoreFactory().create(storeSettings("tls-pem", pemFiles()))) {
            assertEquals(Optional.of("{\"file\":\"binlog.000001\",\"pos\":4}"), store.load());
        }
    }

    @Test
    void keyStoreClientCertificateConnectsPublishesAndKeepsTheCheckpoint() throws Exception {
        try (Sink sink = new NatsSinkFactory().create(sinkSettings("TLS_P12", keyStores()))) {
            assertNull(publishAndAwait(sink, event(2)), "the stream acknowledges the event");
        }
        assertEquals("tls-2", lastMessage("TLS_P12").getHeaders().getFirst("Nats-Msg-Id"));
        try (CheckpointStore store = new NatsKvCheckpointStoreFactory().create(storeSettings("tls-p12", keyStores()))) {
            store.load();
            store.save("{\"pos\":8}");
            assertEquals(Optional.of("{\"pos\":8}"), store.load());
        }
    }

    @Test
    void withoutAClientCertificateStartUpFailsNamingTheServerAndTheFix() {
        Map<String, String> caOnly = Map.of("ca-file", certificates.caPem().toString());
        long started = System.nanoTime();
        SinkException sink = assertThrows(SinkException.class,
                () -> new NatsSinkFactory().create(sinkSettings("TLS_NONE", caOnly)));
        System.out.println("sink without client certificate: " + sink.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "fails at once, no endless retry");
        assertTrue(sink.getMessage().contains(nats.url()), sink.getMessage());
        assertTrue(sink.getMessage().contains("client certificate"), sink.getMessage());
        assertTrue(sink.getMessage().contains("sluice.sink.nats.tls.cert-file"), sink.getMessage());

        CheckpointException store = assertThrows(CheckpointException.class,
                () -> new NatsKvCheckpointStoreFactory().create(storeSettings("tls-none", caOnly)));
        System.out.println("store without client certificate: " + store.getMessage());
        assertTrue(store.getMessage().contains(nats.url()), store.getMessage());
        assertTrue(store.getMessage().contains("sluice.checkpoint.nats-kv.tls.cert-file"), store.getMessage());
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefused() {
        Map<String, String> stranger = Map.of("ca-file", certificates.caPem().toString(),
                "cert-file", certificates.strangerPem().toString(),
                "key-file", certificates.strangerKeyPem().toString());
        SinkException e = assertThrows(SinkException.class,
                () -> new NatsSinkFactory().create(sinkSettings("TLS_STRANGER", stranger)));
        System.out.println("sink with a stranger's certificate: " + e.getMessage());
        assertTrue(e.getMessage().contains(nats.url()), e.getMessage());
        assertTrue(e.getMessage().contains("signed by a CA the server trusts"), e.getMessage());
    }

    @Test
    void aServerCertificateFromAnUntrustedCaIsRefused() {
        Map<String, String> defaultTrust = Map.of("enabled", "true",
                "cert-file", certificates.clientPem().toString(),
                "key-file", certificates.clientKeyPem().toString());
        SinkException e = assertThrows(SinkException.class,
                () -> new NatsSinkFactory().create(sinkSettings("TLS_UNTRUSTED", defaultTrust)));
        System.out.println("sink trusting only the JVM's CAs: " + e.getMessage());
        assertTrue(e.getMessage().contains(nats.url()), e.getMessage());
        assertTrue(e.getMessage().contains("sluice.sink.nats.tls.ca-file"), e.getMessage());
    }

    @Test
    void aKeyFileThatIsNotPkcs8SaysHowToConvertIt() throws Exception {
        Path rsa = temp.resolve("rsa-key.pem");
        java.nio.file.Files.writeString(rsa, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        Map<String, String> tls = Map.of("ca-file", certificates.caPem().toString(),
                "cert-file", certificates.clientPem().toString(), "key-file", rsa.toString());
        SinkException e = assertThrows(SinkException.class,
                () -> new NatsSinkFactory().create(sinkSettings("TLS_RSA", tls)));
        assertTrue(e.getMessage().contains("sluice.sink.nats.tls.key-file"), e.getMessage());
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
    }
}
