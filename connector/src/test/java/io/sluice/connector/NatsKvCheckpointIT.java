package io.sluice.connector;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueEntry;
import io.sluice.connector.config.CheckpointConfig;
import io.sluice.connector.config.InvalidConfigException;
import io.sluice.connector.config.PipelineConfig;
import io.sluice.connector.config.SinkSelection;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.testing.MemorySink;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.event.ChangeEvent;
import io.sluice.servers.DatabaseServer;
import io.sluice.servers.NatsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.connector.testing.RunningDaemon.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daemon from a MySQL 8 binlog, keeping its position in a NATS KV bucket (checkpoint store
 * {@code nats-kv}): a restart continues from there, and of two instances given one key only one goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class NatsKvCheckpointIT {

    private DatabaseServer mysql;
    private NatsServer nats;

    @BeforeAll
    void startServers() throws Exception {
        mysql = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
        nats = NatsServer.builder().start();
    }

    @AfterAll
    void stopServers() throws Exception {
        if (nats != null) {
            nats.close();
        }
        if (mysql != null) {
            mysql.close();
        }
    }

    private SluiceConfig config(String db, String sinkName) {
        return TestConfigs.memoryWithNatsKv(mysql, db, sinkName, nats.url());
    }

    private static List<String> keys(MemorySink sink) {
        return sink.events().stream().map(ChangeEvent::key).map(k -> new String(k, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aRestartContinuesFromThePositionKeptInTheBucket() throws Exception {
        String db = "kv_restart";
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        try (RunningDaemon daemon = RunningDaemon.start(config(db, "kv-first"))) {
            mysql.execute("INSERT INTO " + db + ".t VALUES (1)", "INSERT INTO " + db + ".t VALUES (2)");
            MemorySink first = MemorySink.named("kv-first");
            waitFor(Duration.ofSeconds(30), () -> first.size() >= 2);
            daemon.stop();
            assertEquals(List.of("{\"id\":1}", "{\"id\":2}"), keys(first));
        }
        try (Connection reader = Nats.connect(nats.url())) {
            KeyValueEntry saved = reader.keyValue("sluice-checkpoints").get(db);
            assertNotNull(saved, "the checkpoint is in the bucket under the configured key");
        }

        mysql.execute("INSERT INTO " + db + ".t VALUES (3)", "INSERT INTO " + db + ".t VALUES (4)");
        try (RunningDaemon daemon = RunningDaemon.start(config(db, "kv-second"))) {
            mysql.execute("INSERT INTO " + db + ".t VALUES (5)");
            MemorySink second = MemorySink.named("kv-second");
            waitFor(Duration.ofSeconds(30), () -> second.size() >= 3);
            Thread.sleep(300); // nothing more may arrive
            daemon.stop();
            assertEquals(List.of("{\"id\":3}", "{\"id\":4}", "{\"id\":5}"), keys(second),
                    "rows written while stopped arrive, rows before the checkpoint do not");
        }
    }

    /**
     * A daemon publishing to the stream {@code stream} and checkpointing under {@code key}. Two daemons
     * built here for one key differ only in their replica server id, which MySQL needs to serve both.
     */
    private SluiceConfig natsConfig(String db, String stream, String key) {
        Config sink = ConfigFactory.parseString("servers = [\"" + nats.url() + "\"]\nsubject-prefix = "
                        + stream.toLowerCase() + "\nstream.name = " + stream)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.nats"));
        Config checkpoint = ConfigFactory.parseString("servers = [\"" + nats.url() + "\"]\nkey = " + key)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.checkpoint.nats-kv"));
        return new SluiceConfig(TestConfigs.source(mysql), TestConfigs.database(db), new SinkSelection("nats", sink),
                new CheckpointConfig("nats-kv", checkpoint, Duration.ofMillis(200), 1000),
                new PipelineConfig(1024, 16L << 20, Duration.ofSeconds(10)), ValueEncoding.DEFAULT);
    }

    private static List<String> storedKeys(JetStreamManagement jsm, String stream) throws Exception {
        long count = jsm.getStreamInfo(stream).getStreamState().getMsgCount();
        List<String> keys = new ArrayList<>();
        for (long seq = 1; seq <= count; seq++) {
            keys.add(jsm.getMessage(stream, seq).getHeaders().getFirst("Sluice-Key"));
        }
        return keys;
    }

    private static long stored(JetStreamManagement jsm, String stream) {
        try {
            return jsm.getStreamInfo(stream).getStreamState().getMsgCount();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void twoInstancesWithOneCheckpointKeyLeaveOneRunningAndTheStreamFreeOfDuplicates() throws Exception {
        String db = "kv_twins";
        String stream = "TWINS";
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        try (RunningDaemon first = RunningDaemon.start(natsConfig(db, stream, "twins-db"));
             RunningDaemon second = RunningDaemon.start(natsConfig(db, stream, "twins-db"));
             Connection reader = Nats.connect(nats.url())) {
            JetStreamManagement jsm = reader.jetStreamManagement();
            for (int id = 1; id <= 5; id++) {
                mysql.execute("INSERT INTO " + db + ".t VALUES (" + id + ")");
            }
            // Both read the same rows and publish them under the same event ids; both then save the
            // position under one key, and the compare-and-set lets only one of them through.
            waitFor(Duration.ofSeconds(60), () -> first.daemon().state() == Daemon.State.FAILED
                    || second.daemon().state() == Daemon.State.FAILED);
            Thread.sleep(2000); // the survivor saves a few more times; it must not fail too
            boolean firstLost = first.daemon().state() == Daemon.State.FAILED;
            RunningDaemon loser = firstLost ? first : second;
            RunningDaemon winner = firstLost ? second : first;
            assertEquals(Daemon.State.RUNNING, winner.daemon().state(), "exactly one instance stops");

            Throwable failure = loser.awaitFailure(Duration.ofSeconds(30));
            assertNotNull(failure, "the instance that lost says why");
            String message = failure.getMessage();
            assertTrue(message.startsWith("another Sluice instance is writing checkpoint key twins-db in NATS KV bucket"
                    + " sluice-checkpoints at [" + nats.url() + "]"), message);
            assertTrue(message.contains("Give every instance its own sluice.checkpoint.nats-kv.key, or stop the"
                    + " other instance"), message);

            for (int id = 6; id <= 8; id++) {
                mysql.execute("INSERT INTO " + db + ".t VALUES (" + id + ")");
            }
            waitFor(Duration.ofSeconds(30), () -> stored(jsm, stream) >= 8);
            Thread.sleep(500); // nothing more may arrive
            List<String> expected = new ArrayList<>();
            for (int id = 1; id <= 8; id++) {
                expected.add("{\"id\":" + id + "}");
            }
            assertEquals(expected, storedKeys(jsm, stream),
                    "every row once, in order: the duplicate window dropped what both instances published");
            assertEquals(Daemon.State.RUNNING, winner.daemon().state());

            winner.stop();
            KeyValueEntry saved = reader.keyValue("sluice-checkpoints").get("twins-db");
            assertNotNull(saved, "the survivor's checkpoint is in the bucket");
        }
    }

    @Test
    void natsKvSettingsPassTheCoreValidatorAndTyposAreCaught() {
        String base = "sluice { source { host = localhost, user = u }\n checkpoint { store = nats-kv\n nats-kv {"
                + " servers = [\"" + nats.url() + "\"], key = orders-db %s } } }";
        Config reference = ConfigFactory.defaultReference();
        SluiceConfig ok = SluiceConfig.from(ConfigFactory.parseString(String.format(base, "")).withFallback(reference)
                .resolve());
        assertEquals("nats-kv", ok.checkpoint().store());
        assertEquals("orders-db", ok.checkpoint().settings().getString("key"));
        assertEquals("sluice-checkpoints", ok.checkpoint().settings().getString("bucket"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> SluiceConfig.from(
                ConfigFactory.parseString(String.format(base, ", buckett = x")).withFallback(reference).resolve()));
        assertTrue(e.getMessage().contains("sluice.checkpoint.nats-kv.bucket"), e.getMessage());
    }
}
