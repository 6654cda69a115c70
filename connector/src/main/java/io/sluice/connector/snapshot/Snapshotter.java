package io.sluice.connector.snapshot;

import io.sluice.connector.binlog.CapturedTable;
import io.sluice.connector.binlog.SourceServer;
import io.sluice.connector.filter.TableFilter;
import io.sluice.connector.position.TableProgress;
import io.sluice.connector.schema.InformationSchemaSchemas;
import io.sluice.connector.schema.TableSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads the tables of the snapshot's progress, chunk by chunk, on {@code parallelism} threads
 * ({@code sluice-snapshot-N}), each table on its own pair of connections, and hands every chunk to the
 * {@link SnapshotStream}, which places it into the stream.
 *
 * <p>Each chunk's low watermark is a binlog end sampled at least {@link #VISIBILITY_MARGIN} before its
 * SELECT: the server writes a transaction to the binlog a moment before its rows become visible to other
 * sessions, so a watermark taken right before the SELECT could count as "before" a change the SELECT
 * cannot see yet. Leaving out the keys changed since a slightly older point only leaves out more rows
 * whose newer state the stream carries anyway.
 *
 * <p>Failures: a table that no longer exists ends its snapshot with a warning; a lost connection is
 * retried from the last placed chunk; a filter condition the server refuses ends that table's snapshot
 * with an error naming it; anything else (a column type Sluice cannot read) stops the daemon.
 */
public final class Snapshotter {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshotter.class);
    static final Duration VISIBILITY_MARGIN = Duration.ofMillis(500);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final SnapshotStream stream;
    private final SourceServer server;
    private final TableFilter filter;
    private final InformationSchemaSchemas schemas;
    private final int chunkSize;
    private final Consumer<Exception> onFatal;
    private final List<Thread> threads = new ArrayList<>();

    public Snapshotter(SnapshotStream stream, SourceServer server, TableFilter filter, int chunkSize, int parallelism,
                       Consumer<Exception> onFatal) {
        this.stream = stream;
        this.server = server;
        this.filter = filter;
        this.chunkSize = chunkSize;
        this.onFatal = onFatal;
        this.schemas = InformationSchemaSchemas.over(server::connect);
        AtomicInteger number = new AtomicInteger();
        for (int i = 0; i < parallelism; i++) {
            Thread thread = new Thread(this::work, "sluice-snapshot-" + number.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    /** The tables a snapshot of everything captured reads: base tables the filter captures, in name order. */
    public static List<TableProgress> capturedTables(SourceServer server, TableFilter filter, String signalTable)
            throws SQLException {
        List<TableProgress> tables = new ArrayList<>();
        for (String[] table : server.baseTables()) {
            String name = table[0] + "." + table[1];
            if (filter.captures(table[0], table[1]) && !name.equals(signalTable)) {
                tables.add(TableProgress.fresh(table[0], table[1], null));
            }
        }
        return tables;
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    /** Stops reading; a chunk not yet placed is read again after a restart. */
    public void stop(Duration timeout) throws InterruptedException {
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    private void work() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                TableProgress claimed = stream.claim();
                String name = claimed.qualifiedName();
                try {
                    read(name);
                } catch (SQLException e) {
                    stream.release(name);
                    if (claimed.where() != null && "42000".equals(e.getSQLState())) {
                        LOG.error("Snapshot of {} with the condition \"{}\" ends: the server refused it ({}). Send"
                                + " the signal again with a valid condition.", name, claimed.where(), e.getMessage());
                        stream.abandon(name);
                    } else {
                        LOG.warn("Snapshot of {} interrupted: {}; continuing from its last delivered chunk in {} s",
                                name, e.getMessage(), RETRY_AFTER.toSeconds());
                        Thread.sleep(RETRY_AFTER.toMillis());
                    }
                } catch (RuntimeException e) {
                    stream.release(name);
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            // stopping
        } catch (RuntimeException e) {
            onFatal.accept(new IllegalStateException("the snapshot cannot go on: " + e.getMessage(), e));
        }
    }

    private void read(String name) throws SQLException, InterruptedException {
        TableProgress table = stream.current(name);
        if (table == null) {
            stream.release(name);
            return;
        }
        TableSchema schema = schemas.describe(table.database(), table.table(), server.isMariadb());
        if (schema == null) {
            LOG.warn("Snapshot of {}: the table no longer exists; its snapshot ends", name);
            stream.abandon(name);
            return;
        }
        CapturedTable captured = new CapturedTable(schema, filter.excludedColumns(schema));
        try (Connection rows = server.connect(); Connection status = server.connect();
             ChunkReader reader = new ChunkReader(rows, schema, table.where())) {
            Watermarks watermarks = new Watermarks(status);
            watermarks.sample(); // after the claim: the stream records the table's keys from before this point
            Progress progress = new Progress(name, table, estimate(status, table), schema.hasKey());
            if (!schema.hasKey()) {
                reader.scan(chunkSize, (batch, last) -> {
                    Watermark high = watermarks.sample();
                    int placed = stream.offer(new ReadyChunk(captured, batch, null, last, high, high));
                    progress.chunk(batch.size(), placed, last);
                });
                return;
            }
            Serializable[] lastKey = table.lastKey() == null ? null : reader.keyFromBytes(decode(table.lastKey()));
            List<String> savedKey = table.lastKey();
            while (true) {
                Watermark low = watermarks.low();
                Chunk chunk = reader.read(chunkSize, lastKey);
                Watermark high = watermarks.sample();
                if (chunk.lastKeyBytes() != null) {
                    savedKey = encode(chunk.lastKeyBytes());
                }
                int placed = stream.offer(new ReadyChunk(captured, chunk.rows(), savedKey, chunk.last(), low, high));
                progress.chunk(chunk.rows().size(), placed, chunk.last());
                if (chunk.last()) {
                    return;
                }
                lastKey = chunk.lastKey();
            }
        }
    }

    private static long estimate(Connection connection, TableProgress table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_ROWS FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            statement.setString(1, table.database());
            statement.setString(2, table.table());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static List<String> encode(byte[][] key) {
        List<String> text = new ArrayList<>(key.length);
        for (byte[] cell : key) {
            text.add(Base64.getEncoder().encodeToString(cell));
        }
        return text;
    }

    private static byte[][] decode(List<String> key) {
        byte[][] bytes = new byte[key.size()][];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = Base64.getDecoder().decode(key.get(k));
        }
        return bytes;
    }

    /** Binlog ends sampled over time on one connection, so a low watermark can be picked from the past. */
    private static final class Watermarks {
        private record Sample(long nanos, Watermark point) {
        }

        private final Connection connection;
        private final ArrayDeque<Sample> samples = new ArrayDeque<>();

        Watermarks(Connection connection) {
            this.connection = connection;
        }

        Watermark sample() throws SQLException {
            Watermark point = Watermark.of(SourceServer.binlogEnd(connection));
            samples.addLast(new Sample(System.nanoTime(), point));
            return point;
        }

        /** The newest sample at least the visibility margin old, waiting until the first one is. */
        Watermark low() throws InterruptedException {
            long margin = VISIBILITY_MARGIN.toNanos();
            Sample oldest = samples.peekFirst();
            long wait = oldest.nanos() + margin - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long now = System.nanoTime();
            Sample chosen = oldest;
            for (Sample sample : samples) {
                if (now - sample.nanos() >= margin) {
                    chosen = sample;
                }
            }
            while (samples.peekFirst() != chosen) {
                samples.removeFirst();
            }
            return chosen.point();
        }
    }

    /** Counts a table's rows and logs a progress line every ten seconds and at the end. */
    private final class Progress {
        private final String name;
        private final long estimate;
        private final long startedAt = System.nanoTime();
        private final long rowsBefore;
        private long read;
        private long emitted;
        private long loggedAt = startedAt;

        Progress(String name, TableProgress table, long estimate, boolean keyed) {
            this.name = name;
            this.estimate = estimate;
            this.rowsBefore = table.rowsDone();
            String how = keyed ? "in chunks of " + chunkSize + " rows by key"
                    : "in one consistent read (no primary or NOT NULL unique key; a restart reads it again)";
            LOG.info("Snapshot of {}: {} about {} rows {}{}", name, table.lastKey() != null ? "continuing after "
                    + table.rowsDone() + " rows," : "starting,", estimate, how,
                    table.where() != null ? " where " + table.where() : "");
        }

        void chunk(int rows, int placed, boolean last) {
            read += rows;
            emitted += placed;
            long now = System.nanoTime();
            if (last || now - loggedAt >= PROGRESS_EVERY_NANOS) {
                loggedAt = now;
                double seconds = Math.max(1e-9, (now - startedAt) / 1e9);
                long done = rowsBefore + read;
                String of = estimate > 0 ? " of about " + estimate + " (" + Math.min(100, done * 100 / estimate) + "%)" : "";
                LOG.info("Snapshot of {}{}: {} rows{}, {} rows/s; {} emitted, {} left out as the stream changed them",
                        name, last ? " done" : "", done, of, Math.round(read / seconds), emitted, read - emitted);
            }
        }
    }
}
