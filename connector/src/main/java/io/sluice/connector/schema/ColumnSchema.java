package io.sluice.connector.schema;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;

import java.util.List;

/**
 * One column of a table as a TABLE_MAP event (or the information schema) describes it.
 *
 * @param position     zero-based position of the column in the table
 * @param name         column name
 * @param type         the real column type: ENUM and SET are resolved from the STRING type they are
 *                     logged as
 * @param meta         the type's binlog metadata (length, precision/scale, fractional digits, ...)
 * @param unsigned     whether a numeric column is UNSIGNED
 * @param collation    the column's collation id, or {@link #NO_COLLATION} for non-character columns;
 *                     63 ({@code binary}) marks binary strings
 * @param enumValues   the permitted values of an ENUM column, in declaration order, else empty
 * @param setValues    the permitted values of a SET column, in declaration order, else empty
 * @param geometryType the geometry sub-type code of a GEOMETRY column, else 0
 * @param declaredType the type name as declared in SQL ({@code inet6}, {@code uuid}, ...) where known
 *                     from the information schema, else {@code null}; lets types the binlog logs as
 *                     plain binary strings be shown as what they are
 */
public record ColumnSchema(
        int position,
        String name,
        ColumnType type,
        int meta,
        boolean unsigned,
        int collation,
        List<String> enumValues,
        List<String> setValues,
        int geometryType,
        String declaredType) {

    /** Collation id of a column that holds no characters. */
    public static final int NO_COLLATION = -1;

    /** Collation id MySQL uses for binary strings (BINARY, VARBINARY, BLOB). */
    public static final int BINARY_COLLATION = 63;

    public ColumnSchema {
        enumValues = List.copyOf(enumValues);
        setValues = List.copyOf(setValues);
    }

    /** Whether this character column holds bytes rather than text. */
    public boolean isBinary() {
        return collation == BINARY_COLLATION;
    }
}
