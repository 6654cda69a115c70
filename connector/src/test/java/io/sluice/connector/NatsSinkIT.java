package io.sluice.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.sluice.connector.config.CheckpointConfig;
import io.sluice.connector.config.InvalidConfigException;
import io.sluice.connector.config.PipelineConfig;
import io.sluice.connector.config.SinkSelection;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.testing.ContinuousWorkload;
import io.sluice.connector.testing.BrokerOutage;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.servers.DatabaseServer;
import io.sluice.servers.NatsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.sluice.connector.testing.RunningDaemon.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon from a MySQL 8 binlog into a real NATS JetStream stream, read back with jnats. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class NatsSinkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private DatabaseServer mysql;
    private DatabaseServer mariadb;
    private NatsServer nats;
    private Connection reader;
    private JetStreamManagement jsm;
    @TempDir
    Path temp;

    @BeforeAll
    void startServers() throws Exception {
        mysql = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
        mariadb = DatabaseServer.builder(DatabaseServer.Flavor.MARIADB_11_4).start();
        nats = NatsServer.builder().start();
        reader = Nats.connect(nats.url());
        jsm = reader.jetStreamManagement();
    }

    /** A test that failed during an outage must not leave the broker down for the next ones. */
    @AfterEach
    void brokerBack() {
        if (nats != null && !nats.isRunning()) {
            nats.start();
        }
    }

    @AfterAll
    void stopServers() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (nats != null) {
            nats.close();
        }
        if (mysql != null) {
            mysql.close();
        }
        if (mariadb != null) {
            mariadb.close();
        }
    }

    /** Each test has its own stream and prefix ({@code stream} in lower case): streams may not overlap. */
    private SluiceConfig config(String db, String stream) {
        return config(mysql, db, stream);
    }

    private SluiceConfig config(DatabaseServer server, String db, String stream) {
        Config nats = ConfigFactory.parseString("servers = [\"" + this.nats.url() + "\"]\n"
                        + "subject-prefix = " + stream.toLowerCase() + "\nstream.name = " + stream)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.nats"));
        return new SluiceConfig(TestConfigs.source(server), TestConfigs.database(db), new SinkSelection("nats", nats),
                new CheckpointConfig("file", ConfigFactory.parseMap(Map.of("path",
                        temp.resolve(db + ".checkpoint.json").toString())), Duration.ofMillis(200), 1000),
                new PipelineConfig(1024, 16L << 20, Duration.ofSeconds(10)), ValueEncoding.DEFAULT);
    }

    private List<MessageInfo> awaitMessages(String stream, int count) throws Exception {
        waitFor(Duration.ofSeconds(30), () -> {
            try {
                return jsm.getStreamInfo(stream).getStreamState().getMsgCount() >= count;
            } catch (Exception e) {
                return false;
            }
        });
        Thread.sleep(300); // nothing more may arrive
        long stored = jsm.getStreamInfo(stream).getStreamState().getMsgCount();
        List<MessageInfo> messages = new ArrayList<>();
        for (long seq = 1; seq <= stored; seq++) {
            messages.add(jsm.getMessage(stream, seq));
        }
        return messages;
    }

    private static JsonNode payload(MessageInfo message) throws Exception {
        return JSON.readTree(message.getData());
    }

    @Test
    void changesAndSchemaChangesFromMySqlArriveAsSubjectsHeadersAndPayloads() throws Exception {
        changesAndSchemaChangesArriveAsSubjectsHeadersAndPayloads(mysql, "nats_shop", "SHOP");
    }

    @Test
    void changesAndSchemaChangesFromMariaDbArriveAsSubjectsHeadersAndPayloads() throws Exception {
        changesAndSchemaChangesArriveAsSubjectsHeadersAndPayloads(mariadb, "nats_shopm", "SHOPM");
    }

    private void changesAndSchemaChangesArriveAsSubjectsHeadersAndPayloads(DatabaseServer server, String db,
                                                                          String stream) throws Exception {
        String subject = stream.toLowerCase() + "." + db + ".";
        server.execute("CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".orders (id INT PRIMARY KEY, item VARCHAR(40), qty INT)",
                "CREATE TABLE " + db + ".audit (note VARCHAR(40))");
        try (RunningDaemon daemon = RunningDaemon.start(config(server, db, stream))) {
            server.execute(
                    "INSERT INTO " + db + ".orders VALUES (1, 'tea', 2)",
                    "INSERT INTO " + db + ".orders VALUES (2, 'café', 1)",
                    "UPDATE " + db + ".orders SET qty = 3 WHERE id = 1",
                    "DELETE FROM " + db + ".orders WHERE id = 2",
                    "ALTER TABLE " + db + ".orders ADD COLUMN note VARCHAR(20) DEFAULT 'none'",
                    "INSERT INTO " + db + ".orders VALUES (3, 'jam', 5, 'gift')",
                    "INSERT INTO " + db + ".audit VALUES ('keyless')");
            List<MessageInfo> messages = awaitMessages(stream, 6);
            assertEquals(6, messages.size());

            assertEquals(List.of(subject + "orders", subject + "orders", subject + "orders",
                    subject + "orders", subject + "orders", subject + "audit"),
                    messages.stream().map(MessageInfo::getSubject).toList());
            assertEquals(List.of("c", "c", "u", "d", "c", "c"),
                    messages.stream().map(m -> m.getHeaders().getFirst("Sluice-Op")).toList());
            assertEquals(List.of("{\"id\":1}", "{\"id\":2}", "{\"id\":1}", "{\"id\":2}", "{\"id\":3}"),
                    messages.subList(0, 5).stream().map(m -> m.getHeaders().getFirst("Sluice-Key")).toList());
            assertEquals(null, messages.get(5).getHeaders().get("Sluice-Key"), "a keyless table has no key header");

            Set<String> ids = new HashSet<>();
            for (MessageInfo message : messages) {
                String id = message.getHeaders().getFirst("Sluice-Id");
                assertEquals(id, message.getHeaders().getFirst("Nats-Msg-Id"));
                ids.add(id);
                assertEquals(message.getHeaders().getFirst("Sluice-Op"), payload(message).get("op").asText());
            }
            assertEquals(6, ids.size(), "event ids are unique");

            assertEquals("café", payload(messages.get(1)).at("/after/item").asText());
            assertEquals(2, payload(messages.get(0)).at("/after/qty").asInt());
            assertEquals(3, payload(messages.get(2)).at("/after/qty").asInt());
            assertEquals(2, payload(messages.get(2)).at("/before/qty").asInt());
            assertTrue(payload(messages.get(3)).get("after").isNull());
            assertEquals("café", payload(messages.get(3)).at("/before/item").asText());
            JsonNode afterDdl = payload(messages.get(4));
            assertEquals("gift", afterDdl.at("/after/note").asText(), "the column added mid-stream is decoded");
            assertEquals(db, afterDdl.at("/source/db").asText());
            assertEquals("orders", afterDdl.at("/source/table").asText());
            assertTrue(payload(messages.get(0)).at("/after/note").isMissingNode(),
                    "events before the DDL keep the schema of their time");
            daemon.stop();
        }
    }

    @Test
    void restartAfterCheckpointPublishesNothingTwice() throws Exception {
        String db = "nats_restart";
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        SluiceConfig config = config(db, "RESTART");
        try (RunningDaemon daemon = RunningDaemon.start(config)) {
            mysql.execute("INSERT INTO " + db + ".t VALUES (1)", "INSERT INTO " + db + ".t VALUES (2)");
            awaitMessages("RESTART", 2);
            daemon.stop();
        }
        try (RunningDaemon daemon = RunningDaemon.start(config)) {
            mysql.execute("INSERT INTO " + db + ".t VALUES (3)");
            List<MessageInfo> messages = awaitMessages("RESTART", 3);
            assertEquals(List.of("{\"id\":1}", "{\"id\":2}", "{\"id\":3}"),
                    messages.stream().map(m -> m.getHeaders().getFirst("Sluice-Key")).toList());
            daemon.stop();
        }
    }

    /**
     * nats-server is stopped for 30 s while rows go on being written, then started again on the same
     * port with the same store directory. The daemon waits without failing; its checkpoint does not
     * move while nothing can be acknowledged; the stream's file storage keeps what was stored before;
     * once the server is back every change is in the stream, once and in order per key, and the
     * checkpoint moves on. Every event the checkpoint covered during the outage had been stored before
     * it, as the stream's timestamps show.
     */
    @Test
    @Timeout(300)
    void streamingResumesByItselfAfterTheServerIsAwayFor30Seconds() throws Exception {
        String db = "nats_outage";
        mysql.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v INT NOT NULL)");
        Path checkpoint = temp.resolve(db + ".checkpoint.json");
        try (RunningDaemon daemon = RunningDaemon.start(config(db, "OUTAGE"));
             ContinuousWorkload workload = ContinuousWorkload.start(mysql, db + ".t")) {
            awaitMessages("OUTAGE", 200);
            BrokerOutage.Result outage = BrokerOutage.run(daemon, workload, checkpoint, OUTAGE, nats::stop, nats::start,
                    "server");
            List<BrokerOutage.Stored> delivered = new ArrayList<>();
            for (MessageInfo m : awaitMessages("OUTAGE", Math.toIntExact(outage.written()))) {
                delivered.add(new BrokerOutage.Stored(m.getHeaders().getFirst("Sluice-Id"), payload(m),
                        m.getTime().toInstant()));
            }
            int coveredEvents = BrokerOutage.verify(outage, delivered, workload, checkpoint, "stream");
            long written = outage.written();
            long writtenBeforeOutage = outage.writtenBefore();
            System.out.println("NatsSinkIT outage: " + written + " changes, " + (written - writtenBeforeOutage)
                    + " of them written during or after the 30 s outage; " + coveredEvents + " covered by the checkpoint"
                    + " kept during the outage, all stored before it");
        }
    }

    @Test
    void natsSettingsPassTheCoreValidatorAndTyposAreCaught() {
        String base = "sluice { source { host = localhost, user = u }\n sink { type = nats\n nats { servers = [\""
                + nats.url() + "\"], stream { name = S, duplicate-window = 5m } %s } } }";
        Config reference = ConfigFactory.defaultReference();
        SluiceConfig ok = SluiceConfig.from(ConfigFactory.parseString(String.format(base, "")).withFallback(reference)
                .resolve());
        assertEquals("nats", ok.sink().type());
        assertEquals("5m", ok.sink().settings().getString("stream.duplicate-window"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> SluiceConfig.from(
                ConfigFactory.parseString(String.format(base, ", subject-prefx = x")).withFallback(reference).resolve()));
        assertTrue(e.getMessage().contains("sluice.sink.nats.subject-prefix"), e.getMessage());
    }
}
