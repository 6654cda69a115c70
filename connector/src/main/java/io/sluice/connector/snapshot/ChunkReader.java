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

    /**
     * @param connection a connection for this reader only
     * @param table      the table as the binlog describes it; its key columns order the chunks
     * @throws SQLException if the session cannot be set up or a statement not prepared
     */
    public ChunkReader(Connection connection, TableSchema table) throws SQLException {
        this.table = table;
        this.columns = table.columns();
        connection.setAutoCommit(true);
        try (Statement session = connection.createStatement()) {
            session.execute("SET time_zone = '+00:00'");
            session.execute("SET character_set_results = NULL");
            // Key parameters are cast to the key's type; zero and invalid dates must survive the cast.
            session.execute("SET sql_mode = 'ALLOW_INVALID_DATES'");
        }
        KeysetQuery query = new KeysetQuery(table);
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
            List<Serializable[]> rows = rows(first);
            return new Chunk(rows, null, true);
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
        List<Serializable[]> rows = rows(statement);
        Serializable[] last = rows.isEmpty() ? null : keyOf(rows.get(rows.size() - 1));
        return new Chunk(rows, last, rows.size() < size);
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

    private List<Serializable[]> rows(PreparedStatement statement) throws SQLException {
        List<Serializable[]> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                Serializable[] row = new Serializable[columns.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = cell(columns.get(c), result.getBytes(c + 1));
                }
                rows.add(row);
            }
        }
        return rows;
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
