package io.sluice.connector;

import io.sluice.connector.binlog.SourceServer;
import io.sluice.connector.cli.Main;
import io.sluice.connector.config.ConfigLoader;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.testing.KafkaTopicReader;
import io.sluice.connector.testing.KafkaTopicReader.Message;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.SluiceCommand;
import io.sluice.servers.DatabaseServer;
import io.sluice.servers.KafkaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sluice.connector.testing.RunningDaemon.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sluice position} and {@code position set} with Kafka exactly-once delivery, where the checkpoint
 * is committed in the sink's transactions: reading does not fence the running daemon, and writing goes
 * through the sink's transactional id like the daemon's own commits, so a restart streams from the new
 * position and a daemon still running is fenced rather than left to overwrite it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class PositionCommandKafkaIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DB = "eos_position";
    private static final String TOPIC = "pos." + DB + ".t";

    private KafkaServer kafka;
    private DatabaseServer mysql;
    @TempDir
    Path temp;
    private final SluiceCommand sluice = new SluiceCommand();

    @BeforeAll
    void startServers() {
        kafka = KafkaServer.builder().start();
        mysql = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
    }

    @AfterAll
    void stopServers() throws Exception {
        if (mysql != null) {
            mysql.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theCommandsReadWithoutFencingAndWriteThroughTheSinksTransactions() throws Exception {
        mysql.execute("CREATE DATABASE " + DB, "CREATE TABLE " + DB + ".t (id INT PRIMARY KEY)");
        Path conf = configFile();
        SluiceConfig config = new ConfigLoader(Map.of()).load(conf, List.of());
        BinlogPosition chosen;
        try (RunningDaemon daemon = RunningDaemon.start(config)) {
            insert(1);
            chosen = binlogEnd();
            insert(2, 3);
            committed(3);
            long end = binlogEnd().offset();
            waitFor(WAIT, () -> sluice.run("position", "-c", conf.toString()) == Main.OK
                    && sluice.out().contains("  offset        " + end + "\n"));
            assertTrue(sluice.out().startsWith("Checkpoint in kafka topic pos-checkpoints key " + DB), sluice.out());
            insert(4);
            committed(4);
            assertEquals(Daemon.State.RUNNING, daemon.daemon().state(), "reading did not fence the daemon");
            daemon.stop();
        }

        assertEquals(Main.OK, sluice.run("position", "set", "-c", conf.toString(), "--file", chosen.file(), "--pos",
                Long.toString(chosen.offset())), sluice.toString());
        assertTrue(sluice.out().contains("  to    " + chosen.file() + ":" + chosen.offset() + "\n"), sluice.out());
        assertEquals(Main.OK, sluice.run("position", "-c", conf.toString()), sluice.err());
        assertTrue(sluice.out().contains("  offset        " + chosen.offset() + "\n"), sluice.out());

        try (RunningDaemon daemon = RunningDaemon.start(config)) {
            insert(5);
            assertEquals(List.of(1, 2, 3, 4, 2, 3, 4, 5), ids(committed(8)),
                    "the restart streams everything after the position set, and nothing before it");

            assertEquals(Main.OK, sluice.run("position", "set", "-c", conf.toString(), "--file", chosen.file(), "--pos",
                    Long.toString(chosen.offset())), sluice.toString());
            insert(6);
            Throwable failure = daemon.awaitFailure(WAIT);
            assertNotNull(failure, "a daemon still running is fenced instead of overwriting the new position");
            assertTrue(messages(failure).contains("Kafka fenced transactional id sluice-" + DB), messages(failure));
        }
        assertEquals(Main.OK, sluice.run("position", "-c", conf.toString()), sluice.err());
        assertTrue(sluice.out().contains("  offset        " + chosen.offset() + "\n"), sluice.out());
    }

    private Path configFile() throws Exception {
        String servers = "\"" + kafka.bootstrapServers() + "\"";
        return Files.writeString(temp.resolve("eos.conf"), "sluice {\n"
                + "  source { host = \"" + mysql.host() + "\", port = " + mysql.port() + ", user = \"" + mysql.user()
                + "\", password = \"" + mysql.password() + "\", server-id = 6390, connect-timeout = 5s }\n"
                + "  filter.include-databases = [" + DB + "]\n"
                + "  snapshot.mode = never\n"
                + "  http.enabled = false\n"
                + "  sink { type = kafka, kafka { delivery = exactly-once, topic-prefix = pos,"
                + " create-topics { enabled = true, partitions = 1 },"
                + " producer { bootstrap.servers = " + servers + " } } }\n"
                + "  checkpoint { store = kafka, interval = 200ms, kafka { topic = pos-checkpoints, key = " + DB + ","
                + " producer { bootstrap.servers = " + servers + " } } }\n"
                + "}\n");
    }

    private void insert(int... ids) {
        for (int id : ids) {
            mysql.execute("INSERT INTO " + DB + ".t VALUES (" + id + ")");
        }
    }

    private List<Message> committed(int count) throws Exception {
        List<Message> seen = KafkaTopicReader.committed(kafka.bootstrapServers()).atLeast(TOPIC, count, WAIT);
        assertTrue(seen.size() >= count, "only " + seen.size() + " of " + count + " records committed");
        return KafkaTopicReader.committed(kafka.bootstrapServers()).all(TOPIC, WAIT);
    }

    private static List<Integer> ids(List<Message> messages) {
        return messages.stream().map(m -> Integer.parseInt(m.key().replaceAll("\\D", ""))).toList();
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString();
    }

    private BinlogPosition binlogEnd() throws Exception {
        try (Connection connection = mysql.connect()) {
            return SourceServer.binlogEnd(connection);
        }
    }
}
