package io.sluice.connector.testing;

import io.sluice.servers.DatabaseServer;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The table the snapshot tests read, and the writes they make to it while it is read. */
public final class SnapshotTables {

    private SnapshotTables() {
    }

    /** Creates {@code db.big} with {@code id} 1..rows and several column types, inserted in bulk. */
    public static void createBig(DatabaseServer server, String db, int rows) {
        server.execute("CREATE TABLE " + db + ".big (id INT PRIMARY KEY, v INT NOT NULL, s VARCHAR(64),"
                        + " d DECIMAL(12,3), t DATETIME(6))",
                "CREATE TABLE " + db + ".digits (n INT PRIMARY KEY)",
                "INSERT INTO " + db + ".digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
        server.execute("INSERT INTO " + db + ".big SELECT id, id % 1000, CONCAT('row-', id), id / 7,"
                + " TIMESTAMP('2024-01-01') + INTERVAL id SECOND FROM (SELECT a.n + b.n * 10 + c.n * 100 + d.n * 1000"
                + " + e.n * 10000 + f.n * 100000 + 1 AS id FROM " + db + ".digits a, " + db + ".digits b, " + db
                + ".digits c, " + db + ".digits d, " + db + ".digits e, " + db + ".digits f) ids WHERE id <= " + rows);
        server.execute("DROP TABLE " + db + ".digits");
    }

    /**
     * Inserts, updates and deletes on big's keys (and a tenth beyond them) in transactions of 1 to 10
     * statements until stopped.
     */
    public static final class Workload implements Runnable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicLong changes = new AtomicLong();
        private final DatabaseServer server;
        private final String db;
        private final int rows;
        private final long seed;

        public Workload(DatabaseServer server, String db, int rows, long seed) {
            this.server = server;
            this.db = db;
            this.rows = rows;
            this.seed = seed;
        }

        public void stop() {
            stop.set(true);
        }

        /** Statements committed so far. */
        public long changes() {
            return changes.get();
        }

        @Override
        public void run() {
            Random random = new Random(seed);
            try (Connection connection = server.connect(db); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                while (!stop.get()) {
                    int statements = 1 + random.nextInt(10);
                    for (int i = 0; i < statements; i++) {
                        int id = 1 + random.nextInt(rows + rows / 10);
                        switch (random.nextInt(3)) {
                            case 0 -> statement.execute("UPDATE big SET v = v + 1, s = CONCAT('u', v) WHERE id = " + id);
                            case 1 -> statement.execute("DELETE FROM big WHERE id = " + id);
                            default -> statement.execute("INSERT INTO big VALUES (" + id + ", 7, 'ins', 0.5, NOW(6))"
                                    + " ON DUPLICATE KEY UPDATE v = v + 1000");
                        }
                    }
                    connection.commit();
                    changes.addAndGet(statements);
                }
            } catch (Exception e) {
                throw new IllegalStateException("workload failed", e);
            }
        }
    }
}
