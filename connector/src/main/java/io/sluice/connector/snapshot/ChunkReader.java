package io.sluice.connector.snapshot;

import io.sluice.connector.schema.ColumnSchema;
import io.sluice.connector.schema.TableSchema;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table in key-ordered chunks with plain SELECTs ({@link KeysetQuery}), each chunk one
 * autocommit statement, i.e. its own consistent read, so streaming goes on while a table is read and
 * no lock is held between chunks. Every cell comes out as the binlog decoding would produce it for the
 * same stored value ({@link SnapshotCells}), so the event encoder writes a snapshot row and a streamed
 * row identically.
 *
 * <p>The connection is the reader's alone while it is used: the constructor switches it to autocommit,
 * UTC ({@code time_zone = '+00:00'}), unconverted results ({@code character_set_results = NULL}) and a
 * lenient {@code sql_mode} ({@code ALLOW_INVALID_DATES}) under which zero and invalid dates in keys
 * can be compared.
 * One thread at a time; closing the reader closes its statements, the caller closes the connection.
 */
public final class ChunkReader implements AutoCloseable {

    private final TableSchema table;
    private final List<ColumnSchema> columns;
    private final PreparedStatement first;
    private final PreparedStatement after;
    private final int[] afterParameters;
    private final String firstQuery;

    /**
     * @param connection a connection for this reader only
     * @param table      the table as the binlog describes it; its key columns order the chunks
     * @throws SQLException if the session cannot be set up or a statement not prepared
     */
    public ChunkReader(Connection connection, TableSchema table) throws SQLException {
        this(connection, table, null);
    }

    /**
     * @param where an SQL condition every row read must meet (an on-demand snapshot's filter), or {@code null}
     * @throws SQLException if the session cannot be set up or a statement not prepared (a bad condition)
     */
    public ChunkReader(Connection connection, TableSchema table, String where) throws SQLException {
        this.table = table;
        this.columns = table.columns();
        connection.setAutoCommit(true);
        try (Statement session = connection.createStatement()) {
            session.execute("SET time_zone = '+00:00'");
            session.execute("SET character_set_results = NULL");
            // Key parameters are cast to the key's type; zero and invalid dates must survive the cast.
            session.execute("SET sql_mode = 'ALLOW_INVALID_DATES'");
        }
        KeysetQuery query = new KeysetQuery(table, where);
        this.firstQuery = query.first();
        this.first = connection.prepareStatement(query.first());
        this.after = table.hasKey() ? connection.prepareStatement(query.after()) : null;
        this.afterParameters = query.keyParameterColumns();
    }

    /**
     * Reads the chunk after {@code lastKey}. A table without a key is read whole in one chunk, whatever
     * the size.
     *
     * @param size    the most rows to read, at least 1
     * @param lastKey the key cells of the last row read (a chunk's {@link Chunk#lastKey()}), or {@code null}
     *                for the first chunk
     * @throws SQLException             if the query fails
     * @throws IllegalArgumentException if a value cannot be read, naming the table and column
     */
    public Chunk read(int size, Serializable[] lastKey) throws SQLException {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size " + size + " for " + table.qualifiedName() + "; it must be at least 1");
        }
        if (!table.hasKey()) {
            if (lastKey != null) {
                throw new IllegalArgumentException(table.qualifiedName() + " has no key and is read in one chunk;"
                        + " there is no chunk after it");
            }
            List<Serializable[]> rows = rows(first, null);
            return new Chunk(rows, null, true, null);
        }
        PreparedStatement statement;
        int parameter = 1;
        if (lastKey == null) {
            statement = first;
        } else {
            statement = after;
            int[] key = table.keyColumns();
            if (lastKey.length != key.length) {
                throw new IllegalArgumentException("a key of " + lastKey.length + " cells for " + table.qualifiedName()
                        + ", whose key has " + key.length + " columns");
            }
            for (int k : afterParameters) {
                KeyParameters.bind(statement, parameter++, columns.get(key[k]), lastKey[k]);
            }
        }
        statement.setInt(parameter, size);
        byte[][] lastKeyBytes = new byte[table.keyColumns().length][];
        List<Serializable[]> rows = rows(statement, lastKeyBytes);
        Serializable[] last = rows.isEmpty() ? null : keyOf(rows.get(rows.size() - 1));
        return new Chunk(rows, last, rows.size() < size, rows.isEmpty() ? null : lastKeyBytes);
    }

    /**
     * Reads a table without a key in one consistent-snapshot transaction, streaming the rows from the
     * server and handing them on in batches, so memory holds one batch whatever the table's size.
     *
     * @param batch    rows per batch
     * @param consumer receives each batch and whether it is the last
     */
    public void scan(int batch, BatchConsumer consumer) throws SQLException, InterruptedException {
        Connection connection = first.getConnection();
        connection.setAutoCommit(false);
        try (Statement begin = connection.createStatement()) {
            begin.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
        }
        try (PreparedStatement streaming = connection.prepareStatement(firstQuery,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            streaming.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream rows instead of buffering them all
            try (ResultSet result = streaming.executeQuery()) {
                List<Serializable[]> rows = new ArrayList<>(batch);
                boolean more = result.next();
                while (more) {
                    rows.add(row(result));
                    more = result.next();
                    if (rows.size() == batch || !more) {
                        consumer.accept(rows, !more);
                        rows = new ArrayList<>(batch);
                    }
                }
                if (rows.isEmpty() && !more) {
                    consumer.accept(rows, true);
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    /** Receives the batches of {@link #scan}. */
    @FunctionalInterface
    public interface BatchConsumer {
        void accept(List<Serializable[]> rows, boolean last) throws SQLException, InterruptedException;
    }

    /** The key cells for key bytes saved from {@link Chunk#lastKeyBytes()}. */
    public Serializable[] keyFromBytes(byte[][] bytes) {
        int[] key = table.keyColumns();
        if (bytes.length != key.length) {
            throw new IllegalArgumentException("a saved key of " + bytes.length + " cells for " + table.qualifiedName()
                    + ", whose key has " + key.length + " columns; the table's key changed since");
        }
        Serializable[] cells = new Serializable[key.length];
        for (int k = 0; k < key.length; k++) {
            cells[k] = cell(columns.get(key[k]), bytes[k]);
        }
        return cells;
    }

    /** Closes the prepared statements; the connection stays open. */
    @Override
    public void close() throws SQLException {
        try {
            first.close();
        } finally {
            if (after != null) {
                after.close();
            }
        }
    }

    /** @param lastKeyBytes receives the key bytes of the last row, or {@code null} */
    private List<Serializable[]> rows(PreparedStatement statement, byte[][] lastKeyBytes) throws SQLException {
        List<Serializable[]> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(row(result));
                if (lastKeyBytes != null && result.isLast()) {
                    int[] key = table.keyColumns();
                    for (int k = 0; k < key.length; k++) {
                        lastKeyBytes[k] = result.getBytes(key[k] + 1);
                    }
                }
            }
        }
        return rows;
    }

    private Serializable[] row(ResultSet result) throws SQLException {
        Serializable[] row = new Serializable[columns.size()];
        for (int c = 0; c < row.length; c++) {
            row[c] = cell(columns.get(c), result.getBytes(c + 1));
        }
        return row;
    }

    private Serializable cell(ColumnSchema column, byte[] bytes) {
        try {
            return SnapshotCells.decode(column, bytes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read column " + column.name() + " of " + table.qualifiedName()
                    + " in a snapshot: " + e.getMessage(), e);
        }
    }

    private Serializable[] keyOf(Serializable[] row) {
        int[] key = table.keyColumns();
        Serializable[] cells = new Serializable[key.length];
        for (int k = 0; k < key.length; k++) {
            cells[k] = row[key[k]];
        }
        return cells;
    }
}
