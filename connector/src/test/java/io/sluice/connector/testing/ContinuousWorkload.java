package io.sluice.connector.testing;

import io.sluice.servers.DatabaseServer;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Writes to one table, {@code (id INT PRIMARY KEY, v INT NOT NULL)}, on a background thread until
 * stopped, so that changes keep coming while a broker is away: first one row per key with v = 0, then
 * updates of random keys to v + 1, one to three rows per transaction, a few milliseconds apart. It is
 * the only writer of its table, so it knows every change it made and can check what a sink delivered.
 */
public final class ContinuousWorkload implements AutoCloseable {

    /** One delivered change of the workload's table: the event id, the row's id and its v. */
    public record Change(String id, int key, int v) {
    }

    private static final int KEYS = 100;
    private static final Duration PAUSE = Duration.ofMillis(5);

    private final DatabaseServer server;
    private final String table;
    private final int[] values = new int[KEYS];
    private final AtomicLong changes = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Exception failure;

    private ContinuousWorkload(DatabaseServer server, String table) {
        this.server = server;
        this.table = table;
        this.thread = new Thread(this::run, "test-workload-" + table);
        thread.setDaemon(true);
    }

    /** Starts writing to {@code table} ({@code db.name}), which must exist and be empty. */
    public static ContinuousWorkload start(DatabaseServer server, String table) {
        ContinuousWorkload workload = new ContinuousWorkload(server, table);
        workload.thread.start();
        return workload;
    }

    /** Changes committed so far. */
    public long changes() {
        return changes.get();
    }

    /** Stops writing, waits for the last transaction and returns how many changes were committed. */
    public long stop() throws Exception {
        stopping = true;
        thread.join(Duration.ofSeconds(30).toMillis());
        if (thread.isAlive()) {
            throw new IllegalStateException("the workload on " + table + " did not stop within 30 s");
        }
        if (failure != null) {
            throw new IllegalStateException("the workload on " + table + " failed", failure);
        }
        return changes.get();
    }

    @Override
    public void close() throws Exception {
        if (thread.isAlive()) {
            stop();
        }
    }

    private void run() {
        Random random = new Random();
        int inserted = 0;
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            while (!stopping) {
                int rows = 1 + random.nextInt(3);
                Map<Integer, Integer> written = new HashMap<>();
                for (int i = 0; i < rows; i++) {
                    if (inserted < KEYS) {
                        statement.execute("INSERT INTO " + table + " VALUES (" + inserted + ", 0)");
                        written.put(inserted, 0);
                        inserted++;
                    } else {
                        int key = random.nextInt(KEYS);
                        statement.execute("UPDATE " + table + " SET v = v + 1 WHERE id = " + key);
                        written.merge(key, values[key] + 1, (a, b) -> a + 1);
                    }
                }
                connection.commit();
                written.forEach((key, v) -> values[key] = v);
                changes.addAndGet(rows);
                Thread.sleep(PAUSE.toMillis());
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    /**
     * Checks, after {@link #stop()}, that {@code delivered} (in delivery order per key) holds every
     * change exactly once and in order per key: each key's values run 0, 1, 2, ... up to its last
     * committed value, with no gap.
     */
    public void assertDeliveredExactlyOnceInOrder(List<Change> delivered) {
        Map<String, Change> byId = new HashMap<>();
        Map<Integer, Integer> last = new HashMap<>();
        for (Change change : delivered) {
            Change earlier = byId.putIfAbsent(change.id(), change);
            if (earlier != null) {
                throw new AssertionError("the change " + change.id() + " was delivered twice: " + earlier + ", " + change);
            }
            int expected = last.containsKey(change.key()) ? last.get(change.key()) + 1 : 0;
            assertEquals(expected, change.v(), "change " + change.id() + " of row " + change.key()
                    + " out of order, or one before it missing");
            last.put(change.key(), change.v());
        }
        assertEquals(changes.get(), delivered.size(), "changes delivered, of the " + changes.get() + " committed");
        for (Map.Entry<Integer, Integer> row : last.entrySet()) {
            assertEquals(values[row.getKey()], row.getValue(), "the last delivered value of row " + row.getKey());
        }
    }
}
