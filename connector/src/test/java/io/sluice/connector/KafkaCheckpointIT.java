package io.sluice.connector;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.connector.config.CheckpointConfig;
import io.sluice.connector.config.PipelineConfig;
import io.sluice.connector.config.SinkSelection;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.sink.Plugins;
import io.sluice.connector.testing.MemorySink;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.event.ChangeEvent;
import io.sluice.servers.DatabaseServer;
import io.sluice.servers.KafkaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daemon keeping its position in a compacted Kafka topic (checkpoint store {@code kafka}, found by
 * {@code ServiceLoader} as in production): no checkpoint file anywhere, yet a restart continues where
 * the previous run stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class KafkaCheckpointIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private DatabaseServer mysql;
    private KafkaServer kafka;

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

    private Config store() {
        return ConfigFactory.parseString("topic = sluice-it-checkpoints\n"
                        + "key = kcp-shop\n"
                        + "producer { bootstrap.servers = \"" + kafka.bootstrapServers() + "\" }")
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.checkpoint.kafka"));
    }

    /** Starts at the current binlog position when no checkpoint exists, so rows written while stopped need one. */
    private SluiceConfig config(String sinkName) {
        return new SluiceConfig(TestConfigs.source(mysql), TestConfigs.database("kcp"),
                new SinkSelection("memory", ConfigFactory.parseMap(Map.of("name", sinkName))),
                new CheckpointConfig("kafka", store(), Duration.ofMillis(200), 1000),
                new PipelineConfig(1024, 16L << 20, Duration.ofSeconds(10)),
                ValueEncoding.DEFAULT);
    }

    private static List<String> keys(MemorySink sink) {
        return sink.events().stream().map(ChangeEvent::key)
                .map(k -> new String(k, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aRestartContinuesFromThePositionSavedInKafka() throws Exception {
        mysql.execute("CREATE DATABASE kcp", "CREATE TABLE kcp.t (id INT PRIMARY KEY, v INT)");
        try (RunningDaemon daemon = RunningDaemon.start(config("kcp-first"))) {
            mysql.execute("INSERT INTO kcp.t VALUES (1, 1), (2, 2)", "INSERT INTO kcp.t VALUES (3, 3)");
            RunningDaemon.waitFor(WAIT, () -> MemorySink.named("kcp-first").size() == 3);
            daemon.stop();
        }
        assertEquals(List.of("{\"id\":1}", "{\"id\":2}", "{\"id\":3}"), keys(MemorySink.named("kcp-first")));
        try (CheckpointStore store = Plugins.checkpointStore("kafka").create(store())) {
            assertTrue(store.load().isPresent(), "the stop saved a checkpoint in " + store.describe());
        }

        mysql.execute("INSERT INTO kcp.t VALUES (4, 4)", "UPDATE kcp.t SET v = 5 WHERE id = 1");
        try (RunningDaemon daemon = RunningDaemon.start(config("kcp-second"))) {
            mysql.execute("INSERT INTO kcp.t VALUES (6, 6)");
            RunningDaemon.waitFor(WAIT, () -> MemorySink.named("kcp-second").size() >= 3);
            Thread.sleep(500); // long enough to notice a replay of the first run's rows
            assertEquals(List.of("{\"id\":4}", "{\"id\":1}", "{\"id\":6}"), keys(MemorySink.named("kcp-second")),
                    "only the rows written since the stop, the ones written while stopped included");
        }
    }
}
