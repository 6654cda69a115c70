package io.sluice.connector.schema;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;

/** Facts about binlog column type codes that several schema sources need. */
final class ColumnTypes {

    private ColumnTypes() {
    }

    /**
     * The real type of a column. ENUM, SET and CHAR of some lengths are logged as STRING with the real
     * type folded into the high byte of the metadata (MySQL sql/log_event.cc, log_event_print_value).
     */
    static ColumnType resolve(int typeCode, int meta) {
        if (typeCode == ColumnType.STRING.getCode() && meta >= 256) {
            int meta0 = meta >> 8;
            if ((meta0 & 0x30) != 0x30) {
                typeCode = meta0 | 0x30;
            } else if (meta0 == ColumnType.ENUM.getCode() || meta0 == ColumnType.SET.getCode()) {
                typeCode = meta0;
            }
        }
        ColumnType type = ColumnType.byCode(typeCode);
        if (type == null) {
            throw new IllegalArgumentException("unknown binlog column type code " + typeCode);
        }
        return type;
    }

    /** Whether the server logs a collation for this column in the TABLE_MAP charset metadata. */
    static boolean hasCharset(ColumnType type) {
        switch (type) {
            case STRING:
            case VAR_STRING:
            case VARCHAR:
            case BLOB:
            case TINY_BLOB:
            case MEDIUM_BLOB:
            case LONG_BLOB:
                return true;
            default:
                return false;
        }
    }

    static boolean isEnumOrSet(ColumnType type) {
        return type == ColumnType.ENUM || type == ColumnType.SET;
    }
}
