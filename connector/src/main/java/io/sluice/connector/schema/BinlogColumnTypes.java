package io.sluice.connector.schema;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;

import java.util.List;

/**
 * The binlog type and metadata a column of a declared SQL type is logged with (MySQL
 * {@code Field::do_save_field_metadata}), so a schema read from the information schema equals the one a
 * TABLE_MAP event with FULL metadata gives. The snapshot parity tests hold the two to each other.
 */
final class BinlogColumnTypes {

    private BinlogColumnTypes() {
    }

    /**
     * @param i   the column's position
     * @param row COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, CHARACTER_OCTET_LENGTH, NUMERIC_PRECISION,
     *            NUMERIC_SCALE, DATETIME_PRECISION and the collation id, as text
     * @throws IllegalArgumentException for a type Sluice does not know, naming column and type
     */
    static ColumnSchema column(int i, String[] row) {
        String name = row[0];
        String dataType = row[1].toLowerCase();
        String columnType = row[2].toLowerCase();
        int octets = row[3] == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(row[3]));
        int precision = row[4] == null ? 0 : Integer.parseInt(row[4]);
        int scale = row[5] == null ? 0 : Integer.parseInt(row[5]);
        int fsp = row[6] == null ? 0 : Integer.parseInt(row[6]);
        Integer collationId = row[7] == null ? null : Integer.valueOf(row[7]);
        boolean unsigned = columnType.contains("unsigned");
        ColumnType type;
        int meta = 0;
        List<String> enumValues = List.of();
        List<String> setValues = List.of();
        int geometryType = 0;
        switch (dataType) {
            case "tinyint" -> type = ColumnType.TINY;
            case "smallint" -> type = ColumnType.SHORT;
            case "mediumint" -> type = ColumnType.INT24;
            case "int", "integer" -> type = ColumnType.LONG;
            case "bigint" -> type = ColumnType.LONGLONG;
            case "float" -> {
                type = ColumnType.FLOAT;
                meta = 4;
            }
            case "double", "double precision", "real" -> {
                type = ColumnType.DOUBLE;
                meta = 8;
            }
            case "decimal", "numeric" -> {
                type = ColumnType.NEWDECIMAL;
                meta = scale << 8 | precision;
            }
            case "bit" -> {
                type = ColumnType.BIT;
                meta = (precision / 8) << 8 | (precision % 8);
            }
            case "date" -> type = ColumnType.DATE;
            case "time" -> {
                type = ColumnType.TIME_V2;
                meta = fsp;
            }
            case "datetime" -> {
                type = ColumnType.DATETIME_V2;
                meta = fsp;
            }
            case "timestamp" -> {
                type = ColumnType.TIMESTAMP_V2;
                meta = fsp;
            }
            case "year" -> {
                type = ColumnType.YEAR;
                unsigned = true; // the binlog's signedness bits count YEAR as an unsigned number
            }
            case "char", "binary" -> {
                type = ColumnType.STRING;
                meta = fixedStringMeta(ColumnType.STRING.getCode(), octets);
            }
            case "inet4" -> {
                type = ColumnType.STRING;
                meta = fixedStringMeta(ColumnType.STRING.getCode(), 4);
                collationId = ColumnSchema.BINARY_COLLATION;
            }
            case "inet6", "uuid" -> {
                type = ColumnType.STRING;
                meta = fixedStringMeta(ColumnType.STRING.getCode(), 16);
                collationId = ColumnSchema.BINARY_COLLATION;
            }
            case "varchar", "varbinary" -> {
                type = ColumnType.VARCHAR;
                meta = octets;
            }
            case "tinytext", "tinyblob" -> {
                type = ColumnType.BLOB;
                meta = 1;
            }
            case "text", "blob" -> {
                type = ColumnType.BLOB;
                meta = 2;
            }
            case "mediumtext", "mediumblob" -> {
                type = ColumnType.BLOB;
                meta = 3;
            }
            case "longtext", "longblob" -> {
                type = ColumnType.BLOB;
                meta = 4;
            }
            case "json" -> {
                type = ColumnType.JSON;
                meta = 4;
            }
            case "enum" -> {
                type = ColumnType.ENUM;
                enumValues = InformationSchemaSchemas.parseValues(row[2]);
                meta = ColumnType.ENUM.getCode() << 8 | (enumValues.size() > 255 ? 2 : 1);
            }
            case "set" -> {
                type = ColumnType.SET;
                setValues = InformationSchemaSchemas.parseValues(row[2]);
                int bytes = (setValues.size() + 7) / 8;
                meta = ColumnType.SET.getCode() << 8 | (bytes > 4 ? 8 : bytes);
            }
            case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                    "geometrycollection", "geomcollection" -> {
                type = ColumnType.GEOMETRY;
                meta = 4;
                geometryType = geometryCode(dataType);
            }
            default -> throw new IllegalArgumentException("column " + name + " has type " + row[2]
                    + ", which Sluice cannot read in a snapshot");
        }
        int collation = ColumnSchema.NO_COLLATION;
        if (ColumnTypes.hasCharset(type) || type == ColumnType.ENUM || type == ColumnType.SET) {
            collation = collationId != null ? collationId : ColumnSchema.BINARY_COLLATION;
        }
        return new ColumnSchema(i, name, type, meta, unsigned, collation, enumValues, setValues, geometryType, null);
    }

    /** CHAR/BINARY: the real type in the high byte, the byte length's low 8 bits below, its bits 8-9 folded in. */
    private static int fixedStringMeta(int realType, int length) {
        int meta0 = realType ^ ((length & 0x300) >> 4);
        return meta0 << 8 | (length & 0xFF);
    }

    private static int geometryCode(String dataType) {
        return switch (dataType) {
            case "point" -> 1;
            case "linestring" -> 2;
            case "polygon" -> 3;
            case "multipoint" -> 4;
            case "multilinestring" -> 5;
            case "multipolygon" -> 6;
            case "geometrycollection", "geomcollection" -> 7;
            default -> 0;
        };
    }
}
