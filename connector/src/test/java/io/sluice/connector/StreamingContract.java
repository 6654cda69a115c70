package io.sluice.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connector.config.FilterConfig;
import io.sluice.connector.config.StartPosition;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.CheckpointCodec;
import io.sluice.connector.testing.GoldenFiles;
import io.sluice.connector.testing.MemorySink;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.event.ChangeEvent;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.sluice.connector.testing.RunningDaemon.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What streaming must do on every supported server: the same tests run against each flavor through
 * a subclass. One server per class; every test works in a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
abstract class StreamingContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(30);

    protected DatabaseServer server;
    @TempDir
    Path temp;
    private String db;

    protected abstract DatabaseServer startServer() throws Exception;

    /** {@code mysql} or {@code mariadb}: which golden files apply. */
    protected abstract String goldenFlavor();

    /** The server's major.minor version, for golden files that differ between versions of one flavor. */
    protected abstract String goldenVersion();

    @BeforeAll
    void startDatabase() throws Exception {
        server = startServer();
    }

    @AfterAll
    void stopDatabase() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private String freshDatabase(TestInfo info) throws Exception {
        db = "t" + SEQUENCE.incrementAndGet() + "_" + info.getTestMethod().orElseThrow().getName().toLowerCase();
        db = db.length() > 60 ? db.substring(0, 60) : db;
        server.execute("CREATE DATABASE " + db);
        return db;
    }

    private String sinkName() {
        return getClass().getSimpleName() + "-" + db;
    }

    private RunningDaemon daemon(FilterConfig filter) throws Exception {
        return RunningDaemon.start(TestConfigs.memory(server, sinkName(), checkpointFile(), filter));
    }

    /** Each test database has its own checkpoint, so no test starts where another stopped. */
    private Path checkpointFile() {
        return temp.resolve(db + ".checkpoint.json");
    }

    private List<ChangeEvent> awaitEvents(int count) throws InterruptedException {
        MemorySink sink = MemorySink.named(sinkName());
        waitFor(WAIT, () -> sink.size() >= count);
        return sink.events();
    }

    private static JsonNode value(ChangeEvent event) throws Exception {
        return JSON.readTree(event.value());
    }

    private static JsonNode key(ChangeEvent event) throws Exception {
        return event.key() == null ? null : JSON.readTree(event.key());
    }

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws Exception {
        return GoldenFiles.scripts(goldenFlavor()).stream().map(script -> DynamicTest.dynamicTest(
                script.getFileName().toString(), () -> runGolden(script)));
    }

    private void runGolden(Path script) throws Exception {
        String name = script.getFileName().toString().replaceFirst("\\.sql$", "").replace('-', '_');
        db = "g" + SEQUENCE.incrementAndGet() + "_" + name;
        server.execute("CREATE DATABASE " + db);
        Path expectedFile = GoldenFiles.expected(script, goldenFlavor(), goldenVersion());
        List<String> expected = Files.exists(expectedFile) ? Files.readAllLines(expectedFile) : List.of();
        if (!GoldenFiles.updating() && expected.isEmpty()) {
            throw new AssertionError("no expected events in " + expectedFile + "; write them with -Dgolden.update=true"
                    + " and check them by eye");
        }
        try (RunningDaemon ignored = daemon(TestConfigs.database(db));
             Connection connection = server.connect(db); Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
            for (String sql : GoldenFiles.statements(script)) {
                statement.execute(sql);
            }
            MemorySink sink = MemorySink.named(sinkName());
            waitFor(WAIT, () -> GoldenFiles.updating() || sink.size() >= expected.size());
            Thread.sleep(GoldenFiles.updating() ? 1500 : 300);
            List<String> actual = sink.events().stream().map(GoldenFiles::compact).toList();
            if (GoldenFiles.updating()) {
                Files.write(expectedFile, actual);
            } else {
                assertEquals(String.join("\n", expected), String.join("\n", actual), "events of " + script);
            }
        }
    }

    @Test
    void insertUpdateDeleteBecomeOrderedKeyedEvents(TestInfo info) throws Exception {
        String db = freshDatabase(info);
        server.execute("CREATE TABLE " + db + ".customers (id INT PRIMARY KEY, name VARCHAR(40), score BIGINT UNSIGNED)");
        try (RunningDaemon ignored = daemon(TestConfigs.database(db))) {
            server.execute(
                    "INSERT INTO " + db + ".customers VALUES (1, 'Ada', 18446744073709551615)",
                    "INSERT INTO " + db + ".customers VALUES (2, 'Grace', 7)",
                    "UPDATE " + db + ".customers SET name = 'Ada L.' WHERE id = 1",
                    "DELETE FROM " + db + ".customers WHERE id = 2");
            List<ChangeEvent> events = awaitEvents(4);
            assertEquals(4, events.size());
            assertEquals(List.of("c", "c", "u", "d"), events.stream().map(e -> e.operation().code()).toList());

            JsonNode insert = value(events.get(0));
            assertEquals("{\"id\":1}", new String(events.get(0).key()));
            assertTrue(insert.get("before").isNull());
            assertEquals("Ada", insert.at("/after/name").asText());
            assertEquals("18446744073709551615", insert.at("/after/score").asText());
            assertEquals(db, insert.at("/source/db").asText());
            assertEquals("customers", insert.at("/source/table").asText());
            assertEquals("c", insert.get("op").asText());

            JsonNode update = value(events.get(2));
            assertEquals("Ada", update.at("/before/name").asText());
            assertEquals("Ada L.", update.at("/after/name").asText());

            JsonNode delete = value(events.get(3));
            assertEquals("{\"id\":2}", new String(events.get(3).key()));
            assertEquals("Grace", delete.at("/before/name").asText());
            assertTrue(delete.get("after").isNull());

            Set<String> ids = new HashSet<>();
            events.forEach(e -> ids.add(e.id()));
            assertEquals(4, ids.size(), "event ids are unique");
        }
    }

    @Test
    void transactionKeepsOrderAndIdentity(TestInfo info) throws Exception {
        String db = freshDatabase(info);
        server.execute("CREATE TABLE " + db + ".a (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE " + db + ".b (id INT PRIMARY KEY, v INT)");
        try (RunningDaemon ignored = daemon(TestConfigs.database(db))) {
            server.execute("BEGIN",
                    "INSERT INTO " + db + ".a VALUES (1, 1)",
                    "INSERT INTO " + db + ".b VALUES (1, 1)",
                    "UPDATE " + db + ".a SET v = 2 WHERE id = 1",
                    "COMMIT");
            List<ChangeEvent> events = awaitEvents(3);
            assertEquals(List.of("a", "b", "a"), events.stream().map(ChangeEvent::table).toList());
            String transaction = events.get(0).transactionId();
            assertNotNull(transaction);
            for (int i = 0; i < 3; i++) {
                assertEquals(transaction, events.get(i).transactionId());
                assertEquals(i + 1, value(events.get(i)).at("/transaction/total_order").asInt());
            }
        }
    }

    @Test
    void startsAfterAGtidSet(TestInfo info) throws Exception {
        String db = freshDatabase(info);
        server.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)", "INSERT INTO " + db + ".t VALUES (0)");
        String executed;
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery(server.flavor().isMariaDb()
                     ? "SELECT @@global.gtid_binlog_pos" : "SELECT @@global.gtid_executed")) {
            rs.next();
            executed = rs.getString(1).replace("\n", "");
        }
        server.execute("INSERT INTO " + db + ".t VALUES (1)"); // after the set: must arrive
        StartPosition start = new StartPosition(StartPosition.Kind.GTID, null, 0, executed);
        try (RunningDaemon ignored = RunningDaemon.start(TestConfigs.memory(server, start, sinkName(), -1,
                checkpointFile(), TestConfigs.database(db)))) {
            server.execute("INSERT INTO " + db + ".t VALUES (2)");
            List<ChangeEvent> events = awaitEvents(2);
            Thread.sleep(300);
            events = MemorySink.named(sinkName()).events();
            assertEquals(List.of("{\"id\":1}", "{\"id\":2}"), events.stream().map(e -> new String(e.key())).toList());
            assertNotNull(value(events.get(0)).at("/source/gtid").textValue(), "GTIDs are reported");
        }
    }

    @Test
    void savepointsStayInsideTheirTransaction(TestInfo info) throws Exception {
        String db = freshDatabase(info);
        server.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        try (RunningDaemon ignored = daemon(TestConfigs.database(db))) {
            server.execute("BEGIN",
                    "INSERT INTO " + db + ".t VALUES (1)",
                    "SAVEPOINT s1",
                    "INSERT INTO " + db + ".t VALUES (2)",
                    "ROLLBACK TO SAVEPOINT s1",
                    "INSERT INTO " + db + ".t VALUES (3)",
                    "COMMIT",
                    "INSERT INTO " + db + ".t VALUES (4)");
            List<ChangeEvent> events = awaitEvents(3);
            Thread.sleep(300);
            events = MemorySink.named(sinkName()).events();
            assertEquals(List.of("{\"id\":1}", "{\"id\":3}", "{\"id\":4}"),
                    events.stream().map(e -> new String(e.key())).toList(), "the rolled-back row never appears");
            assertEquals(events.get(0).transactionId(), events.get(1).transactionId(),
                    "a savepoint does not end the transaction");
            assertEquals(2, value(events.get(1)).at("/transaction/total_order").asInt());
            assertTrue(!events.get(2).transactionId().equals(events.get(0).transactionId()));
        }
    }

    @Test
    void schemaChangesMidStreamDecodeWithTheSchemaOfTheirTime(TestInfo info) throws Exception {
        String db = freshDatabase(info);
        server.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, a VARCHAR(10))");
        try (RunningDaemon ignored = daemon(TestConfigs.database(db))) {
            server.execute(
                    "INSERT INTO " + db + ".t VALUES (1, 'one')",
                    "ALTER TABLE " + db + ".t ADD COLUMN b INT",
                    "INSERT INTO " + db + ".t VALUES (2, 'two', 2)",
                    "ALTER TABLE " + db + ".t RENAME COLUMN a TO label",
                    "INSERT INTO " + db + ".t VALUES (3, 'three', 3)",
                    "ALTER TABLE " + db + ".t MODIFY COLUMN b BIGINT UNSIGNED",
                    "INSERT INTO " + db + ".t VALUES (4, 'four', 18446744073709551614)",
                    "ALTER TABLE " + db + ".t DROP COLUMN label",
                    "INSERT INTO " + db + ".t VALUES (5, 5)");
            List<ChangeEvent> events = awaitEvents(5);
            assertEquals("{\"id\":1,\"a\":\"one\"}", value(events.get(0)).get("after").toString());
            assertEquals("{\"id\":2,\"a\":\"two\",\"b\":2}", value(events.get(1)).get("after").toString());
            assertEquals("{\"id\":3,\"label\":\"three\",\"b\":3}", value(events.get(2)).get("after").toString());
            assertEquals("{\"id\":4,\"label\":\"four\",\"b\":18446744073709551614}",
                    value(events.get(3)).get("after").toString());
            assertEquals("{\"id\":5,\"b\":5}", value(events.get(4)).get("after").toString());
        }
    }

    @Test
    void filtersSelectTablesAndDropColumns(TestInfo info) throws Exception {
        String db = freshDatabase(info);
        server.execute("CREATE TABLE " + db + ".kept (id INT PRIMARY KEY, secret VARCHAR(10), v INT)",
                "CREATE TABLE " + db + ".skipped (id INT PRIMARY KEY)");
        String quoted = java.util.regex.Pattern.quote(db);
        FilterConfig filter = new FilterConfig(List.of(), List.of(), List.of(quoted + "\\.kept"), List.of(),
                List.of(quoted + "\\.kept\\.secret"));
        try (RunningDaemon ignored = daemon(filter)) {
            server.execute("INSERT INTO " + db + ".skipped VALUES (1)",
                    "INSERT INTO " + db + ".kept VALUES (1, 'hush', 10)",
                    "INSERT INTO " + db + ".skipped VALUES (2)",
                    "INSERT INTO " + db + ".kept VALUES (2, 'hush', 20)");
            List<ChangeEvent> events = awaitEvents(2);
            Thread.sleep(300);
            events = MemorySink.named(sinkName()).events();
            assertEquals(2, events.size(), "only the kept table's rows arrive");
            assertEquals("{\"id\":1,\"v\":10}", value(events.get(0)).get("after").toString());
        }
    }

    @Test
    void tableWithoutPrimaryKeyHasNullKey(TestInfo info) throws Exception {
        String db = freshDatabase(info);
        server.execute("CREATE TABLE " + db + ".log (msg VARCHAR(20))");
        try (RunningDaemon ignored = daemon(TestConfigs.database(db))) {
            server.execute("INSERT INTO " + db + ".log VALUES ('hello')", "DELETE FROM " + db + ".log");
            List<ChangeEvent> events = awaitEvents(2);
            assertNull(key(events.get(0)));
            assertEquals("hello", value(events.get(1)).at("/before/msg").asText());
        }
    }

    @Test
    void resumesInsideATransactionExactlyWhereTheCheckpointStands(TestInfo info) throws Exception {
        String db = freshDatabase(info);
        server.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        Path checkpoint = checkpointFile();
        String first = sinkName() + "-first";
        RunningDaemon failing = RunningDaemon.start(TestConfigs.memory(server, first, 700, checkpoint,
                TestConfigs.database(db)));
        StringBuilder insert = new StringBuilder("INSERT INTO " + db + ".t VALUES (1)");
        // 5,000 rows fill the reader's queue (1,024 rows) after the refusal: stopping must not hang.
        for (int i = 2; i <= 5000; i++) {
            insert.append(",(").append(i).append(')');
        }
        server.execute(insert.toString()); // one transaction, several rows events
        Throwable failure = failing.awaitFailure(WAIT);
        assertNotNull(failure, "the daemon stops when the sink refuses an event");
        assertTrue(failure.getMessage().contains("on purpose"), failure.getMessage());
        List<ChangeEvent> before = MemorySink.named(first).events();
        assertEquals(699, before.size());
        BinlogPosition saved = CheckpointCodec.decode(Files.readString(checkpoint)).binlog();
        assertEquals(699, saved.rowsToSkip(), "the checkpoint covers exactly the acknowledged rows");

        try (RunningDaemon ignored = daemon(TestConfigs.database(db))) {
            List<ChangeEvent> after = awaitEvents(4301);
            Thread.sleep(300);
            after = MemorySink.named(sinkName()).events();
            assertEquals(4301, after.size(), "no row is repeated and none is missing");
            assertEquals("{\"id\":700}", new String(after.get(0).key()));
            assertEquals("{\"id\":5000}", new String(after.get(4300).key()));
            assertEquals(before.get(0).transactionId(), after.get(0).transactionId());
        }
    }

    @Test
    void gracefulStopAndRestartLosesAndRepeatsNothing(TestInfo info) throws Exception {
        String db = freshDatabase(info);
        server.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        RunningDaemon running = daemon(TestConfigs.database(db));
        server.execute("INSERT INTO " + db + ".t VALUES (1)", "INSERT INTO " + db + ".t VALUES (2)");
        awaitEvents(2);
        running.stop();
        server.execute("INSERT INTO " + db + ".t VALUES (3)", "INSERT INTO " + db + ".t VALUES (4)");
        try (RunningDaemon ignored = daemon(TestConfigs.database(db))) {
            List<ChangeEvent> events = awaitEvents(2);
            Thread.sleep(300);
            events = MemorySink.named(sinkName()).events();
            assertEquals(List.of("{\"id\":3}", "{\"id\":4}"), events.stream().map(e -> new String(e.key())).toList());
        }
    }

    @Test
    void purgedPositionStopsWithAClearError(TestInfo info) throws Exception {
        String db = freshDatabase(info);
        server.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        RunningDaemon running = daemon(TestConfigs.database(db));
        server.execute("INSERT INTO " + db + ".t VALUES (1)");
        awaitEvents(1);
        running.stop();
        server.execute("INSERT INTO " + db + ".t VALUES (2)", "FLUSH BINARY LOGS", "FLUSH BINARY LOGS");
        String newest;
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("SHOW BINARY LOGS")) {
            String last = null;
            while (rs.next()) {
                last = rs.getString(1);
            }
            newest = last;
        }
        purgeUntilOnly(newest);
        Throwable failure;
        RunningDaemon restarted = null;
        try {
            restarted = daemon(TestConfigs.database(db));
            failure = restarted.awaitFailure(WAIT);
        } catch (Exception failedAtStart) {
            failure = failedAtStart; // the server may refuse before the daemon reports that it runs
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
        assertNotNull(failure, "the daemon must stop, not skip the lost changes");
        assertTrue(failure.getMessage().contains("purged"), failure.getMessage());
        assertTrue(failure.getMessage().contains("checkpoint"), "says what to do: " + failure.getMessage());
    }

    /**
     * A server keeps a binlog file that a replica's dump thread still reads; the stopped daemon's
     * thread may linger a moment, so purge until the server has let go.
     */
    private void purgeUntilOnly(String newest) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            server.execute("PURGE BINARY LOGS TO '" + newest + "'");
            try (Connection connection = server.connect(); Statement statement = connection.createStatement();
                 java.sql.ResultSet rs = statement.executeQuery("SHOW BINARY LOGS")) {
                rs.next();
                if (rs.getString(1).equals(newest)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server kept binlogs older than " + newest);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void reconnectsAfterServerRestartWithoutGap(TestInfo info) throws Exception {
        String db = freshDatabase(info);
        server.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        try (RunningDaemon ignored = daemon(TestConfigs.database(db))) {
            server.execute("INSERT INTO " + db + ".t VALUES (1)");
            awaitEvents(1);
            server.stop();
            server.start();
            server.execute("INSERT INTO " + db + ".t VALUES (2)", "INSERT INTO " + db + ".t VALUES (3)");
            List<ChangeEvent> events = awaitEvents(3);
            Thread.sleep(300);
            events = MemorySink.named(sinkName()).events();
            assertEquals(List.of("{\"id\":1}", "{\"id\":2}", "{\"id\":3}"),
                    events.stream().map(e -> new String(e.key())).toList());
        }
    }
}
