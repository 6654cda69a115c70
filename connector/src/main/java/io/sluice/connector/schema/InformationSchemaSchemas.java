package io.sluice.connector.schema;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds a {@link TableSchema} from the information schema, for servers that log only MINIMAL row
 * metadata. The result describes the table as it is now, which may be newer than the event being
 * decoded; start-up warns about that cost.
 */
public final class InformationSchemaSchemas {

    private static final String COLUMNS_SQL =
            "SELECT c.COLUMN_NAME, c.DATA_TYPE, c.COLUMN_TYPE, c.COLUMN_KEY, co.ID"
                    + " FROM information_schema.COLUMNS c"
                    + " LEFT JOIN information_schema.COLLATIONS co ON co.COLLATION_NAME = c.COLLATION_NAME"
                    + " WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ? ORDER BY c.ORDINAL_POSITION";

    private static final String KEY_SQL =
            "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY'"
                    + " ORDER BY ORDINAL_POSITION";

    private static final String UNIQUE_KEYS_SQL =
            "SELECT s.INDEX_NAME, s.COLUMN_NAME, c.IS_NULLABLE, s.SUB_PART FROM information_schema.STATISTICS s"
                    + " JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = s.TABLE_SCHEMA"
                    + " AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME"
                    + " WHERE s.TABLE_SCHEMA = ? AND s.TABLE_NAME = ? AND s.NON_UNIQUE = 0"
                    + " ORDER BY s.INDEX_NAME, s.SEQ_IN_INDEX";

    private static final String DESCRIBE_SQL =
            "SELECT c.COLUMN_NAME, c.DATA_TYPE, c.COLUMN_TYPE, c.CHARACTER_OCTET_LENGTH, c.NUMERIC_PRECISION,"
                    + " c.NUMERIC_SCALE, c.DATETIME_PRECISION, co.ID"
                    + " FROM information_schema.COLUMNS c"
                    + " LEFT JOIN information_schema.COLLATIONS co ON co.COLLATION_NAME = c.COLLATION_NAME"
                    + " WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ? ORDER BY c.ORDINAL_POSITION";

    private final Supplier<Connection> connections;

    /** Opens a JDBC connection to the source, failing as JDBC does. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    /** @param connections opens a JDBC connection to the source; each call's connection is closed after use */
    public InformationSchemaSchemas(Supplier<Connection> connections) {
        this.connections = connections;
    }

    /**
     * Schemas read over connections from {@code opener}, such as {@code server::connect}; a connection
     * that cannot be opened is an {@link IllegalStateException} carrying the driver's message.
     */
    public static InformationSchemaSchemas over(Opener opener) {
        return new InformationSchemaSchemas(() -> {
            try {
                return opener.open();
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Reads the table's current definition and pairs it with the types the event logged. */
    public TableSchema build(TableMapEventData event) throws SQLException {
        String database = event.getDatabase();
        String table = event.getTable();
        byte[] types = event.getColumnTypes();
        int[] metas = event.getColumnMetadata();
        try (Connection connection = connections.get()) {
            List<String[]> rows = query(connection, COLUMNS_SQL, database, table, 5);
            if (rows.size() != types.length) {
                throw new SQLException("table " + database + "." + table + " has " + rows.size()
                        + " columns in the information schema but the binlog event has " + types.length
                        + "; its definition changed since the event was written. Set binlog_row_metadata=FULL"
                        + " on the server so Sluice reads the schema from the binlog itself.");
            }
            List<ColumnSchema> columns = new ArrayList<>(types.length);
            for (int i = 0; i < types.length; i++) {
                String[] row = rows.get(i);
                ColumnType type = ColumnTypes.resolve(types[i] & 0xFF, metas[i]);
                String columnType = row[2].toLowerCase();
                int collation = row[4] != null ? Integer.parseInt(row[4])
                        : ColumnTypes.hasCharset(type) ? ColumnSchema.BINARY_COLLATION : ColumnSchema.NO_COLLATION;
                columns.add(new ColumnSchema(i, row[0], type, metas[i], columnType.contains("unsigned"), collation,
                        type == ColumnType.ENUM ? parseValues(row[2]) : List.of(),
                        type == ColumnType.SET ? parseValues(row[2]) : List.of(),
                        0, row[1].toLowerCase()));
            }
            List<String[]> keyRows = query(connection, KEY_SQL, database, table, 1);
            int[] key = new int[keyRows.size()];
            for (int k = 0; k < key.length; k++) {
                key[k] = indexOf(columns, keyRows.get(k)[0]);
            }
            return new TableSchema(database, table, columns, key, false);
        }
    }

    /**
     * The table as a TABLE_MAP event with FULL row metadata would describe it now, for reading rows with
     * SELECT (snapshots) when no event for it has been seen: every column's binlog type and metadata are
     * derived from its declared type ({@link BinlogColumnTypes}), the key is the primary key or else the
     * unique key events are keyed by.
     *
     * @return the schema, or {@code null} when the table does not exist
     */
    public TableSchema describe(String database, String table, boolean mariadb) throws SQLException {
        List<String[]> rows;
        try (Connection connection = connections.get()) {
            rows = query(connection, DESCRIBE_SQL, database, table, 8);
        }
        if (rows.isEmpty()) {
            return null;
        }
        List<ColumnSchema> columns = new ArrayList<>(rows.size());
        boolean binaryChar = false;
        for (int i = 0; i < rows.size(); i++) {
            ColumnSchema column = BinlogColumnTypes.column(i, rows.get(i));
            binaryChar |= column.isBinary() && column.type() == ColumnType.STRING;
            columns.add(column);
        }
        if (mariadb && binaryChar) {
            // As the stream does it: MariaDB logs INET4/INET6/UUID as BINARY, so declared names are kept.
            List<ColumnSchema> declared = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                ColumnSchema c = columns.get(i);
                declared.add(new ColumnSchema(c.position(), c.name(), c.type(), c.meta(), c.unsigned(), c.collation(),
                        c.enumValues(), c.setValues(), c.geometryType(), rows.get(i)[1].toLowerCase()));
            }
            columns = declared;
        }
        TableSchema schema;
        try (Connection connection = connections.get()) {
            List<String[]> keyRows = query(connection, KEY_SQL, database, table, 1);
            int[] key = new int[keyRows.size()];
            for (int k = 0; k < key.length; k++) {
                key[k] = indexOf(columns, keyRows.get(k)[0]);
            }
            schema = new TableSchema(database, table, columns, key, true);
        }
        if (!schema.hasKey()) {
            schema = new TableSchema(database, table, columns, uniqueKey(schema), true);
        }
        return schema;
    }

    /** Reads declared type names ({@code inet6}, {@code uuid}, ...) to refine an exact binlog schema. */
    public List<String> declaredTypes(String database, String table) throws SQLException {
        try (Connection connection = connections.get()) {
            List<String> result = new ArrayList<>();
            for (String[] row : query(connection, COLUMNS_SQL, database, table, 5)) {
                result.add(row[1].toLowerCase());
            }
            return result;
        }
    }

    /**
     * For a table without a primary key: the first unique index (by name) whose columns are all NOT
     * NULL and not prefixes, as positions in {@code schema}; empty when there is none, or when one of
     * its columns is not in the schema the binlog described. Such an index identifies a row as well
     * as a primary key does.
     */
    public int[] uniqueKey(TableSchema schema) throws SQLException {
        try (Connection connection = connections.get()) {
            List<String[]> rows = query(connection, UNIQUE_KEYS_SQL, schema.database(), schema.table(), 4);
            int start = 0;
            while (start < rows.size()) {
                int end = start;
                while (end < rows.size() && rows.get(end)[0].equals(rows.get(start)[0])) {
                    end++;
                }
                int[] key = usable(schema, rows.subList(start, end));
                if (key != null) {
                    return key;
                }
                start = end;
            }
            return new int[0];
        }
    }

    private static int[] usable(TableSchema schema, List<String[]> indexColumns) {
        int[] key = new int[indexColumns.size()];
        for (int k = 0; k < key.length; k++) {
            String[] column = indexColumns.get(k);
            if (!"NO".equals(column[2]) || column[3] != null) {
                return null;
            }
            int position = -1;
            for (ColumnSchema c : schema.columns()) {
                if (c.name().equals(column[1])) {
                    position = c.position();
                }
            }
            if (position < 0) {
                return null;
            }
            key[k] = position;
        }
        return key;
    }

    private static int indexOf(List<ColumnSchema> columns, String name) {
        for (ColumnSchema column : columns) {
            if (column.name().equals(name)) {
                return column.position();
            }
        }
        throw new IllegalStateException("primary-key column " + name + " not found");
    }

    private static List<String[]> query(Connection connection, String sql, String database, String table, int width)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, database);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                List<String[]> rows = new ArrayList<>();
                while (rs.next()) {
                    String[] row = new String[width];
                    for (int c = 0; c < width; c++) {
                        row[c] = rs.getString(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** Parses the labels of {@code enum('a','b''c')} or {@code set(...)}. */
    static List<String> parseValues(String columnType) {
        List<String> values = new ArrayList<>();
        int i = columnType.indexOf('(') + 1;
        StringBuilder current = null;
        while (i < columnType.length()) {
            char c = columnType.charAt(i);
            if (current == null) {
                if (c == '\'') {
                    current = new StringBuilder();
                }
            } else if (c == '\'') {
                if (i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                    current.append('\'');
                    i++;
                } else {
                    values.add(current.toString());
                    current = null;
                }
            } else {
                current.append(c);
            }
            i++;
        }
        return values;
    }
}
