package io.sluice.connector;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sluice.connector.config.CheckpointConfig;
import io.sluice.connector.config.PipelineConfig;
import io.sluice.connector.config.SinkSelection;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.testing.KafkaTopicReader;
import io.sluice.connector.testing.KafkaTopicReader.Message;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.servers.DatabaseServer;
import io.sluice.servers.KafkaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly-once delivery into a real Kafka broker ({@code delivery = exactly-once}): events and the
 * checkpoint go into one Kafka transaction, so a {@code read_committed} consumer sees every change once
 * across restarts, and a second instance with the same configuration fences the first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class KafkaExactlyOnceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private DatabaseServer mysql;
    private KafkaServer kafka;
    @TempDir
    Path temp;

    @BeforeAll
    void startServers() throws Exception {
        kafka = KafkaServer.builder().start();
        mysql = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
    }

    @AfterAll
    void stopServers() {
        if (mysql != null) {
            mysql.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /** A daemon of its own (own replica id) with the exactly-once sink and checkpoints under {@code key}. */
    private SluiceConfig config(String database, String key, String checkpointStore) {
        return config(database, key, checkpointStore, Duration.ofMillis(200));
    }

    private SluiceConfig config(String database, String key, String checkpointStore, Duration interval) {
        SinkSelection sink = new SinkSelection("kafka", ConfigFactory.parseString("delivery = exactly-once\n"
                        + "topic-prefix = eos\n"
                        + "create-topics { enabled = true, partitions = 2 }\n"
                        + "producer { bootstrap.servers = \"" + kafka.bootstrapServers() + "\" }")
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.kafka")));
        Config store = checkpointStore.equals("kafka")
                ? ConfigFactory.parseString("topic = eos-checkpoints\nkey = " + key + "\n"
                        + "producer { bootstrap.servers = \"" + kafka.bootstrapServers() + "\" }")
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.checkpoint.kafka"))
                : ConfigFactory.parseMap(Map.of("path", temp.resolve(key + ".json").toString()));
        return new SluiceConfig(TestConfigs.source(mysql), TestConfigs.database(database), sink,
                new CheckpointConfig(checkpointStore, store, interval, 1000),
                new PipelineConfig(1024, 16L << 20, Duration.ofSeconds(10)),
                ValueEncoding.DEFAULT);
    }

    private List<Message> committed(String topic) throws Exception {
        return KafkaTopicReader.committed(kafka.bootstrapServers()).all(topic, WAIT);
    }

    /** Waits until a read_committed consumer sees {@code count} records, then reads to the end once more. */
    private List<Message> awaitCommitted(String topic, int count) throws Exception {
        List<Message> seen = KafkaTopicReader.committed(kafka.bootstrapServers()).atLeast(topic, count, WAIT);
        assertTrue(seen.size() >= count, "only " + seen.size() + " of " + count + " records committed in " + topic);
        return committed(topic);
    }

    private static void assertEachIdOnce(List<Message> messages) {
        Map<String, Long> counts = messages.stream().collect(Collectors.groupingBy(Message::id, Collectors.counting()));
        List<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertTrue(repeated.isEmpty(), "seen more than once: " + repeated);
    }

    @Test
    void readCommittedConsumersSeeEveryChangeOnceAcrossRestarts() throws Exception {
        mysql.execute("CREATE DATABASE eos1",
                "CREATE TABLE eos1.orders (id INT PRIMARY KEY, note VARCHAR(20))",
                "CREATE TABLE eos1.items (order_id INT, line INT, PRIMARY KEY (order_id, line))");
        try (RunningDaemon daemon = RunningDaemon.start(config("eos1", "eos1", "kafka"))) {
            mysql.execute("INSERT INTO eos1.orders VALUES (1, 'one'), (2, 'two')",
                    "UPDATE eos1.orders SET note = 'uno' WHERE id = 1",
                    "DELETE FROM eos1.orders WHERE id = 2",
                    "BEGIN", "INSERT INTO eos1.orders VALUES (3, 'three')", "INSERT INTO eos1.items VALUES (3, 1), (3, 2)",
                    "COMMIT");
            awaitCommitted("eos.eos1.orders", 6); // 3 inserts, 1 update, 1 delete and its tombstone
            awaitCommitted("eos.eos1.items", 2);
            daemon.stop();
        }
        mysql.execute("INSERT INTO eos1.orders VALUES (4, 'while stopped')");
        try (RunningDaemon daemon = RunningDaemon.start(config("eos1", "eos1", "kafka"))) {
            mysql.execute("UPDATE eos1.orders SET note = 'tres' WHERE id = 3");
            List<Message> orders = awaitCommitted("eos.eos1.orders", 8);
            assertEquals(8, orders.size(), "every change once: " + orders);
            assertEachIdOnce(orders);
            assertEquals(List.of("c", "u"), orders.stream().filter(m -> m.key().equals("{\"id\":1}"))
                    .map(Message::op).toList(), "changes of one key in order");
            Message three = orders.stream().filter(m -> m.key().equals("{\"id\":3}")).findFirst().orElseThrow();
            List<Message> items = committed("eos.eos1.items");
            assertEquals(2, items.size());
            items.forEach(item -> assertEquals(three.transaction(), item.transaction(), "one source transaction"));
        }
        List<Message> checkpoints = committed("eos-checkpoints").stream()
                .filter(m -> "eos1".equals(m.key())).toList();
        assertTrue(!checkpoints.isEmpty(), "the checkpoint is committed with the events");
        assertTrue(checkpoints.get(checkpoints.size() - 1).json().contains("\"file\""),
                "a position: " + checkpoints.get(checkpoints.size() - 1).json());
    }

    @Test
    void aSecondInstanceWithTheSameConfigurationFencesTheFirst() throws Exception {
        mysql.execute("CREATE DATABASE eos2", "CREATE TABLE eos2.t (id INT PRIMARY KEY, v INT)");
        try (RunningDaemon first = RunningDaemon.start(config("eos2", "eos2", "kafka"))) {
            mysql.execute("INSERT INTO eos2.t VALUES (1, 1)");
            awaitCommitted("eos.eos2.t", 1);
            try (RunningDaemon second = RunningDaemon.start(config("eos2", "eos2", "kafka"))) {
                for (int i = 2; i <= 20; i++) {
                    mysql.execute("INSERT INTO eos2.t VALUES (" + i + ", " + i + ")");
                }
                Throwable failure = first.awaitFailure(WAIT);
                assertNotNull(failure, "the older instance stops");
                String messages = messages(failure);
                assertTrue(messages.contains("Kafka fenced transactional id sluice-eos2: either another Sluice instance started with it"),
                        messages);
                assertEquals(Daemon.State.RUNNING, second.daemon().state(), "the newer instance goes on");
                mysql.execute("INSERT INTO eos2.t VALUES (21, 21)");
                List<Message> rows = awaitCommitted("eos.eos2.t", 21);
                assertEquals(21, rows.size(), "each row once: " + rows.stream().map(Message::key).toList());
                assertEachIdOnce(rows);
                Map<String, Message> byKey = rows.stream().collect(Collectors.toMap(Message::key, Function.identity()));
                assertEquals(21, byKey.size());
            }
        }
    }

    @Test
    void aThirtySecondBrokerOutageDelaysTheStreamWithoutLossOrDuplicates() throws Exception {
        mysql.execute("CREATE DATABASE eos4", "CREATE TABLE eos4.t (id INT PRIMARY KEY, v INT)");
        try (RunningDaemon daemon = RunningDaemon.start(config("eos4", "eos4", "kafka"))) {
            AtomicInteger written = new AtomicInteger();
            AtomicBoolean writing = new AtomicBoolean(true);
            CompletableFuture<Void> workload = CompletableFuture.runAsync(() -> {
                try {
                    while (writing.get()) {
                        int id = written.incrementAndGet();
                        mysql.execute("INSERT INTO eos4.t VALUES (" + id + ", " + id + ")");
                        Thread.sleep(20);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                awaitCommitted("eos.eos4.t", 20);
                kafka.stop();
                try {
                    Thread.sleep(30_000); // the workload goes on while the broker is away
                    assertEquals(Daemon.State.RUNNING, daemon.daemon().state(), "the daemon waits for the broker");
                } finally {
                    kafka.start();
                }
                Thread.sleep(2_000);
            } finally {
                writing.set(false);
                workload.join();
            }
            List<Message> rows = awaitCommitted("eos.eos4.t", written.get());
            assertEquals(written.get(), rows.size(), "every row once, written before, during and after the outage");
            assertEachIdOnce(rows);
            assertEquals(Daemon.State.RUNNING, daemon.daemon().state());
        }
    }

    @Test
    void exactlyOnceRefusesToStartWithoutTheKafkaCheckpointStore() throws Exception {
        mysql.execute("CREATE DATABASE eos3", "CREATE TABLE eos3.t (id INT PRIMARY KEY)");
        Exception failure = null;
        try (RunningDaemon ignored = RunningDaemon.start(config("eos3", "eos3", "file"))) {
            // not reached: the start fails
        } catch (Exception e) {
            failure = e;
        }
        assertNotNull(failure, "the start fails");
        assertTrue(failure.getMessage().contains("needs sluice.checkpoint.store = kafka"), failure.getMessage());
    }

    @Test
    void exactlyOnceRefusesACommitIntervalTheBrokerWouldNotWaitFor() throws Exception {
        mysql.execute("CREATE DATABASE eos5", "CREATE TABLE eos5.t (id INT PRIMARY KEY)");
        Exception failure = null;
        try (RunningDaemon ignored = RunningDaemon.start(config("eos5", "eos5", "kafka", Duration.ofMinutes(2)))) {
            // not reached: the start fails
        } catch (Exception e) {
            failure = e;
        }
        assertNotNull(failure, "the start fails");
        assertTrue(failure.getMessage().contains("sluice.checkpoint.interval: is PT2M, but with exactly-once delivery")
                && failure.getMessage().contains("keep the interval below PT30S"), failure.getMessage());
    }

    private static String messages(Throwable failure) {
        List<String> out = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.add(t.getMessage());
        }
        return String.join("\n", out);
    }
}
