package io.sluice.sink.kafka;

import com.typesafe.config.ConfigFactory;
import io.sluice.event.ChangeEvent;
import io.sluice.event.Operation;
import io.sluice.servers.KafkaServer;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kafka sink against a real broker: one broker for the class, every test with topics of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class KafkaSinkIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private KafkaServer kafka;

    @BeforeAll
    void startBroker() throws Exception {
        kafka = KafkaServer.builder().start();
        warmUp(kafka.bootstrapServers());
    }

    /**
     * A fresh broker may take a while to hand its first idempotent producer an id (it asks the
     * controller for a block of them). That is the broker starting, not the sink under test, so one
     * acknowledged write happens here, with a generous limit, before any test's own timeouts apply.
     */
    static void warmUp(String bootstrapServers) throws Exception {
        Map<String, Object> settings = Map.of("bootstrap.servers", bootstrapServers, "enable.idempotence", true,
                "acks", "all", "max.block.ms", 120_000, "delivery.timeout.ms", 120_000, "request.timeout.ms", 30_000);
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("sluice-warm-up", new byte[] {1})).get(2, TimeUnit.MINUTES);
        }
    }

    @AfterAll
    void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private Sink sink(String prefix, String settings) throws SinkException {
        return new KafkaSinkFactory().create(ConfigFactory.parseString(settings)
                .withFallback(ConfigFactory.parseMap(Map.of(
                        "topic-prefix", prefix,
                        "producer.bootstrap.servers", kafka.bootstrapServers())))
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.kafka")));
    }

    private static String prefix(TestInfo info) {
        return "t" + SEQUENCE.incrementAndGet() + "-" + info.getTestMethod().orElseThrow().getName();
    }

    private static ChangeEvent event(Operation op, String table, int id, String value) {
        long seq = SEQUENCE.incrementAndGet();
        byte[] key = ("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8);
        return new ChangeEvent(seq, "gtid-" + seq, op, "shop", table, key,
                ("{\"after\":" + value + "}").getBytes(StandardCharsets.UTF_8), "uuid:" + seq, 0);
    }

    /** Collects callbacks and checks each event gets exactly one. */
    private static final class Callbacks {
        final Map<Long, Integer> calls = new ConcurrentHashMap<>();
        final List<Exception> failures = new CopyOnWriteArrayList<>();

        void completed(ChangeEvent event, Exception failure) {
            calls.merge(event.sequence(), 1, Integer::sum);
            if (failure != null) {
                failures.add(failure);
            }
        }

        void assertOncePerEvent(int events) {
            assertEquals(events, calls.size());
            calls.forEach((seq, n) -> assertEquals(1, n, "callbacks for event " + seq));
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("enable.auto.commit", false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, WAIT).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // A little longer, to notice records that should not be there.
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            return records;
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : text(h.value());
    }

    @Test
    void publishesKeyValueHeadersAndTombstoneInOrderPerKey(TestInfo info) throws Exception {
        String prefix = prefix(info);
        Callbacks callbacks = new Callbacks();
        List<ChangeEvent> events = new ArrayList<>();
        try (Sink sink = sink(prefix, "create-topics { enabled = true, partitions = 3 }")) {
            for (int round = 0; round < 20; round++) {
                for (int id = 0; id < 5; id++) {
                    events.add(event(round == 0 ? Operation.CREATE : Operation.UPDATE, "orders", id,
                            "{\"id\":" + id + ",\"round\":" + round + "}"));
                }
            }
            events.add(event(Operation.DELETE, "orders", 3, "null"));
            for (ChangeEvent e : events) {
                sink.publish(e, callbacks::completed);
            }
            assertTrue(sink.flush(WAIT));
            callbacks.assertOncePerEvent(events.size());
            assertEquals(List.of(), callbacks.failures);
        }

        List<ConsumerRecord<byte[], byte[]>> records = consume(prefix + ".shop.orders", events.size() + 1);
        assertEquals(events.size() + 1, records.size(), "every event, plus one tombstone");
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            byKey.computeIfAbsent(text(r.key()), k -> new ArrayList<>()).add(r);
        }
        assertEquals(5, byKey.size());
        for (int id = 0; id < 5; id++) {
            List<ConsumerRecord<byte[], byte[]>> ofKey = byKey.get("{\"id\":" + id + "}");
            assertEquals(1, ofKey.stream().map(ConsumerRecord::partition).distinct().count(), "one partition per key");
            for (int round = 0; round < 20; round++) {
                ConsumerRecord<byte[], byte[]> r = ofKey.get(round);
                assertEquals("{\"after\":{\"id\":" + id + ",\"round\":" + round + "}}", text(r.value()), "order of key " + id);
                assertEquals(round == 0 ? "c" : "u", header(r, "sluice.op"));
            }
        }
        ChangeEvent delete = events.get(events.size() - 1);
        List<ConsumerRecord<byte[], byte[]>> three = byKey.get("{\"id\":3}");
        ConsumerRecord<byte[], byte[]> deleted = three.get(20);
        ConsumerRecord<byte[], byte[]> tombstone = three.get(21);
        assertEquals(delete.id(), header(deleted, "sluice.id"));
        assertEquals("d", header(deleted, "sluice.op"));
        assertEquals(delete.transactionId(), header(deleted, "sluice.transaction"));
        assertArrayEquals(delete.value(), deleted.value());
        assertNull(tombstone.value(), "tombstone after the delete");
        assertEquals(delete.id() + "#tombstone", header(tombstone, "sluice.id"));
        assertNull(header(tombstone, "sluice.op"));
    }

    @Test
    void publishesManyEventsWithManyInFlight(TestInfo info) throws Exception {
        String prefix = prefix(info);
        Callbacks callbacks = new Callbacks();
        // Many in flight, each callback once: not a speed test (the benchmark measures speed), so the
        // flush may take as long as a loaded machine needs.
        int count = 20_000;
        String row = "{\"id\":%d,\"name\":\"customer %d\",\"email\":\"c%d@example.com\",\"balance\":\"1234.56\","
                + "\"created\":\"2026-11-23T22:00:00Z\",\"note\":\"" + "n".repeat(120) + "\"}";
        List<ChangeEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(Operation.CREATE, "customers", i % 1000, row.formatted(i, i, i)));
        }
        try (Sink sink = sink(prefix, "create-topics { enabled = true, partitions = 3 }")) {
            sink.publish(events.get(0), callbacks::completed);
            assertTrue(sink.flush(WAIT));
            long start = System.nanoTime();
            for (int i = 1; i < count; i++) {
                sink.publish(events.get(i), callbacks::completed);
            }
            assertTrue(sink.flush(java.time.Duration.ofMinutes(2)));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Kafka sink: %d events of %d bytes acknowledged in %.2f s: %.0f events/s%n",
                    count - 1, events.get(1).sizeInBytes(), seconds, (count - 1) / seconds);
        }
        callbacks.assertOncePerEvent(count);
        assertEquals(List.of(), callbacks.failures);
    }

    @Test
    void createsTopicsWithTheConfiguredPartitionsAndConfig(TestInfo info) throws Exception {
        String prefix = prefix(info);
        Callbacks callbacks = new Callbacks();
        try (Sink sink = sink(prefix, "topic-template = \"{prefix}_{table}\", tombstones = false, "
                + "create-topics { enabled = true, partitions = 4, options { \"cleanup.policy\" = compact } }")) {
            sink.publish(event(Operation.CREATE, "a", 1, "{}"), callbacks::completed);
            sink.publish(event(Operation.DELETE, "b", 1, "{}"), callbacks::completed);
            assertTrue(sink.flush(WAIT));
        }
        callbacks.assertOncePerEvent(2);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(prefix + "_a", prefix + "_b"))
                    .allTopicNames().get();
            assertEquals(4, topics.get(prefix + "_a").partitions().size());
            assertEquals(4, topics.get(prefix + "_b").partitions().size());
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, prefix + "_a");
            assertEquals("compact", admin.describeConfigs(List.of(resource)).all().get()
                    .get(resource).get("cleanup.policy").value());
        }
        assertEquals(1, consume(prefix + "_b", 1).size(), "no tombstone when tombstones = false");
    }

    @Test
    void missingTopicWithCreationOffIsAClearErrorQuickly(TestInfo info) throws Exception {
        String prefix = prefix(info);
        try (Sink sink = sink(prefix, "")) {
            long start = System.nanoTime();
            ChangeEvent event = event(Operation.CREATE, "orders", 1, "{}");
            SinkException e = assertThrows(SinkException.class, () -> sink.publish(event, (ev, f) -> { }));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis < 10_000, "took " + millis + " ms");
            assertTrue(e.getMessage().contains("Kafka topic " + prefix + ".shop.orders for table shop.orders does not exist"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("create-topics.enabled"), e.getMessage());
            assertTrue(sink.flush(Duration.ofSeconds(1)), "nothing in flight");
        }
    }

    @Test
    void oversizedEventFailsNamingTableKeySizeAndLimit(TestInfo info) throws Exception {
        String prefix = prefix(info);
        String big = "\"" + "x".repeat(20_000) + "\"";
        try (Sink sink = sink(prefix, "create-topics.enabled = true, producer { max.request.size = 10000 }")) {
            ChangeEvent event = event(Operation.CREATE, "blobs", 42, big);
            SinkException e = assertThrows(SinkException.class, () -> sink.publish(event, (ev, f) -> { }));
            assertTrue(e.getMessage().contains("table shop.blobs with key {\"id\":42}"), e.getMessage());
            assertTrue(e.getMessage().matches(".*is about 20\\d\\d\\d bytes.*"), e.getMessage());
            assertTrue(e.getMessage().contains("limit of 10000 bytes"), e.getMessage());
        }
    }

    @Test
    void recordTheBrokerRefusesAsTooLargeFailsTheCallbackWithTheSameMessage(TestInfo info) throws Exception {
        String prefix = prefix(info);
        Callbacks callbacks = new Callbacks();
        try (Sink sink = sink(prefix, "create-topics { enabled = true, options { \"max.message.bytes\" = 5000 } }, "
                + "producer { compression.type = none }")) {
            ChangeEvent event = event(Operation.CREATE, "blobs", 7, "\"" + "y".repeat(8_000) + "\"");
            sink.publish(event, callbacks::completed);
            assertTrue(sink.flush(WAIT));
        }
        callbacks.assertOncePerEvent(1);
        String message = callbacks.failures.get(0).getMessage();
        assertTrue(message.contains("table shop.blobs with key {\"id\":7}"), message);
        assertTrue(message.contains("over the limit of the producer or broker"), message);
    }

    @Test
    void logAndSkipAcknowledgesWithoutPublishing(TestInfo info) throws Exception {
        String prefix = prefix(info);
        Callbacks callbacks = new Callbacks();
        try (Sink sink = sink(prefix, "create-topics.enabled = true, oversized = log-and-skip, "
                + "producer { max.request.size = 10000 }")) {
            sink.publish(event(Operation.CREATE, "blobs", 1, "\"" + "z".repeat(20_000) + "\""), callbacks::completed);
            sink.publish(event(Operation.CREATE, "blobs", 2, "{}"), callbacks::completed);
            assertTrue(sink.flush(WAIT));
        }
        callbacks.assertOncePerEvent(2);
        assertEquals(List.of(), callbacks.failures);
        List<ConsumerRecord<byte[], byte[]>> records = consume(prefix + ".shop.blobs", 1);
        assertEquals(1, records.size());
        assertEquals("{\"id\":2}", text(records.get(0).key()));
    }

    @Test
    void flushWaitsForEveryCallbackAndTimesOutWhileTheBrokerIsDown(TestInfo info) throws Exception {
        String prefix = prefix(info);
        Callbacks callbacks = new Callbacks();
        try (Sink sink = sink(prefix, "create-topics.enabled = true, producer { linger.ms = 5000 }")) {
            sink.publish(event(Operation.CREATE, "t", 0, "{}"), callbacks::completed);
            assertTrue(sink.flush(WAIT), "topic created, first record settled");
            for (int i = 1; i <= 1000; i++) {
                sink.publish(event(Operation.CREATE, "t", i, "{}"), callbacks::completed);
            }
            long start = System.nanoTime();
            assertTrue(sink.flush(WAIT));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4000, "flush sends lingering batches now");
            callbacks.assertOncePerEvent(1001);

            kafka.stop();
            // With every broker gone the producer may forget the topic's partitions, and send() then
            // waits for metadata (max.block.ms): publish blocks, which is the back-pressure we want.
            CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
                try {
                    sink.publish(event(Operation.CREATE, "t", 2000, "{}"), callbacks::completed);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            try {
                Thread.sleep(1000); // the publisher is inside publish() by now
                assertTrue(!sink.flush(Duration.ofSeconds(2)), "flush times out while the broker is down");
                assertEquals(1001, callbacks.calls.size(), "the record waits, it is not failed");
            } finally {
                kafka.start();
            }
            publisher.get(60, TimeUnit.SECONDS);
            assertTrue(sink.flush(Duration.ofSeconds(60)), "delivered once the broker is back");
            callbacks.assertOncePerEvent(1002);
            assertEquals(List.of(), callbacks.failures);
        }
        assertEquals(1002, consume(prefix + ".shop.t", 1002).size());
    }
}
