package io.sluice.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.sluice.connector.config.HttpConfig;
import io.sluice.connector.config.SinkSelection;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.config.SnapshotConfig;
import io.sluice.connector.testing.MetricsText;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.sluice.connector.testing.RunningDaemon.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The health and metrics endpoint of a running daemon over real HTTP: metric families with the values
 * a known workload must give, and readiness that follows the database going away and coming back.
 * (The sinks' outage tests check readiness against a lost broker, see BrokerOutage.)
 */
class OperationsEndpointIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static DatabaseServer mysql;

    @TempDir
    Path temp;

    @BeforeAll
    static void startServer() {
        mysql = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
    }

    @AfterAll
    static void stopServer() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @Test
    void metricsCountWhatAWorkloadDid() throws Exception {
        String db = "ops_metrics";
        mysql.execute("CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".items (id INT PRIMARY KEY, name VARCHAR(40))");
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            rows.append(i == 1 ? "" : ",").append("(").append(i).append(", 'existing ").append(i).append("')");
        }
        mysql.execute("INSERT INTO " + db + ".items VALUES " + rows);
        SluiceConfig config = TestConfigs.withSnapshot(
                TestConfigs.memory(mysql, "ops-metrics", temp.resolve("checkpoint.json"), TestConfigs.database(db)),
                new SnapshotConfig(SnapshotConfig.Mode.INITIAL, 100, 1, null)).withHttp(HttpConfig.anyLoopbackPort());
        try (RunningDaemon daemon = RunningDaemon.start(config)) {
            int port = daemon.daemon().operationsPort();
            assertTrue(port > 0, "the endpoint listens on a free port");
            // Changes only after the snapshot, so the counts per operation are exact.
            waitFor(Duration.ofSeconds(30), () -> published(port, db, "r") == 300
                    && MetricsText.parse(get(port, "/metrics").body()).value("sluice_snapshot_tables_pending") == 0);
            for (int i = 301; i <= 400; i++) {
                mysql.execute("INSERT INTO " + db + ".items VALUES (" + i + ", 'new')");
            }
            mysql.execute("UPDATE " + db + ".items SET name = 'changed' WHERE id <= 50",
                    "DELETE FROM " + db + ".items WHERE id > 380");

            waitFor(Duration.ofSeconds(30), () -> published(port, db, "d") == 20);
            MetricsText metrics = MetricsText.parse(get(port, "/metrics").body());
            assertEquals(300, metrics.value("sluice_events_published_total", "table", "items", "op", "r"), "snapshot rows");
            assertEquals(100, metrics.value("sluice_events_published_total", "table", "items", "op", "c"), "inserts");
            assertEquals(50, metrics.value("sluice_events_published_total", "table", "items", "op", "u"), "updates");
            assertTrue(metrics.value("sluice_event_bytes_published_total", "table", "items", "op", "c") > 100 * 100,
                    "bytes of 100 inserts, each over 100 bytes of JSON");
            waitFor(Duration.ofSeconds(10), () -> MetricsText.parse(get(port, "/metrics").body())
                    .value("sluice_sink_latency_seconds_count") == 470);
            metrics = MetricsText.parse(get(port, "/metrics").body());
            assertTrue(metrics.value("sluice_sink_latency_seconds_bucket", "le", "+Inf") == 470, "every event acknowledged");
            assertEquals(0, metrics.value("sluice_snapshot_tables_pending"), "the snapshot finished");
            assertEquals(0, metrics.value("sluice_queue_rows"));
            assertEquals(0, metrics.value("sluice_in_flight_events"));
            double lag = metrics.value("sluice_source_lag_seconds");
            assertTrue(lag >= 0 && lag < 30, "seconds behind the source: " + lag);
            assertTrue(metrics.value("sluice_binlog_file_number", "position", "published") >= 1);
            assertTrue(metrics.value("sluice_binlog_offset", "position", "published") > 4);
            waitFor(Duration.ofSeconds(5), () -> MetricsText.parse(get(port, "/metrics").body())
                    .value("sluice_binlog_offset", "position", "checkpoint")
                    == MetricsText.parse(get(port, "/metrics").body()).value("sluice_binlog_offset", "position", "published"));
            double age = metrics.value("sluice_checkpoint_age_seconds");
            assertTrue(age >= 0 && age < 5, "checkpoints every 200 ms keep the age small: " + age);
            assertEquals(0, metrics.value("sluice_errors_total", "kind", "delivery_failed"));
            assertEquals(1, metrics.value("sluice_ready"));
            assertEquals(1, metrics.value("sluice_source_connected"));
            assertTrue(metrics.has("jvm_memory_used_bytes"), "JVM metrics sit beside Sluice's");

            HttpResponse<String> live = get(port, "/health/live");
            assertEquals(200, live.statusCode());
            assertEquals(404, get(port, "/nothing").statusCode());
        }
    }

    @Test
    void readinessFollowsTheDatabase() throws Exception {
        String db = "ops_ready";
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        SluiceConfig config = TestConfigs.memory(mysql, "ops-ready", temp.resolve("checkpoint.json"),
                TestConfigs.database(db)).withHttp(HttpConfig.anyLoopbackPort());
        try (RunningDaemon daemon = RunningDaemon.start(config)) {
            int port = daemon.daemon().operationsPort();
            waitFor(Duration.ofSeconds(10), () -> get(port, "/health/ready").statusCode() == 200);
            JsonNode ready = JSON.readTree(get(port, "/health/ready").body());
            assertTrue(ready.get("ready").asBoolean(), ready.toString());
            assertTrue(ready.at("/checks/database/ok").asBoolean(), ready.toString());
            assertTrue(ready.at("/checks/sink/ok").asBoolean(), ready.toString());
            assertTrue(ready.at("/checks/delivery/ok").asBoolean(), ready.toString());

            mysql.stop();
            try {
                waitFor(Duration.ofSeconds(15), () -> get(port, "/health/ready").statusCode() == 503);
                JsonNode down = JSON.readTree(get(port, "/health/ready").body());
                assertFalse(down.at("/checks/database/ok").asBoolean(), down.toString());
                assertTrue(down.at("/checks/database/detail").asText().contains(mysql.host() + ":" + mysql.port()),
                        "names the server: " + down);
                assertEquals(200, get(port, "/health/live").statusCode(), "alive while waiting for the database");
            } finally {
                mysql.start();
            }
            waitFor(Duration.ofSeconds(30), () -> get(port, "/health/ready").statusCode() == 200);
            mysql.execute("INSERT INTO " + db + ".t VALUES (1)");
            waitFor(Duration.ofSeconds(10), () -> published(port, db, "c") == 1);
            MetricsText metrics = MetricsText.parse(get(port, "/metrics").body());
            assertTrue(metrics.value("sluice_errors_total", "kind", "source_connection_lost") >= 1,
                    "the lost connection is counted");
        }
    }

    @Test
    void readinessReportsASinkThatStoppedAcknowledging() throws Exception {
        String db = "ops_stalled";
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        SluiceConfig memory = TestConfigs.memory(mysql, "ops-stalled", temp.resolve("checkpoint.json"),
                TestConfigs.database(db));
        SluiceConfig config = new SluiceConfig(memory.source(), memory.filter(), new SinkSelection("silent",
                ConfigFactory.parseMap(Map.of("received", temp.resolve("received.jsonl").toString()))),
                memory.checkpoint(), memory.pipeline(), memory.encoding(), memory.snapshot(),
                new HttpConfig(true, "127.0.0.1", 0, Duration.ofSeconds(2)), memory.log());
        try (RunningDaemon daemon = RunningDaemon.start(config)) {
            int port = daemon.daemon().operationsPort();
            // Running comes a moment before the binlog connection is up: wait for ready, as a probe would.
            waitFor(Duration.ofSeconds(10), () -> get(port, "/health/ready").statusCode() == 200);
            mysql.execute("INSERT INTO " + db + ".t VALUES (1), (2), (3)");

            waitFor(Duration.ofSeconds(15), () -> get(port, "/health/ready").statusCode() == 503);
            JsonNode stalled = JSON.readTree(get(port, "/health/ready").body());
            assertFalse(stalled.at("/checks/delivery/ok").asBoolean(), stalled.toString());
            assertTrue(stalled.at("/checks/delivery/detail").asText().contains("sluice.http.stalled-after"),
                    "names the setting: " + stalled);
            assertTrue(stalled.at("/checks/database/ok").asBoolean() && stalled.at("/checks/sink/ok").asBoolean(),
                    "only delivery fails: " + stalled);
            MetricsText metrics = MetricsText.parse(get(port, "/metrics").body());
            assertEquals(3, metrics.value("sluice_in_flight_events"), "three events wait for the sink");
            assertTrue(metrics.value("sluice_sink_oldest_unacknowledged_seconds") >= 2);
        }
    }

    private static double published(int port, String db, String op) {
        MetricsText metrics = MetricsText.parse(get(port, "/metrics").body());
        return metrics.has("sluice_events_published_total")
                ? metrics.value("sluice_events_published_total", "database", db, "op", op) : -1;
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        }
    }
}
