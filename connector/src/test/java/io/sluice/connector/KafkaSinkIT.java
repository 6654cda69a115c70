package io.sluice.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.sluice.connector.config.CheckpointConfig;
import io.sluice.connector.config.ConfigLoader;
import io.sluice.connector.config.InvalidConfigException;
import io.sluice.connector.config.PipelineConfig;
import io.sluice.connector.config.SinkSelection;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.sink.Plugins;
import io.sluice.connector.testing.ContinuousWorkload;
import io.sluice.connector.testing.KafkaTopicReader;
import io.sluice.connector.testing.KafkaTopicReader.Message;
import io.sluice.connector.testing.BrokerOutage;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.servers.DatabaseServer;
import io.sluice.servers.KafkaServer;
import io.sluice.sink.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daemon streaming MySQL 8.0 into a real Kafka broker through the {@code kafka} sink, found by
 * {@code ServiceLoader} as in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class KafkaSinkIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private DatabaseServer mysql;
    private DatabaseServer mariadb;
    private KafkaServer kafka;
    @TempDir
    Path temp;

    @BeforeAll
    void startServers() throws Exception {
        kafka = KafkaServer.builder().start();
        mysql = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
        mariadb = DatabaseServer.builder(DatabaseServer.Flavor.MARIADB_11_4).start();
    }

    /** A test that failed during an outage must not leave the broker down for the next ones. */
    @AfterEach
    void brokerBack() {
        if (kafka != null && !kafka.isRunning()) {
            kafka.start();
        }
    }

    @AfterAll
    void stopServers() {
        if (mysql != null) {
            mysql.close();
        }
        if (mariadb != null) {
            mariadb.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private SluiceConfig config(String prefix) {
        return config(prefix, "shop");
    }

    private SluiceConfig config(String prefix, String database) {
        return config(prefix, database, "");
    }

    private SluiceConfig config(String prefix, String database, String extra) {
        return config(mysql, prefix, database, extra);
    }

    private SluiceConfig config(DatabaseServer server, String prefix, String database, String extra) {
        SinkSelection sink = new SinkSelection("kafka", ConfigFactory.parseString(extra + "\n"
                                + "topic-prefix = " + prefix + "\n"
                                + "create-topics { enabled = true, partitions = 2 }\n"
                                + "producer { bootstrap.servers = \"" + kafka.bootstrapServers() + "\" }")
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.kafka")));
        return new SluiceConfig(TestConfigs.source(server), TestConfigs.database(database), sink,
                new CheckpointConfig("file", ConfigFactory.parseMap(Map.of("path",
                        temp.resolve(prefix + "-" + database + ".json").toString())),
                        Duration.ofMillis(200), 1000),
                new PipelineConfig(1024, 16L << 20, Duration.ofSeconds(10)),
                ValueEncoding.DEFAULT);
    }

    @Test
    void streamsChangesDdlAndTransactionsFromMySqlIntoTopicsPerTable() throws Exception {
        streamsChangesDdlAndTransactionsIntoTopicsPerTable(mysql, "e2e");
    }

    @Test
    void streamsChangesDdlAndTransactionsFromMariaDbIntoTopicsPerTable() throws Exception {
        streamsChangesDdlAndTransactionsIntoTopicsPerTable(mariadb, "e2em");
    }

    private void streamsChangesDdlAndTransactionsIntoTopicsPerTable(DatabaseServer server, String prefix)
            throws Exception {
        server.execute("CREATE DATABASE shop",
                "CREATE TABLE shop.orders (id INT PRIMARY KEY, note VARCHAR(20))",
                "CREATE TABLE shop.items (order_id INT, line INT, qty INT, PRIMARY KEY (order_id, line))");
        try (RunningDaemon daemon = RunningDaemon.start(config(server, prefix, "shop", ""))) {
            server.execute(
                    "INSERT INTO shop.orders VALUES (1, 'one'), (2, 'two'), (3, 'three')",
                    "UPDATE shop.orders SET note = 'uno' WHERE id = 1",
                    "DELETE FROM shop.orders WHERE id = 2",
                    "ALTER TABLE shop.orders ADD COLUMN total DECIMAL(10,2) NULL",
                    "INSERT INTO shop.orders VALUES (4, 'four', 12.50)",
                    "BEGIN",
                    "INSERT INTO shop.orders VALUES (5, 'five', 7.00)",
                    "INSERT INTO shop.items VALUES (5, 1, 2), (5, 2, 3)",
                    "COMMIT");

            List<Message> orders = KafkaTopicReader.read(kafka.bootstrapServers(), prefix + ".shop.orders", 8, WAIT);
            List<Message> items = KafkaTopicReader.read(kafka.bootstrapServers(), prefix + ".shop.items", 2, WAIT);
            assertEquals(8, orders.size(), "3 inserts, 1 update, 1 delete + tombstone, 2 inserts: " + orders);
            assertEquals(2, items.size());

            Map<String, List<Message>> byKey = new HashMap<>();
            orders.forEach(m -> byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m));
            List<Message> one = byKey.get("{\"id\":1}");
            assertEquals(List.of("c", "u"), List.of(one.get(0).op(), one.get(1).op()));
            assertEquals("uno", one.get(1).value().get("after").get("note").asText());
            assertEquals("one", one.get(1).value().get("before").get("note").asText());

            List<Message> two = byKey.get("{\"id\":2}");
            assertEquals(3, two.size());
            assertEquals("d", two.get(1).op());
            assertEquals("two", two.get(1).value().get("before").get("note").asText());
            assertNull(two.get(2).json(), "tombstone after the delete");
            assertEquals(two.get(1).id() + "#tombstone", two.get(2).id());
            assertEquals(one.get(0).partition(), byKey.get("{\"id\":1}").get(1).partition());

            JsonNode four = byKey.get("{\"id\":4}").get(0).value();
            assertEquals("12.50", four.get("after").get("total").asText(), "the column added mid-stream");
            assertEquals("orders", four.get("source").get("table").asText());

            Message five = byKey.get("{\"id\":5}").get(0);
            assertNotNull(five.transaction());
            for (Message item : items) {
                assertEquals(five.transaction(), item.transaction(), "one transaction across two tables");
                assertEquals("c", item.op());
                assertTrue(item.key().startsWith("{\"order_id\":5,\"line\":"), item.key());
            }
            for (Message m : orders) {
                assertNotNull(m.id());
                if (m.json() != null) {
                    assertEquals(m.value().get("op").asText(), m.op());
                    assertNotNull(m.transaction());
                }
            }
            assertEquals(orders.size(), orders.stream().map(m -> m.id()).distinct().count(), "ids are unique");
        }
    }

    /**
     * The broker is stopped for 30 s while rows go on being written, then started again on the same
     * port with the same data. The daemon waits without failing; its checkpoint does not move while
     * nothing can be acknowledged; once the broker is back every change arrives, once and in order per
     * key, and the checkpoint moves on. The topic stamps records with the broker's append time, which
     * shows that every event the checkpoint covered during the outage had been stored before it.
     */
    @Test
    @Timeout(300)
    void streamingResumesByItselfAfterTheBrokerIsAwayFor30Seconds() throws Exception {
        mysql.execute("CREATE DATABASE outage", "CREATE TABLE outage.t (id INT PRIMARY KEY, v INT NOT NULL)");
        Path checkpoint = temp.resolve("down-outage.json");
        SluiceConfig config = config("down", "outage", "create-topics.options { \"message.timestamp.type\" = LogAppendTime }");
        try (RunningDaemon daemon = RunningDaemon.start(config);
             ContinuousWorkload workload = ContinuousWorkload.start(mysql, "outage.t")) {
            KafkaTopicReader.read(kafka.bootstrapServers(), "down.outage.t", 200, WAIT);
            BrokerOutage.Result outage = BrokerOutage.run(daemon, workload, checkpoint, OUTAGE, kafka::stop, kafka::start,
                    "broker");
            List<BrokerOutage.Stored> delivered = new ArrayList<>();
            for (Message m : KafkaTopicReader.read(kafka.bootstrapServers(), "down.outage.t",
                    Math.toIntExact(outage.written()), WAIT)) {
                delivered.add(new BrokerOutage.Stored(m.id(), m.value(), Instant.ofEpochMilli(m.timestamp())));
            }
            int coveredEvents = BrokerOutage.verify(outage, delivered, workload, checkpoint, "broker");
            long written = outage.written();
            long writtenBeforeOutage = outage.writtenBefore();
            System.out.println("KafkaSinkIT outage: " + written + " changes, " + (written - writtenBeforeOutage)
                    + " of them written during or after the 30 s outage; " + coveredEvents + " covered by the checkpoint"
                    + " kept during the outage, all stored before it");
        }
    }

    @Test
    void anOversizedRowStopsTheDaemonNamingTableKeySizeAndLimit() throws Exception {
        mysql.execute("CREATE DATABASE big", "CREATE TABLE big.t (id INT PRIMARY KEY, body TEXT)");
        try (RunningDaemon daemon = RunningDaemon.start(config("big", "big", "producer.max.request.size = 4000"))) {
            mysql.execute("INSERT INTO big.t VALUES (1, 'small')",
                    "INSERT INTO big.t VALUES (2, REPEAT('x', 6000))");
            Throwable failure = daemon.awaitFailure(WAIT);
            assertNotNull(failure, "the daemon stops");
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains("table big.t with key {\"id\":2}"), messages.toString());
            assertTrue(messages.toString().contains("over the limit of 4000 bytes"), messages.toString());
            assertEquals(1, KafkaTopicReader.read(kafka.bootstrapServers(), "big.big.t", 1, WAIT).size(), "the row before it");
        }
    }

    @Test
    void aConfigurationFileWithEveryKafkaBlockPassesTheValidatorAndCreatesTheSink() throws Exception {
        String hocon = """
                sluice {
                  source { host = "127.0.0.1", user = "sluice" }
                  sink {
                    type = kafka
                    kafka {
                      topic-prefix = files
                      topic-template = "{prefix}.{database}.{table}"
                      tombstones = false
                      oversized = log-and-skip
                      create-topics { enabled = true, partitions = 3, replication-factor = 1,
                                      options { cleanup.policy = compact } }
                      topic-check-timeout = 5s
                      close-timeout = 1s
                      producer { bootstrap.servers = "%s", linger.ms = 20, client.id() = it }
                      admin { request.timeout.ms = 10000 }
                    }
                  }
                }
                """.formatted(kafka.bootstrapServers());
        SluiceConfig config = new ConfigLoader(Map.of()).load(hocon, "kafka-it.conf", List.of());
        assertEquals("kafka", config.sink().type());
        try (Sink sink = Plugins.sink("kafka").create(config.sink().settings())) {
            assertTrue(sink.flush(Duration.ofSeconds(1)));
        }
        InvalidConfigException typo = assertThrows(InvalidConfigException.class, () -> new ConfigLoader(Map.of())
                .load(hocon.replace("tombstones", "tombstone"), "kafka-it.conf", List.of()));
        assertTrue(typo.getMessage().contains("sluice.sink.kafka.tombstone"), typo.getMessage());
    }
}
