package io.sluice.sink.kafka.checkpoint;

import com.typesafe.config.ConfigFactory;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.servers.KafkaServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kafka checkpoint store against a real broker: one broker for the class, every test with a topic of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class KafkaCheckpointStoreIT {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private KafkaServer kafka;

    @BeforeAll
    void startBroker() {
        kafka = KafkaServer.builder().start();
    }

    @AfterAll
    void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private CheckpointStore store(String topic, String key) throws CheckpointException {
        return store(topic, key, "");
    }

    private CheckpointStore store(String topic, String key, String settings) throws CheckpointException {
        return new KafkaCheckpointStoreFactory().create(ConfigFactory.parseString(settings)
                .withFallback(ConfigFactory.parseMap(Map.of(
                        "topic", topic,
                        "key", key,
                        "producer.bootstrap.servers", kafka.bootstrapServers())))
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.checkpoint.kafka")));
    }

    private static String topic(TestInfo info) {
        return "cp" + SEQUENCE.incrementAndGet() + "-" + info.getTestMethod().orElseThrow().getName();
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    @Test
    void savesAreLoadedBackLatestWinsAndSurviveARestart(TestInfo info) throws Exception {
        String topic = topic(info);
        try (CheckpointStore store = store(topic, "shop")) {
            assertEquals(Optional.empty(), store.load(), "a new topic holds no checkpoint");
            store.save("{\"file\":\"binlog.000001\",\"pos\":4}");
            assertEquals(Optional.of("{\"file\":\"binlog.000001\",\"pos\":4}"), store.load());
            for (int pos = 100; pos <= 1000; pos += 100) {
                store.save("{\"file\":\"binlog.000001\",\"pos\":" + pos + "}");
            }
            assertEquals(Optional.of("{\"file\":\"binlog.000001\",\"pos\":1000}"), store.load(), "the latest save wins");
        }
        try (CheckpointStore restarted = store(topic, "shop")) {
            assertEquals(Optional.of("{\"file\":\"binlog.000001\",\"pos\":1000}"), restarted.load(),
                    "a new instance reads the last save");
        }
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            ConfigEntry policy = admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy");
            assertEquals("compact", policy.value());
            assertEquals(1, admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size());
        }
    }

    @Test
    void keysDoNotInterfere(TestInfo info) throws Exception {
        String topic = topic(info);
        try (CheckpointStore a = store(topic, "a"); CheckpointStore b = store(topic, "b")) {
            a.save("a1");
            b.save("b1");
            a.save("a2");
            assertEquals(Optional.of("a2"), a.load());
            assertEquals(Optional.of("b1"), b.load());
        }
        try (CheckpointStore c = store(topic, "c")) {
            assertEquals(Optional.empty(), c.load(), "a key never saved reads as empty");
        }
    }

    @Test
    void describeNamesTopicKeyAndServers(TestInfo info) throws Exception {
        String topic = topic(info);
        try (CheckpointStore store = store(topic, "shop")) {
            assertEquals("kafka topic " + topic + " key shop at servers " + kafka.bootstrapServers(), store.describe());
        }
    }

    @Test
    void aMissingTopicWithCreationOffIsAClearError(TestInfo info) {
        String topic = topic(info);
        String message = assertThrows(CheckpointException.class,
                () -> store(topic, "shop", "create-topic = false")).getMessage();
        assertTrue(message.contains("The checkpoint topic " + topic + " does not exist at Kafka servers "
                + kafka.bootstrapServers()), message);
        assertTrue(message.contains("--create --topic " + topic + " --partitions 1 --config cleanup.policy=compact"), message);
        assertTrue(message.contains("create-topic = true"), message);
    }

    @Test
    void aTopicThatIsNotCompactedIsAClearError(TestInfo info) throws Exception {
        String topic = topic(info);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "delete")))).all().get();
        }
        String message = assertThrows(CheckpointException.class, () -> store(topic, "shop")).getMessage();
        assertTrue(message.contains("The checkpoint topic " + topic + " at Kafka servers " + kafka.bootstrapServers()
                + " has cleanup.policy=delete"), message);
        assertTrue(message.contains("kafka-configs.sh --bootstrap-server " + kafka.bootstrapServers()
                + " --alter --entity-type topics --entity-name " + topic + " --add-config cleanup.policy=compact"), message);
    }

    @Test
    void anExistingCompactedTopicIsUsedAsItIs(TestInfo info) throws Exception {
        String topic = topic(info);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
        try (CheckpointStore store = store(topic, "shop", "create-topic = false")) {
            assertEquals(Optional.empty(), store.load());
            store.save("x");
            assertEquals(Optional.of("x"), store.load());
        }
    }

    @Test
    void anUnreachableBrokerFailsWithinTheTimeoutNamingTopicAndServers(TestInfo info) {
        String topic = topic(info);
        long started = System.nanoTime();
        String message = assertThrows(CheckpointException.class, () -> store(topic, "shop",
                "timeout = 2s, producer.bootstrap.servers = \"127.0.0.1:1\"")).getMessage();
        assertTrue(System.nanoTime() - started < 20_000_000_000L, "bounded by the timeout");
        assertTrue(message.contains("checkpoint topic " + topic + " at Kafka servers 127.0.0.1:1"), message);
        assertTrue(message.contains("did not answer within PT2S"), message);
    }
}
