package io.sluice.connector;

import io.sluice.connector.binlog.SourceServer;
import io.sluice.connector.cli.Main;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.CheckpointCodec;
import io.sluice.connector.position.SnapshotProgress;
import io.sluice.connector.position.TableProgress;
import io.sluice.connector.testing.MemorySink;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.SluiceCommand;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.event.ChangeEvent;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

import static io.sluice.connector.testing.RunningDaemon.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code sluice position} and {@code sluice position set} must do on every server flavor, run in
 * process through {@link Main#execute} beside daemons of the test JVM: what they show, what they refuse,
 * and that a restart from a position set by hand emits exactly the changes after it. A subclass per
 * flavor starts the server and supplies GTID sets of its kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
abstract class PositionCommandContract {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    protected DatabaseServer server;
    @TempDir
    Path temp;
    protected final SluiceCommand sluice = new SluiceCommand();

    protected abstract DatabaseServer startServer();

    /** The server's GTID position now, in the form --gtid-set takes. */
    protected abstract String gtidPosition() throws Exception;

    /** A GTID set of the server's kind that goes beyond anything it executed. */
    protected abstract String gtidsBeyond() throws Exception;

    /** A GTID set of the server's kind naming only its first transaction. */
    protected abstract String firstGtid() throws Exception;

    /** A well-formed GTID set of the other flavor. */
    protected abstract String gtidsOfTheOtherKind();

    @BeforeAll
    void startDatabase() {
        server = startServer();
    }

    @AfterAll
    void stopDatabase() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void showsTheSavedPositionAndRefusesToMoveItWhileTheDaemonRuns() throws Exception {
        String db = table("shown");
        Path checkpoint = temp.resolve(db + ".json");
        Path conf = fileConfig(checkpoint);
        try (RunningDaemon daemon = RunningDaemon.start(TestConfigs.memory(server, db, checkpoint,
                TestConfigs.database(db)))) {
            insert(db, 1, 2, 3);
            BinlogPosition end = binlogEnd();
            waitFor(WAIT, () -> saved(checkpoint) != null && saved(checkpoint).binlog().offset() == end.offset());
            String document = Files.readString(checkpoint);
            BinlogPosition shown = CheckpointCodec.decode(document).binlog();

            assertEquals(Main.OK, sluice.run("position", "--config", conf.toString()), sluice.err());
            assertTrue(sluice.out().startsWith("Checkpoint in file " + checkpoint.toAbsolutePath() + ":"),
                    sluice.out());
            assertTrue(sluice.out().contains("  binlog file   " + end.file() + "\n"), sluice.out());
            assertTrue(sluice.out().contains("  offset        " + end.offset() + "\n"), sluice.out());
            assertTrue(sluice.out().contains("  rows to skip  0\n"), sluice.out());
            assertTrue(sluice.out().contains("  GTID set      " + shown.gtidSet() + "\n"), sluice.out());
            assertTrue(sluice.out().contains("  snapshot      none in progress"), sluice.out());

            assertEquals(Main.OK, sluice.run("position", "--config", conf.toString(), "--json"), sluice.err());
            assertEquals(document + "\n", sluice.out());

            int refused = sluice.run("position", "set", "--config", conf.toString(), "--file", end.file(), "--pos",
                    "4");
            assertEquals(Main.FAILED, refused, sluice.toString());
            assertTrue(sluice.err().startsWith("sluice: refusing to move the position while a daemon runs with this"
                    + " checkpoint: process "), sluice.err());
            assertTrue(sluice.err().contains(checkpoint.toAbsolutePath() + ".lock"), sluice.err());
            assertTrue(sluice.err().contains("Stop the daemon first"), sluice.err());
            assertEquals(document, Files.readString(checkpoint), "the checkpoint is untouched");
            assertEquals(Daemon.State.RUNNING, daemon.daemon().state());
        }
    }

    @Test
    void aRestartAfterSettingAFileAndOffsetEmitsExactlyTheChangesAfterIt() throws Exception {
        String db = table("by_file");
        Path checkpoint = temp.resolve(db + ".json");
        BinlogPosition chosen = streamThreeRows(db, checkpoint, this::binlogEnd);
        Checkpoint before = saved(checkpoint);

        int code = sluice.run("position", "set", "--config", fileConfig(checkpoint).toString(), "--file", chosen.file(),
                "--pos", Long.toString(chosen.offset()));

        assertEquals(Main.OK, code, sluice.toString());
        assertTrue(sluice.out().contains("  from  " + before.binlog().file() + ":" + before.binlog().offset()
                + ", GTID set " + before.binlog().gtidSet() + "\n"), sluice.out());
        assertTrue(sluice.out().contains("  to    " + chosen.file() + ":" + chosen.offset() + "\n"), sluice.out());
        assertEquals(Checkpoint.of(new BinlogPosition(chosen.file(), chosen.offset(), 0, null)), saved(checkpoint));
        assertEquals(List.of(2, 3, 4), restartAndInsert(db, checkpoint, 4));
    }

    @Test
    void aRestartAfterSettingAGtidSetEmitsExactlyTheChangesAfterIt() throws Exception {
        String db = table("by_gtid");
        Path checkpoint = temp.resolve(db + ".json");
        String executed = streamThreeRows(db, checkpoint, this::gtidPosition);

        int code = sluice.run("position", "set", "--config", fileConfig(checkpoint).toString(), "--gtid-set", executed);

        assertEquals(Main.OK, code, sluice.toString());
        String set = executed.replaceAll("\\s", "");
        assertTrue(sluice.out().contains("  to    the first transaction not in the GTID set " + set + "\n"),
                sluice.out());
        assertEquals(Checkpoint.of(new BinlogPosition("", 4, 0, set)), saved(checkpoint));
        assertEquals(List.of(2, 3, 4), restartAndInsert(db, checkpoint, 4));
    }

    @Test
    void targetsTheServerCannotStreamFromAreRefusedWithTheFix() throws Exception {
        String db = table("refused");
        Path checkpoint = temp.resolve(db + ".json");
        String conf = fileConfig(checkpoint).toString();
        insert(db, 1);
        BinlogPosition end = binlogEnd();
        long tableMap = firstEventOffset(end.file(), "Table_map");

        assertRefused(conf, "binlog file binlog.999999 is not on the ", "--file", "binlog.999999", "--pos", "4");
        assertTrue(sluice.err().contains(" server at " + server.host() + ":" + server.port() + ", which has "),
                sluice.err());
        assertTrue(sluice.err().contains("Choose a file from SHOW BINARY LOGS"), sluice.err());
        assertRefused(conf, "offset " + (end.offset() + 1) + " is past the end of " + end.file(),
                "--file", end.file(), "--pos", Long.toString(end.offset() + 1));
        assertRefused(conf, "offset " + tableMap + " of " + end.file() + " is a Table_map event inside a transaction",
                "--file", end.file(), "--pos", Long.toString(tableMap));
        assertTrue(sluice.err().contains("use the Pos of the Gtid or Anonymous_Gtid event"), sluice.err());
        assertRefused(conf, "offset " + (tableMap + 1) + " of " + end.file() + " is not where an event starts",
                "--file", end.file(), "--pos", Long.toString(tableMap + 1));
        assertRefused(conf, " never ", "--gtid-set", gtidsBeyond());
        assertTrue(sluice.err().contains(" is beyond its binlog, or comes from another server."), sluice.err());
        assertRefused(conf, " uses the other kind. Write it as SELECT @@global.gtid_", "--gtid-set",
                gtidsOfTheOtherKind());
        assertFalse(Files.exists(checkpoint), "nothing was written");

        assertEquals(Main.OK, sluice.run("position", "set", "-c", conf, "--file", "binlog.999999", "--pos", "4",
                "--force"), sluice.err());
        assertEquals(Checkpoint.of(new BinlogPosition("binlog.999999", 4, 0, null)), saved(checkpoint),
                "--force skips the server check");
    }

    @Test
    void aPurgedFileOrGtidSetIsRefusedSayingTheChangesAreGone() throws Exception {
        String db = table("purged");
        Path checkpoint = temp.resolve(db + ".json");
        String conf = fileConfig(checkpoint).toString();
        insert(db, 1);
        String oldFile = binlogEnd().file();
        String first = firstGtid();
        server.execute("FLUSH BINARY LOGS");
        String current = binlogEnd().file();
        // MariaDB keeps a file until its binlog checkpoint has passed, and says so only in a warning.
        waitFor(WAIT, () -> {
            server.execute("PURGE BINARY LOGS TO '" + current + "'");
            return !scalarOrEmpty("SHOW BINARY LOGS").equals(oldFile);
        });

        assertRefused(conf, "binlog file " + oldFile + " is not on ", "--file", oldFile, "--pos", "4");
        assertTrue(sluice.err().contains("It sorts before the oldest one, so it was probably purged"), sluice.err());
        assertRefused(conf, "the server needs ", "--gtid-set", first);
        assertTrue(sluice.err().contains("to stream from that GTID set, but has purged it from its binlog"),
                sluice.err());
    }

    @Test
    void withoutACheckpointItSaysWhereTheDaemonWouldStartAndPositionSetDiscardsASnapshotInProgress()
            throws Exception {
        Path checkpoint = temp.resolve("snapshot.json");
        String conf = fileConfig(checkpoint).toString();

        assertEquals(Main.OK, sluice.run("position", "-c", conf), sluice.err());
        assertEquals("No checkpoint saved in file " + checkpoint.toAbsolutePath() + ".\nThe daemon would start from"
                + " sluice.source.start: the current end of the binlog (from = current), with a snapshot of every"
                + " captured table alongside (sluice.snapshot.mode = initial).\n", sluice.out());
        assertEquals(Main.OK, sluice.run("position", "-c", conf, "--json"), sluice.err());
        assertEquals("null\n", sluice.out());

        BinlogPosition end = binlogEnd();
        String key = Base64.getEncoder().encodeToString("1042".getBytes(StandardCharsets.UTF_8));
        Files.writeString(checkpoint, CheckpointCodec.encode(new Checkpoint(end, SnapshotProgress.of(List.of(
                new TableProgress("shop", "orders", null, List.of(key), 8192),
                TableProgress.fresh("shop", "customers", "id > 5"))))));
        assertEquals(Main.OK, sluice.run("position", "-c", conf), sluice.err());
        assertTrue(sluice.out().contains("  snapshot      in progress, 2 table(s) left, read in this order:\n"
                + "    shop.orders: last key [1042], 8192 rows done\n"
                + "    shop.customers where id > 5: not started\n"), sluice.out());

        assertEquals(Main.OK, sluice.run("position", "set", "-c", conf, "--file", end.file(), "--pos",
                Long.toString(end.offset())), sluice.err());
        assertTrue(sluice.out().contains("The snapshot in progress is discarded"), sluice.out());
        assertTrue(sluice.out().contains("    shop.orders: last key [1042], 8192 rows done\n"), sluice.out());
        assertNull(saved(checkpoint).snapshot());
    }

    /**
     * Runs a daemon while rows 1, 2 and 3 are inserted, and returns what {@code afterFirst} finds once row 1
     * is committed: a position between rows 1 and 2.
     */
    private <T> T streamThreeRows(String db, Path checkpoint, Callable<T> afterFirst) throws Exception {
        try (RunningDaemon daemon = RunningDaemon.start(TestConfigs.memory(server, db + "-1", checkpoint,
                TestConfigs.database(db)))) {
            insert(db, 1);
            T between = afterFirst.call();
            insert(db, 2, 3);
            waitFor(WAIT, () -> MemorySink.named(db + "-1").size() >= 3);
            daemon.stop();
            return between;
        }
    }

    /** Restarts the daemon from the checkpoint, inserts {@code marker}, and returns the ids it emitted up to it. */
    private List<Integer> restartAndInsert(String db, Path checkpoint, int marker) throws Exception {
        try (RunningDaemon daemon = RunningDaemon.start(TestConfigs.memory(server, db + "-2", checkpoint,
                TestConfigs.database(db)))) {
            insert(db, marker);
            MemorySink sink = MemorySink.named(db + "-2");
            waitFor(WAIT, () -> sink.events().stream().anyMatch(e -> id(e) == marker));
            daemon.stop();
            return sink.events().stream().map(PositionCommandContract::id).toList();
        }
    }

    private void assertRefused(String conf, String expected, String... target) {
        String[] args = new String[target.length + 4];
        args[0] = "position";
        args[1] = "set";
        args[2] = "-c";
        args[3] = conf;
        System.arraycopy(target, 0, args, 4, target.length);
        assertEquals(Main.FAILED, sluice.run(args), sluice.toString());
        assertTrue(sluice.err().startsWith("sluice: refusing to move the position: "), sluice.err());
        assertTrue(sluice.err().contains(expected), expected + " in " + sluice.err());
    }

    /** A configuration file for the commands, with the file store at {@code checkpoint}. */
    private Path fileConfig(Path checkpoint) throws Exception {
        return Files.writeString(temp.resolve(checkpoint.getFileName() + ".conf"), source()
                + "sluice.checkpoint { store = file, file.path = " + quoted(checkpoint.toString()) + " }\n");
    }

    protected String source() {
        return "sluice.source { host = " + quoted(server.host()) + ", port = " + server.port() + ", user = "
                + quoted(server.user()) + ", password = " + quoted(server.password()) + ", connect-timeout = 5s }\n"
                + "sluice.http.enabled = false\n";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    protected String table(String db) {
        server.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        return db;
    }

    protected void insert(String db, int... ids) {
        for (int id : ids) {
            server.execute("INSERT INTO " + db + ".t VALUES (" + id + ")");
        }
    }

    private static int id(ChangeEvent event) {
        String key = new String(event.key(), StandardCharsets.UTF_8);
        return Integer.parseInt(key.replaceAll("\\D", ""));
    }

    private static Checkpoint saved(Path checkpoint) {
        try {
            return Files.exists(checkpoint) ? CheckpointCodec.decode(Files.readString(checkpoint)) : null;
        } catch (Exception e) {
            return null;
        }
    }

    protected BinlogPosition binlogEnd() throws Exception {
        try (Connection connection = server.connect()) {
            return SourceServer.binlogEnd(connection);
        }
    }

    private long firstEventOffset(String file, String type) throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW BINLOG EVENTS IN '" + file + "'")) {
            while (rs.next()) {
                if (rs.getString("Event_type").equals(type)) {
                    return rs.getLong("Pos");
                }
            }
        }
        throw new AssertionError("no " + type + " event in " + file);
    }

    /** The first column of the first row, or "" when the query fails: for polling. */
    private String scalarOrEmpty(String sql) {
        try {
            return scalar(sql);
        } catch (Exception e) {
            return "";
        }
    }

    protected String scalar(String sql) throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
