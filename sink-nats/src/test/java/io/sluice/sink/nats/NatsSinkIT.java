package io.sluice.sink.nats;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.sluice.event.ChangeEvent;
import io.sluice.event.Operation;
import io.sluice.servers.NatsServer;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NATS sink against a real nats-server with JetStream; each test uses its own stream and prefix. */
@Timeout(120)
class NatsSinkIT {

    private static NatsServer server;
    private static Connection reader;
    private static JetStreamManagement jsm;
    private static final AtomicInteger STREAMS = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        server = NatsServer.builder().start();
        reader = Nats.connect(server.url());
        jsm = reader.jetStreamManagement();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Settings for a fresh prefix and stream, {@code extra} HOCON on top. */
    private static Config settings(String prefix, String extra) {
        return ConfigFactory.parseString("servers = [\"" + server.url() + "\"]\nsubject-prefix = " + prefix
                        + "\nstream.name = " + prefix.toUpperCase() + "\n" + extra)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.nats"));
    }

    private static String freshPrefix() {
        return "t" + STREAMS.incrementAndGet();
    }

    private static ChangeEvent event(long sequence, String id, Operation op, String table, String key, String value) {
        return new ChangeEvent(sequence, id, op, "shop", table, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8), "tx", 0L);
    }

    /** Records every callback; a second callback for one event is recorded too, so tests can see it. */
    private static final class Callbacks implements PublishCallback {
        final List<ChangeEvent> events = new CopyOnWriteArrayList<>();
        final Map<Long, Exception> failures = new ConcurrentHashMap<>();

        @Override
        public void completed(ChangeEvent event, Exception failure) {
            events.add(event);
            if (failure != null) {
                failures.put(event.sequence(), failure);
            }
        }
    }

    @Test
    void publishesSubjectsHeadersAndPayloadInOrder() throws Exception {
        String prefix = freshPrefix();
        Callbacks callbacks = new Callbacks();
        List<ChangeEvent> published = new ArrayList<>();
        try (Sink sink = new NatsSinkFactory().create(settings(prefix, ""))) {
            for (int i = 0; i < 500; i++) {
                String table = i % 2 == 0 ? "orders" : "order items";
                ChangeEvent event = event(i, "gtid:" + i + "#0", i % 3 == 0 ? Operation.DELETE : Operation.CREATE,
                        table, "{\"id\":" + i + ",\"name\":\"Zürich\"}", "{\"n\":" + i + "}");
                published.add(event);
                sink.publish(event, callbacks);
            }
            assertTrue(sink.flush(Duration.ofSeconds(30)));
        }
        assertEquals(published.size(), callbacks.events.size(), "one callback per event");
        assertEquals(Map.of(), callbacks.failures);
        assertEquals(published.size(), Set(callbacks.events).size());
        String stream = prefix.toUpperCase();
        assertEquals(published.size(), jsm.getStreamInfo(stream).getStreamState().getMsgCount());
        for (int i = 0; i < published.size(); i++) {
            ChangeEvent event = published.get(i);
            MessageInfo message = jsm.getMessage(stream, i + 1);
            assertEquals(prefix + ".shop." + (i % 2 == 0 ? "orders" : "order_items"), message.getSubject());
            assertEquals(new String(event.value(), StandardCharsets.UTF_8),
                    new String(message.getData(), StandardCharsets.UTF_8), "stream order is publish order");
            assertEquals(event.id(), message.getHeaders().getFirst("Nats-Msg-Id"));
            assertEquals(event.id(), message.getHeaders().getFirst("Sluice-Id"));
            assertEquals(event.operation().code(), message.getHeaders().getFirst("Sluice-Op"));
            assertEquals("{\"id\":" + i + ",\"name\":\"Z\\u00fcrich\"}", message.getHeaders().getFirst("Sluice-Key"));
        }
    }

    private static java.util.Set<ChangeEvent> Set(List<ChangeEvent> events) {
        return new java.util.HashSet<>(events);
    }

    @Test
    void createsTheStreamWithFileStorageAndDuplicateWindow() throws Exception {
        String prefix = freshPrefix();
        try (Sink ignored = new NatsSinkFactory().create(settings(prefix, "stream.max-bytes = 1GiB"))) {
            StreamConfiguration stream = jsm.getStreamInfo(prefix.toUpperCase()).getConfiguration();
            assertEquals(StorageType.File, stream.getStorageType());
            assertEquals(Duration.ofMinutes(2), stream.getDuplicateWindow());
            assertEquals(List.of(prefix + ".>"), stream.getSubjects());
            assertEquals(1L << 30, stream.getMaxBytes());
        }
    }

    @Test
    void sameEventIdTwiceIsStoredOnce() throws Exception {
        String prefix = freshPrefix();
        Callbacks callbacks = new Callbacks();
        try (Sink sink = new NatsSinkFactory().create(settings(prefix, ""))) {
            sink.publish(event(1, "gtid:7#0", Operation.CREATE, "orders", "{\"id\":1}", "{\"v\":1}"), callbacks);
            assertTrue(sink.flush(Duration.ofSeconds(10)));
        }
        // A restart after a crash publishes the same change again, with a new sequence and the same id.
        try (Sink sink = new NatsSinkFactory().create(settings(prefix, ""))) {
            sink.publish(event(1, "gtid:7#0", Operation.CREATE, "orders", "{\"id\":1}", "{\"v\":1}"), callbacks);
            sink.publish(event(2, "gtid:7#1", Operation.CREATE, "orders", "{\"id\":2}", "{\"v\":2}"), callbacks);
            assertTrue(sink.flush(Duration.ofSeconds(10)));
        }
        assertEquals(3, callbacks.events.size());
        assertEquals(Map.of(), callbacks.failures, "a duplicate is acknowledged, not failed");
        assertEquals(2, jsm.getStreamInfo(prefix.toUpperCase()).getStreamState().getMsgCount());
    }

    @Test
    void tablesWithoutKeyHaveNoKeyHeader() throws Exception {
        String prefix = freshPrefix();
        Callbacks callbacks = new Callbacks();
        try (Sink sink = new NatsSinkFactory().create(settings(prefix,
                "subject-template = \"{prefix}.cdc.{database}_{table}\""))) {
            sink.publish(event(1, "f.000001/4#0", Operation.UPDATE, "log", null, "{\"v\":1}"), callbacks);
            assertTrue(sink.flush(Duration.ofSeconds(10)));
        }
        MessageInfo message = jsm.getMessage(prefix.toUpperCase(), 1);
        assertEquals(prefix + ".cdc.shop_log", message.getSubject());
        assertEquals("u", message.getHeaders().getFirst("Sluice-Op"));
        assertNull(message.getHeaders().get("Sluice-Key"));
    }

    @Test
    void memoryStorageStreamFailsAtStartUpSayingWhatToChange() throws Exception {
        String prefix = freshPrefix();
        jsm.addStream(StreamConfiguration.builder().name(prefix.toUpperCase()).subjects(prefix + ".>")
                .storageType(StorageType.Memory).duplicateWindow(Duration.ofMinutes(2)).build());
        SinkException e = assertThrows(SinkException.class, () -> new NatsSinkFactory().create(settings(prefix, "")));
        assertTrue(e.getMessage().contains("keeps its messages in memory"), e.getMessage());
        assertTrue(e.getMessage().contains("file storage"), e.getMessage());
    }

    @Test
    void shortDuplicateWindowAndUncoveredSubjectsFailOrAreUpdated() throws Exception {
        String prefix = freshPrefix();
        String name = prefix.toUpperCase();
        jsm.addStream(StreamConfiguration.builder().name(name).subjects("elsewhere.>")
                .storageType(StorageType.File).duplicateWindow(Duration.ofSeconds(10)).build());
        SinkException e = assertThrows(SinkException.class, () -> new NatsSinkFactory().create(settings(prefix, "")));
        assertTrue(e.getMessage().contains("duplicate window is PT10S"), e.getMessage());
        assertTrue(e.getMessage().contains("do not cover " + prefix + ".*.*"), e.getMessage());

        try (Sink ignored = new NatsSinkFactory().create(settings(prefix, "stream.update = true"))) {
            StreamInfo info = jsm.getStreamInfo(name);
            assertEquals(Duration.ofMinutes(2), info.getConfiguration().getDuplicateWindow());
            assertEquals(List.of(prefix + ".>"), info.getConfiguration().getSubjects());
        }
    }

    @Test
    void subjectsTakenByAnotherStreamFailNamingTheFix() throws Exception {
        String prefix = freshPrefix();
        jsm.addStream(StreamConfiguration.builder().name("OTHER_" + prefix).subjects(prefix + ".>")
                .storageType(StorageType.File).build());
        SinkException e = assertThrows(SinkException.class, () -> new NatsSinkFactory().create(settings(prefix, "")));
        assertTrue(e.getMessage().contains("another stream already stores"), e.getMessage());
    }

    @Test
    void missingStreamWithCreateOffFails() {
        String prefix = freshPrefix();
        SinkException e = assertThrows(SinkException.class,
                () -> new NatsSinkFactory().create(settings(prefix, "stream.create = false")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void oversizedEventFailsNamingTableKeySizeAndLimit() throws Exception {
        String prefix = freshPrefix();
        Callbacks callbacks = new Callbacks();
        char[] big = new char[2 << 20];
        Arrays.fill(big, 'x');
        try (Sink sink = new NatsSinkFactory().create(settings(prefix, ""))) {
            ChangeEvent event = event(1, "gtid:9#0", Operation.CREATE, "blobs", "{\"id\":42}",
                    "{\"b\":\"" + new String(big) + "\"}");
            SinkException e = assertThrows(SinkException.class, () -> sink.publish(event, callbacks));
            assertTrue(e.getMessage().contains("shop.blobs"), e.getMessage());
            assertTrue(e.getMessage().contains("{\"id\":42}"), e.getMessage());
            assertTrue(e.getMessage().contains("max_payload of " + reader.getMaxPayload()), e.getMessage());
            assertTrue(e.getMessage().matches("(?s).* is \\d+ bytes.*"), e.getMessage());
            assertTrue(sink.flush(Duration.ofSeconds(5)));
        }
        assertEquals(List.of(), callbacks.events, "a refused event has no callback: publish threw");
    }

    @Test
    void oversizedEventSkippedOnlyWhenConfigured() throws Exception {
        String prefix = freshPrefix();
        Callbacks callbacks = new Callbacks();
        char[] big = new char[2 << 20];
        Arrays.fill(big, 'x');
        try (Sink sink = new NatsSinkFactory().create(settings(prefix, "on-oversized = skip"))) {
            sink.publish(event(1, "a#0", Operation.CREATE, "blobs", "{\"id\":1}", new String(big)), callbacks);
            sink.publish(event(2, "a#1", Operation.CREATE, "blobs", "{\"id\":2}", "{}"), callbacks);
            assertTrue(sink.flush(Duration.ofSeconds(5)));
        }
        assertEquals(2, callbacks.events.size());
        assertEquals(1, jsm.getStreamInfo(prefix.toUpperCase()).getStreamState().getMsgCount());
    }

    @Test
    void boundedInFlightStillDeliversEverything() throws Exception {
        String prefix = freshPrefix();
        Callbacks callbacks = new Callbacks();
        try (Sink sink = new NatsSinkFactory().create(settings(prefix, "max-in-flight = 3"))) {
            for (int i = 0; i < 200; i++) {
                sink.publish(event(i, "b#" + i, Operation.CREATE, "t", "{\"id\":" + i + "}", "{}"), callbacks);
            }
            assertTrue(sink.flush(Duration.ofSeconds(30)));
        }
        assertEquals(200, callbacks.events.size());
        assertEquals(Map.of(), callbacks.failures);
        assertEquals(200, jsm.getStreamInfo(prefix.toUpperCase()).getStreamState().getMsgCount());
    }

    @Test
    void unreachableServerFailsNamingIt() {
        Config config = ConfigFactory.parseString("servers = [\"nats://127.0.0.1:1\"], connect-timeout = 1s")
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.nats"));
        SinkException e = assertThrows(SinkException.class, () -> new NatsSinkFactory().create(config));
        assertTrue(e.getMessage().contains("nats://127.0.0.1:1"), e.getMessage());
    }

    @Test
    void publishingAfterCloseFailsInsteadOfDropping() throws Exception {
        String prefix = freshPrefix();
        Sink sink = new NatsSinkFactory().create(settings(prefix, ""));
        sink.close();
        assertThrows(SinkException.class,
                () -> sink.publish(event(1, "c#0", Operation.CREATE, "t", null, "{}"), new Callbacks()));
        assertFalse(jsm.getStreamNames().isEmpty());
    }
}
