package io.sluice.connector.decode;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;

/**
 * A cell that {@link ValueWriter} cannot write: a column type it does not support, a value of a Java
 * type the binlog decoder never produces, or a value the column's schema cannot explain (an ENUM index
 * beyond its labels, a malformed binary JSON document). The message names the column; callers add the
 * table and binlog position.
 */
public final class UndecodableValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String column;
    private final ColumnType type;

    UndecodableValueException(String column, ColumnType type, String problem) {
        this(column, type, problem, null);
    }

    UndecodableValueException(String column, ColumnType type, String problem, Throwable cause) {
        super("cannot write column " + column + " of binlog type " + type + ": " + problem, cause);
        this.column = column;
        this.type = type;
    }

    /** The column's name. */
    public String column() {
        return column;
    }

    /** The column's binlog type. */
    public ColumnType type() {
        return type;
    }
}
