package io.sluice.connector.schema;

import java.util.List;

/**
 * A table's columns and primary key at one point of the binlog.
 *
 * @param database   the table's database
 * @param table      the table name
 * @param columns    every column, in table order
 * @param keyColumns positions of the primary-key columns in key order; empty when the table has none
 * @param exact      {@code true} when the schema came from the TABLE_MAP event itself (FULL row
 *                   metadata), {@code false} when it was read from the information schema and so may be
 *                   newer than the events it decodes
 */
public record TableSchema(String database, String table, List<ColumnSchema> columns, int[] keyColumns,
                          boolean exact) {

    public TableSchema {
        columns = List.copyOf(columns);
        keyColumns = keyColumns.clone();
    }

    /** {@code db.table}, as used in filters, logs and error messages. */
    public String qualifiedName() {
        return database + "." + table;
    }

    public boolean hasKey() {
        return keyColumns.length > 0;
    }
}
