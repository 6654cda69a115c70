package io.sluice.connector;

import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.config.SnapshotConfig;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.CheckpointCodec;
import io.sluice.connector.testing.GoldenFiles;
import io.sluice.connector.testing.MemorySink;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.SnapshotTables;
import io.sluice.connector.testing.TableReplay;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.event.ChangeEvent;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.sluice.connector.testing.RunningDaemon.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshots against a real server: the events of snapshot and stream together rebuild every table exactly
 * (compared with a final SELECT) while writes hit the same keys during the snapshot; a purged position
 * with when-needed snapshots again; a signal snapshots one table, with a condition, while others stream.
 * The SIGKILL resume test is {@link SnapshotCrashIT}. One server per class, one database per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
abstract class SnapshotContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Duration WAIT = Duration.ofMinutes(3);
    static final int BIG_ROWS = 500_000;

    private DatabaseServer server;
    @TempDir
    Path temp;

    protected abstract DatabaseServer startServer();

    /** {@code mysql} or {@code mariadb}: which golden scripts apply. */
    protected abstract String goldenFlavor();

    @BeforeAll
    void startDatabase() {
        server = startServer();
    }

    @AfterAll
    void stopDatabase() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void snapshotUnderConcurrentWritesRebuildsEveryTable() throws Exception {
        String prefix = "snap" + SEQUENCE.incrementAndGet() + "_";
        String db = prefix + "load";
        List<String> tables = new ArrayList<>();
        server.execute("CREATE DATABASE " + db);
        createBig(db, BIG_ROWS);
        tables.add(db + ".big");
        for (Path script : GoldenFiles.scripts(goldenFlavor())) {
            String scriptDb = prefix + script.getFileName().toString().replaceFirst("\\.sql$", "").replace('-', '_');
            server.execute("CREATE DATABASE " + scriptDb);
            try (Connection connection = server.connect(scriptDb); Statement statement = connection.createStatement()) {
                for (String sql : GoldenFiles.statements(script)) {
                    statement.execute(sql);
                }
            }
            tables.addAll(tablesOf(scriptDb));
        }
        server.execute("CREATE TABLE " + db + ".marker (id INT PRIMARY KEY)");
        tables.add(db + ".marker");

        Path checkpoint = temp.resolve("load.json");
        String sinkName = "snapshot-load-" + db;
        SluiceConfig config = TestConfigs.withSnapshot(
                TestConfigs.memory(server, sinkName, checkpoint, TestConfigs.databasesStartingWith(prefix)),
                new SnapshotConfig(SnapshotConfig.Mode.INITIAL, 5000, 2, null));
        SnapshotTables.Workload workload = new SnapshotTables.Workload(server, db, BIG_ROWS, 42);
        try (RunningDaemon daemon = RunningDaemon.start(config)) {
            CompletableFuture<Void> writes = CompletableFuture.runAsync(workload);
            waitFor(WAIT, () -> snapshotDone(checkpoint) || writes.isDone());
            workload.stop();
            writes.join();
            server.execute("INSERT INTO " + db + ".marker VALUES (1)");
            MemorySink sink = MemorySink.named(sinkName);
            waitFor(WAIT, () -> sink.events().stream().anyMatch(e -> e.table().equals("marker") && e.operation().code().equals("c")));
            daemon.stop();
        }
        TableReplay replay = new TableReplay(server, tables);
        for (ChangeEvent event : MemorySink.named(sinkName).events()) {
            replay.apply(event.database() + "." + event.table(), event.value());
        }
        System.out.println(getClass().getSimpleName() + ": " + workload.changes() + " concurrent changes during the"
                + " snapshot; " + replay.reads(db + ".big") + " snapshot rows of big");
        assertTrue(workload.changes() > 1000, "the workload ran during the snapshot: " + workload.changes());
        assertTrue(replay.reads(db + ".big") > BIG_ROWS / 2, "big was snapshotted: " + replay.reads(db + ".big"));
        replay.assertEqualsTables(server);
    }

    @Test
    void purgedPositionWithWhenNeededSnapshotsAgain() throws Exception {
        String db = "snap" + SEQUENCE.incrementAndGet() + "_purge";
        server.execute("CREATE DATABASE " + db);
        createBig(db, 20_000);
        server.execute("CREATE TABLE " + db + ".marker (id INT PRIMARY KEY)");
        Path checkpoint = temp.resolve("purge.json");
        String firstSink = "purge-1-" + db;
        SnapshotConfig whenNeeded = new SnapshotConfig(SnapshotConfig.Mode.WHEN_NEEDED, 3000, 1, null);
        try (RunningDaemon daemon = RunningDaemon.start(TestConfigs.withSnapshot(
                TestConfigs.memory(server, firstSink, checkpoint, TestConfigs.database(db)), whenNeeded))) {
            waitFor(WAIT, () -> snapshotDone(checkpoint));
            daemon.stop();
        }
        assertEquals(20_000, MemorySink.named(firstSink).events().stream().filter(e -> e.operation().code().equals("r")).count());
        // Stopped: changes, then the binlog holding the saved position is purged.
        server.execute("UPDATE " + db + ".big SET v = v + 100 WHERE id <= 500", "DELETE FROM " + db + ".big WHERE id > 19000",
                "INSERT INTO " + db + ".big (id, v, s, d, t) VALUES (30001, 1, 'new', 1.5, NOW(6))");
        String savedFile = CheckpointCodec.decode(Files.readString(checkpoint)).binlog().file();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            // MariaDB keeps a file until its binlog checkpoint moved past it: flush and purge until it is gone.
            waitFor(Duration.ofSeconds(30), () -> {
                try {
                    statement.execute("FLUSH BINARY LOGS");
                    statement.execute("PURGE BINARY LOGS TO '" + SourceStatus.currentFile(statement) + "'");
                    try (ResultSet logs = statement.executeQuery("SHOW BINARY LOGS")) {
                        while (logs.next()) {
                            if (logs.getString(1).equals(savedFile)) {
                                Thread.sleep(200);
                                return false;
                            }
                        }
                    }
                    return true;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        String secondSink = "purge-2-" + db;
        try (RunningDaemon daemon = RunningDaemon.start(TestConfigs.withSnapshot(
                TestConfigs.memory(server, secondSink, checkpoint, TestConfigs.database(db)), whenNeeded))) {
            MemorySink sink = MemorySink.named(secondSink);
            waitFor(WAIT, () -> sink.events().stream().filter(e -> e.operation().code().equals("r")).count() >= 19_001);
            server.execute("INSERT INTO " + db + ".marker VALUES (1)");
            waitFor(WAIT, () -> sink.events().stream().anyMatch(e -> e.table().equals("marker")));
            daemon.stop();
        }
        TableReplay replay = new TableReplay(server, List.of(db + ".big", db + ".marker"));
        for (ChangeEvent event : MemorySink.named(secondSink).events()) {
            replay.apply(event.database() + "." + event.table(), event.value());
        }
        assertEquals(19_001, replay.reads(db + ".big"), "the second run snapshotted the table as it is now");
        replay.assertEqualsTables(server);
    }

    @Test
    void signalSnapshotsOneTableWithAConditionWhileOthersStream() throws Exception {
        String db = "snap" + SEQUENCE.incrementAndGet() + "_signal";
        server.execute("CREATE DATABASE " + db);
        createBig(db, 10_000);
        server.execute("CREATE TABLE " + db + ".other (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE " + db + ".sluice_signal (id VARCHAR(42) PRIMARY KEY, type VARCHAR(32) NOT NULL, data TEXT)");
        Path checkpoint = temp.resolve("signal.json");
        String sinkName = "signal-" + db;
        SluiceConfig config = TestConfigs.withSnapshot(TestConfigs.memory(server, sinkName, checkpoint,
                TestConfigs.database(db)), new SnapshotConfig(SnapshotConfig.Mode.NEVER, 1000, 1, db + ".sluice_signal"));
        MemorySink sink;
        try (RunningDaemon daemon = RunningDaemon.start(config)) {
            sink = MemorySink.named(sinkName);
            server.execute("INSERT INTO " + db + ".other VALUES (1, 1)");
            waitFor(WAIT, () -> sink.size() == 1);
            assertTrue(sink.events().stream().noneMatch(e -> e.table().equals("big")), "mode never: no snapshot at start");
            server.execute("INSERT INTO " + db + ".sluice_signal VALUES ('s1', 'execute-snapshot',"
                    + " '{\"data-collections\": [\"" + db + ".big\"], \"additional-conditions\":"
                    + " [{\"data-collection\": \"" + db + ".big\", \"filter\": \"id <= 2500\"}]}')");
            for (int i = 2; i <= 50; i++) {
                server.execute("INSERT INTO " + db + ".other VALUES (" + i + ", " + i + ")");
            }
            waitFor(WAIT, () -> sink.events().stream().filter(e -> e.table().equals("big")).count() >= 2500
                    && sink.events().stream().filter(e -> e.table().equals("other")).count() >= 50);
            Thread.sleep(500);
            daemon.stop();
        }
        List<ChangeEvent> big = sink.events().stream().filter(e -> e.table().equals("big")).toList();
        assertEquals(2500, big.size(), "the rows meeting the signal's condition, once each");
        assertTrue(big.stream().allMatch(e -> e.operation().code().equals("r")));
        assertTrue(sink.events().stream().noneMatch(e -> e.table().equals("sluice_signal")), "signals are not published");
        assertEquals(50, sink.events().stream().filter(e -> e.table().equals("other")).count(), "streaming went on");
        assertEquals(null, CheckpointCodec.decode(Files.readString(checkpoint)).snapshot(), "the snapshot finished");
    }

    private void createBig(String db, int rows) {
        SnapshotTables.createBig(server, db, rows);
    }

    private List<String> tablesOf(String db) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                     + db + "' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(db + "." + rs.getString(1));
            }
        }
        return tables;
    }

    static boolean snapshotDone(Path checkpoint) {
        try {
            if (!Files.exists(checkpoint)) {
                return false;
            }
            Checkpoint saved = CheckpointCodec.decode(Files.readString(checkpoint));
            return saved.snapshot() == null;
        } catch (Exception e) {
            return false; // being replaced
        }
    }

    /** Reads the server's current binlog file. */
    static final class SourceStatus {
        static String currentFile(Statement statement) throws Exception {
            try (ResultSet rs = status(statement)) {
                rs.next();
                return rs.getString(1);
            }
        }

        private static ResultSet status(Statement statement) throws Exception {
            try {
                return statement.executeQuery("SHOW BINARY LOG STATUS");
            } catch (Exception e) {
                return statement.executeQuery("SHOW MASTER STATUS");
            }
        }
    }
}
