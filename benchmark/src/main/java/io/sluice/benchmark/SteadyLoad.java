package io.sluice.benchmark;

import io.sluice.servers.DatabaseServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes rows at a steady rate for the latency mode: one autocommitted multi-row INSERT of
 * {@code rowsPerCommit} rows every {@code rowsPerCommit / rate} seconds, on a fixed schedule.
 *
 * <p>Each row's {@code commit_us} is read from the wall clock right before the statement runs, so a
 * row's measured delay includes its INSERT and COMMIT (the binlog and redo-log writes); the time the
 * statement took is reported separately. When a statement overruns its slot the next one starts at
 * once, without skipping, and the achieved rate is reported, so a slow server shows up rather than
 * being hidden.
 */
final class SteadyLoad {

    /** The latency mode's table: the read benchmark's columns plus the commit time. */
    static final String CREATE_TABLE = "CREATE TABLE bench.orders (id BIGINT PRIMARY KEY, customer VARCHAR(64),"
            + " email VARCHAR(64), city VARCHAR(32), amount DECIMAL(12,2), score DOUBLE, created DATETIME(6),"
            + " status INT, note VARCHAR(120), " + CommitStamp.COLUMN + " BIGINT NOT NULL)";
    private static final String[] CITIES = {"Lisbon", "Osaka", "Lagos", "Quito"};
    private static final String NOTE = "lorem ipsum ".repeat(9);

    private final DatabaseServer server;
    private final int rate;
    private final int rowsPerCommit;

    SteadyLoad(DatabaseServer server, int rate, int rowsPerCommit) {
        this.server = server;
        this.rate = rate;
        this.rowsPerCommit = rowsPerCommit;
    }

    /**
     * Writes rows with ids {@code 1..rows}, a multiple of {@code rowsPerCommit}, blocking until done;
     * prints the achieved rate and how long the statements took.
     */
    void run(long rows) throws Exception {
        long interval = TimeUnit.SECONDS.toNanos(rowsPerCommit) / rate;
        if (rows % rowsPerCommit != 0) {
            throw new IllegalArgumentException(rows + " rows are not a whole number of statements of " + rowsPerCommit);
        }
        long statements = rows / rowsPerCommit;
        long[] statementMicros = new long[Math.toIntExact(statements)];
        long late = 0;
        StringBuilder sql = new StringBuilder("INSERT INTO orders VALUES ");
        for (int i = 0; i < rowsPerCommit; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        try (Connection connection = server.connect("bench");
             PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            long started = System.nanoTime();
            long next = started;
            long id = 1;
            for (int s = 0; s < statements; s++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -interval) {
                    late++;
                }
                long before = System.nanoTime();
                long commitMicros = LatencyRecorder.nowMicros();
                for (int r = 0; r < rowsPerCommit; r++) {
                    bind(insert, r * 10, id++, commitMicros);
                }
                insert.executeUpdate();
                statementMicros[s] = (System.nanoTime() - before) / 1_000;
                next += interval;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(statementMicros);
            System.out.printf("LOAD rows=%d seconds=%.1f rows/s=%.0f (target %d) rows-per-commit=%d"
                            + " statement-ms p50=%.2f p99=%.2f max=%.2f late-statements=%d%n",
                    rows, seconds, rows / seconds, rate, rowsPerCommit,
                    LatencyRecorder.percentile(statementMicros, 50) / 1e3,
                    LatencyRecorder.percentile(statementMicros, 99) / 1e3,
                    statementMicros[statementMicros.length - 1] / 1e3, late);
        }
    }

    /** The same shape of row as the read benchmark's server-side load, about 300 bytes. */
    private static void bind(PreparedStatement insert, int offset, long id, long commitMicros) throws Exception {
        insert.setLong(offset + 1, id);
        insert.setString(offset + 2, "customer-" + String.format("%024d", id));
        insert.setString(offset + 3, "user" + id + "@example.com");
        insert.setString(offset + 4, CITIES[(int) (id % 4)]);
        insert.setBigDecimal(offset + 5, BigDecimal.valueOf(id % 100_000, 2));
        insert.setDouble(offset + 6, id / 7.0);
        insert.setTimestamp(offset + 7, Timestamp.valueOf(LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(id)));
        insert.setInt(offset + 8, (int) (id % 5));
        insert.setString(offset + 9, NOTE);
        insert.setLong(offset + 10, commitMicros);
    }
}
