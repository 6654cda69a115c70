package io.sluice.connector.binlog;

import io.sluice.connector.schema.TableSchema;

import java.util.BitSet;

/**
 * A table whose changes are captured: its schema at this point of the log and the columns the
 * filter leaves out.
 */
public record CapturedTable(TableSchema schema, BitSet excludedColumns) {

    public CapturedTable {
        excludedColumns = (BitSet) excludedColumns.clone();
    }

    public boolean excludes(int column) {
        return excludedColumns.get(column);
    }
}
