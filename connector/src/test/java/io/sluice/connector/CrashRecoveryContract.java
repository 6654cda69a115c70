package io.sluice.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.connector.testing.ChildDaemon;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a sink must keep across crashes. The daemon runs as a separate JVM, launched the way users
 * launch it, and is killed with SIGKILL at random points while a workload of 200,000 changes runs on
 * 4 tables: one kill in four while it starts, the others 0.1 to 2.6 s after it began reading the
 * binlog. Then it is started once more and left to finish. In the end the sink must hold every
 * change, in order per key, with no gap. An at-least-once sink may hold some changes more than once,
 * but every replay must be identical to the first delivery (same id, same content but {@code ts_ms});
 * an exactly-once sink may not hold any change twice.
 *
 * <p>A subclass per sink starts the broker (one per class), writes the sink and checkpoint-store part
 * of the configuration and reads back what the sink delivered. Rerun a failure with the printed
 * {@code -Dcrash.seed}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
abstract class CrashRecoveryContract {

    /** What a sink promises about changes it is given again after a crash. */
    enum Guarantee {
        /** Every change at least once; a replay is identical to the first delivery. */
        AT_LEAST_ONCE,
        /** Every change exactly once. */
        EXACTLY_ONCE
    }

    /** One delivered change, as read back from the sink. */
    record Delivered(String id, String key, int v, String content) {
    }

    /** Reads what the sink delivered, from its beginning, a part at a time. */
    interface DeliveryReader extends AutoCloseable {

        /** The changes delivered since the previous call (the first call: since the beginning), in order per key. */
        List<Delivered> next() throws Exception;
    }

    static final int TABLES = 4;
    static final String DATABASE = "crash";
    private static final int KEYS_PER_TABLE = 500;
    private static final int CHANGES = 200_000;
    private static final long CATCH_UP_MINUTES = 5;
    /** What the daemon logs once it has loaded its checkpoint, opened the sink and connected to the source. */
    private static final String STREAMING_LOG_LINE = "Reading the binlog of";
    private static final Duration STREAMING_WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    protected DatabaseServer mysql;
    @TempDir
    Path temp;

    /** What this sink promises. */
    protected abstract Guarantee guarantee();

    /**
     * The {@code sink} and {@code checkpoint} blocks of {@code sluice { }} in HOCON, writing into
     * {@code dir} if the sink needs files. The checkpoint interval should be short, so that kills fall
     * between saves as well as during them.
     */
    protected abstract String sinkAndCheckpoint(Path dir);

    /** A reader of the changes the sink holds; called once, after the first daemon was started. */
    protected abstract DeliveryReader reader(Path dir) throws Exception;

    @BeforeAll
    void startDatabase() {
        mysql = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
    }

    @AfterAll
    void stopDatabase() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @Test
    void everyChangeArrivesInOrderPerKeyAcrossKills() throws Exception {
        String name = getClass().getSimpleName();
        long started = System.nanoTime();
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println(name + " seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        mysql.execute("CREATE DATABASE " + DATABASE);
        for (int t = 0; t < TABLES; t++) {
            mysql.execute("CREATE TABLE " + DATABASE + ".t" + t + " (id INT PRIMARY KEY, v INT NOT NULL, pad VARCHAR(100))");
        }
        Path config = writeConfig();

        CompletableFuture<Void> workload = CompletableFuture.runAsync(() -> runWorkload(seed));
        int kills = 0;
        int killsInStartUp = 0;
        while (!workload.isDone()) {
            ChildDaemon daemon = launch(config, kills);
            try {
                if (random.nextInt(4) == 0) {
                    Thread.sleep(random.nextInt(2000)); // while starting: loading the checkpoint, connecting
                    killsInStartUp++;
                } else {
                    // Kills land while events flow, however long a JVM takes to start on a busy machine.
                    daemon.awaitLog(STREAMING_LOG_LINE, STREAMING_WITHIN);
                    Thread.sleep(100 + random.nextInt(2500));
                }
            } finally {
                daemon.kill();
            }
            kills++;
        }
        workload.join();

        List<Delivered> delivered = new ArrayList<>();
        ChildDaemon last = launch(config, kills);
        try (DeliveryReader reader = reader(temp)) {
            try {
                awaitEveryChange(reader, delivered, last);
            } finally {
                last.kill();
            }
            delivered.addAll(reader.next()); // whatever the last run delivered after the count was reached
        }
        System.out.println(name + ": killed the daemon " + kills + " times, " + killsInStartUp + " of them while"
                + " it was starting");
        assertTrue(kills >= 3, "the workload outlasted only " + kills + " kills");
        verify(name, delivered, finalValues());
        System.out.println(name + ": " + (System.nanoTime() - started) / 1_000_000_000 + " s from first write to"
                + " verified");
    }

    /** Inserts every key with v = 0, then updates random keys to v + 1, in transactions of 1 to 50 rows. */
    private void runWorkload(long seed) {
        Random random = new Random(seed + 1);
        try (Connection connection = mysql.connect(DATABASE); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            int done = 0;
            for (int t = 0; t < TABLES; t++) {
                for (int k = 0; k < KEYS_PER_TABLE; k += 50) {
                    StringBuilder insert = new StringBuilder("INSERT INTO t" + t + " VALUES ");
                    for (int i = k; i < k + 50; i++) {
                        insert.append(i == k ? "" : ",").append('(').append(i).append(",0,REPEAT('x',80))");
                    }
                    statement.execute(insert.toString());
                    connection.commit();
                    done += 50;
                }
            }
            while (done < CHANGES) {
                int size = Math.min(1 + random.nextInt(50), CHANGES - done);
                for (int i = 0; i < size; i++) {
                    statement.execute("UPDATE t" + random.nextInt(TABLES) + " SET v = v + 1 WHERE id = "
                            + random.nextInt(KEYS_PER_TABLE));
                }
                connection.commit();
                done += size;
            }
        } catch (Exception e) {
            throw new IllegalStateException("workload failed", e);
        }
    }

    private ChildDaemon launch(Path config, int run) throws IOException {
        return ChildDaemon.launch(config, temp.resolve("daemon-" + run + ".log"));
    }

    private Path writeConfig() throws IOException {
        String hocon = String.join("\n",
                "sluice {",
                "  source { host = \"" + mysql.host() + "\", port = " + mysql.port() + ", user = \"" + mysql.user()
                        + "\", password = \"" + mysql.password() + "\", server-id = 6402",
                "    start.from = earliest }",
                "  snapshot.mode = never",
                "  http.port = 0",
                "  filter.include-databases = [" + DATABASE + "]",
                sinkAndCheckpoint(temp),
                "}");
        Path file = temp.resolve("crash.conf");
        Files.writeString(file, hocon);
        return file;
    }

    private void awaitEveryChange(DeliveryReader reader, List<Delivered> delivered, ChildDaemon daemon) throws Exception {
        Set<String> ids = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(CATCH_UP_MINUTES);
        while (true) {
            for (Delivered d : reader.next()) {
                delivered.add(d);
                ids.add(d.id);
            }
            if (ids.size() >= CHANGES) {
                return;
            }
            if (!daemon.isAlive()) {
                fail("the daemon exited with " + daemon.exitValue() + " before every change arrived; its log is in "
                        + temp);
            }
            if (System.nanoTime() > deadline) {
                fail("not every change arrived within " + CATCH_UP_MINUTES + " minutes; distinct ids: " + ids.size());
            }
            Thread.sleep(500);
        }
    }

    /**
     * One delivered change from its envelope: the key is the table and the row's id, the content the
     * envelope without {@code ts_ms} (when the event was emitted, the one field that may differ on replay),
     * prefixed with {@code extra} (a broker's key or headers, which must not differ either).
     */
    static Delivered parse(String id, byte[] envelope, String extra) throws IOException {
        JsonNode node = JSON.readTree(envelope);
        JsonNode row = node.get("after");
        ((ObjectNode) node).remove("ts_ms");
        return new Delivered(id, node.at("/source/table").asText() + "/" + row.get("id").asInt(),
                row.get("v").asInt(), extra + node);
    }

    private void verify(String name, List<Delivered> delivered, Map<String, Integer> finalValues) {
        Map<String, Delivered> firstById = new HashMap<>();
        Map<String, Integer> lastValue = new HashMap<>();
        int replays = 0;
        for (Delivered d : delivered) {
            Delivered first = firstById.putIfAbsent(d.id, d);
            if (first != null) {
                replays++;
                if (guarantee() == Guarantee.EXACTLY_ONCE) {
                    fail("the change " + d.id + " was delivered twice by an exactly-once sink: " + d.content);
                }
                assertEquals(first.content, d.content, "a replayed event differs from its first delivery: " + d.id);
                continue;
            }
            Integer previous = lastValue.get(d.key);
            int expected = previous == null ? 0 : previous + 1;
            assertEquals(expected, d.v, "change of " + d.key + " out of order or missing before event " + d.id);
            lastValue.put(d.key, d.v);
        }
        System.out.println(name + ": " + delivered.size() + " delivered, " + firstById.size() + " distinct changes, "
                + replays + " replayed after kills");
        assertEquals(CHANGES, firstById.size(), "distinct changes delivered");
        assertEquals(finalValues, lastValue, "the last event of every key shows the row's final value");
    }

    private Map<String, Integer> finalValues() throws Exception {
        Map<String, Integer> values = new HashMap<>();
        try (Connection connection = mysql.connect(DATABASE); Statement statement = connection.createStatement()) {
            for (int t = 0; t < TABLES; t++) {
                try (ResultSet rs = statement.executeQuery("SELECT id, v FROM t" + t)) {
                    while (rs.next()) {
                        values.put("t" + t + "/" + rs.getInt(1), rs.getInt(2));
                    }
                }
            }
        }
        return values;
    }
}
