package io.sluice.connector.decode;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.sluice.connector.schema.ColumnSchema;

import java.util.List;

/** Column schemas for tests. */
final class Columns {

    static final int UTF8MB4 = 255;
    static final int UTF8MB3 = 33;
    static final int LATIN1 = 8;
    static final int BINARY = ColumnSchema.BINARY_COLLATION;

    private Columns() {
    }

    static ColumnSchema of(ColumnType type, int meta) {
        return new ColumnSchema(0, "c", type, meta, false, ColumnSchema.NO_COLLATION, List.of(), List.of(), 0, null);
    }

    static ColumnSchema unsigned(ColumnType type) {
        return new ColumnSchema(0, "c", type, 0, true, ColumnSchema.NO_COLLATION, List.of(), List.of(), 0, null);
    }

    static ColumnSchema text(ColumnType type, int meta, int collation) {
        return new ColumnSchema(0, "c", type, meta, false, collation, List.of(), List.of(), 0, null);
    }

    static ColumnSchema declared(ColumnType type, int meta, int collation, String declaredType) {
        return new ColumnSchema(0, "c", type, meta, false, collation, List.of(), List.of(), 0, declaredType);
    }

    static ColumnSchema enumOf(String... labels) {
        return new ColumnSchema(0, "c", ColumnType.ENUM, 0xF701, false, UTF8MB4, List.of(labels), List.of(), 0, null);
    }

    static ColumnSchema setOf(String... labels) {
        return new ColumnSchema(0, "c", ColumnType.SET, 0xF801, false, UTF8MB4, List.of(), List.of(labels), 0, null);
    }

    /** TABLE_MAP metadata of CHAR/BINARY(n) with n bytes at most: real type STRING in the high byte. */
    static int charMeta(int maxBytes) {
        int meta0 = ColumnType.STRING.getCode() ^ ((maxBytes & 0x300) >> 4);
        return meta0 << 8 | (maxBytes & 0xFF);
    }
}
