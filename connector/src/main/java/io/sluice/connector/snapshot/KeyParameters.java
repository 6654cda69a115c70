package io.sluice.connector.snapshot;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.sluice.connector.decode.CollationCharsets;
import io.sluice.connector.decode.ValueWriter;
import io.sluice.connector.schema.ColumnSchema;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Binds a key cell (as {@link SnapshotCells} and the binlog decoding produce it) as the parameter of a
 * keyset comparison, so that the server compares it with the column exactly as {@code ORDER BY} orders
 * the column: numbers as exact numbers (never through a double), ENUM and SET by index and bitmask,
 * BIT as the unsigned number, text decoded from the column's character set and sent as a string
 * literal (so the column's collation decides), binary strings as bytes padded as stored, temporals as
 * text cast to the column's type. Casting zero and invalid dates needs the reader's lenient
 * {@code sql_mode} (see {@link ChunkReader}); a strict one would turn them into NULL, and the
 * comparison would end the table early.
 */
final class KeyParameters {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private KeyParameters() {
    }

    /** The placeholder for the column's value in the key comparison {@code k1 > ? OR (k1 = ? AND k2 > ?)}. */
    static String placeholder(ColumnSchema column) {
        String declared = column.isBinary() ? column.declaredType() : null;
        if ("inet6".equals(declared) || "inet4".equals(declared)) {
            return "INET6_NTOA(?)";
        }
        switch (column.type()) {
            case TINY:
            case SHORT:
            case INT24:
            case LONG:
            case LONGLONG:
                return column.unsigned() ? "CAST(? AS UNSIGNED)" : "CAST(? AS SIGNED)";
            case BIT:
                return "CAST(? AS UNSIGNED)";
            case NEWDECIMAL:
                return "CAST(? AS DECIMAL(" + (column.meta() & 0xFF) + ", " + (column.meta() >> 8) + "))";
            // A string is not always converted to the column's temporal type (a row comparison compares
            // '-838:59:59' and '-01:00:00' as text), so the parameter is cast.
            case DATE:
                return "CAST(? AS DATE)";
            case TIME:
            case TIME_V2:
                return "CAST(? AS TIME(6))";
            case DATETIME:
            case DATETIME_V2:
            case TIMESTAMP:
            case TIMESTAMP_V2:
                return "CAST(? AS DATETIME(6))";
            default:
                return "?";
        }
    }

    /**
     * Binds one key cell.
     *
     * @throws IllegalArgumentException if the column cannot be part of a snapshot key, naming it
     */
    static void bind(PreparedStatement statement, int index, ColumnSchema column, Serializable cell)
            throws SQLException {
        if (cell == null) {
            throw new IllegalArgumentException("key column " + column.name() + " is NULL; a snapshot key must be a"
                    + " primary key or a unique index over NOT NULL columns");
        }
        switch (column.type()) {
            case TINY:
                statement.setString(index, Long.toString(integer(column, cell, 0xFFL)));
                break;
            case SHORT:
                statement.setString(index, Long.toString(integer(column, cell, 0xFFFFL)));
                break;
            case INT24:
                statement.setString(index, Long.toString(integer(column, cell, 0xFFFFFFL)));
                break;
            case LONG:
                statement.setString(index, Long.toString(integer(column, cell, 0xFFFFFFFFL)));
                break;
            case LONGLONG:
                long value = (Long) cell;
                statement.setString(index, column.unsigned() ? Long.toUnsignedString(value) : Long.toString(value));
                break;
            case YEAR:
            case ENUM:
                statement.setLong(index, ((Number) cell).longValue());
                break;
            case SET:
                statement.setBigDecimal(index, new BigDecimal(Long.toUnsignedString((Long) cell)));
                break;
            case FLOAT:
            case DOUBLE:
                statement.setDouble(index, ((Number) cell).doubleValue());
                break;
            case NEWDECIMAL:
                statement.setString(index, ((BigDecimal) cell).toPlainString());
                break;
            case BIT:
                statement.setString(index, Long.toUnsignedString(bitValue((byte[]) cell)));
                break;
            case DATE:
                statement.setString(index, TemporalText.dateText(cell));
                break;
            case TIME:
            case TIME_V2:
                statement.setString(index, TemporalText.timeText((Duration) cell));
                break;
            case DATETIME:
            case DATETIME_V2:
            case TIMESTAMP:
            case TIMESTAMP_V2:
                statement.setString(index, TemporalText.datetimeText(cell));
                break;
            case STRING:
            case VARCHAR:
            case VAR_STRING:
            case BLOB:
            case TINY_BLOB:
            case MEDIUM_BLOB:
            case LONG_BLOB:
                bindString(statement, index, column, (byte[]) cell);
                break;
            default:
                throw new IllegalArgumentException("key column " + column.name() + " has type " + column.type()
                        + ", which cannot order a snapshot; give the table a primary key of other columns");
        }
    }

    private static void bindString(PreparedStatement statement, int index, ColumnSchema column, byte[] bytes)
            throws SQLException {
        if (column.isBinary()) {
            if (column.type() == ColumnType.STRING) {
                // BINARY(n) values are stored zero-padded; compare with the stored value, not the logged one.
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length, ValueWriter.fixedStringLength(column.meta())));
            }
            if ("uuid".equals(column.declaredType())) {
                statement.setString(index, uuidText(bytes));
            } else {
                statement.setBytes(index, bytes);
            }
            return;
        }
        Charset charset = CollationCharsets.javaCharset(column.collation());
        if (charset == null) {
            throw new IllegalArgumentException("key column " + column.name() + " is in character set "
                    + CollationCharsets.charsetName(column.collation()) + ", which Java cannot decode to compare"
                    + " keys; snapshot this table after converting the column to a character set Java knows");
        }
        statement.setString(index, new String(bytes, charset));
    }

    /** A MariaDB UUID as text: the logged bytes are the text's hex digits in order. */
    private static String uuidText(byte[] bytes) {
        StringBuilder text = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                text.append('-');
            }
            text.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
        }
        return text.toString();
    }

    private static long integer(ColumnSchema column, Serializable cell, long unsignedMask) {
        long value = ((Number) cell).longValue();
        return column.unsigned() ? value & unsignedMask : value;
    }

    private static long bitValue(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }
}
