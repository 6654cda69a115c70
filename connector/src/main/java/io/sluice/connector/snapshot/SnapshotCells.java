package io.sluice.connector.snapshot;

import io.sluice.connector.schema.ColumnSchema;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * For each column type, what to SELECT and how to turn the bytes the server sends into the cell the
 * binlog decoding produces for the same value ({@code decode.CellDecoding}), so that
 * {@code decode.ValueWriter} writes both identically. The session must send results unconverted
 * ({@code character_set_results = NULL}) and read temporals in UTC ({@code time_zone = '+00:00'}); see
 * {@link ChunkReader}.
 *
 * <table>
 *   <caption>Per type: what is selected, what the cell is</caption>
 *   <tr><td>integers</td><td>the column; {@link Integer} (BIGINT: {@link Long}) holding the bits the binlog
 *       holds, so an UNSIGNED value above the signed range is negative, as in the binlog</td></tr>
 *   <tr><td>FLOAT</td><td>{@code col + 0E0}: the exact double of the float, since servers print FLOAT
 *       with too few digits; {@link Float}</td></tr>
 *   <tr><td>DOUBLE, DECIMAL, YEAR</td><td>the column; {@link Double}, {@link BigDecimal} with the column's
 *       scale, {@link Integer}</td></tr>
 *   <tr><td>temporals</td><td>the column's text, see {@link TemporalText}</td></tr>
 *   <tr><td>strings, BIT, GEOMETRY, MariaDB JSON</td><td>the stored bytes; BINARY(n) without its trailing
 *       zero bytes, which the binlog drops</td></tr>
 *   <tr><td>ENUM, SET</td><td>{@code col + 0}: the index ({@link Integer}) or bitmask ({@link Long})</td></tr>
 *   <tr><td>MySQL JSON</td><td>the document's text, compact ({@link CompactJson}), as a {@link String},
 *       which the value writer takes as the finished text of the binary document</td></tr>
 *   <tr><td>MariaDB INET4, INET6, UUID</td><td>{@code INET6_ATON(col)} / the hex digits of the UUID: the
 *       bytes the binlog logs for them (as BINARY(4/16))</td></tr>
 * </table>
 */
final class SnapshotCells {

    private SnapshotCells() {
    }

    /** The SELECT expression for a column, whose result bytes {@link #decode} turns into the cell. */
    static String selectExpression(ColumnSchema column) {
        String name = KeysetQuery.quote(column.name());
        String declared = column.declaredType();
        if (declared != null && column.isBinary()) {
            switch (declared) {
                case "inet6":
                case "inet4":
                    return "INET6_ATON(" + name + ")";
                case "uuid":
                    return "UNHEX(REPLACE(" + name + ", '-', ''))";
                default:
                    break;
            }
        }
        switch (column.type()) {
            case FLOAT:
                return "(" + name + " + 0E0)";
            case ENUM:
            case SET:
                return "(" + name + " + 0)";
            default:
                return name;
        }
    }

    /**
     * The cell for the bytes the server sent for {@link #selectExpression}, or {@code null} for SQL NULL.
     *
     * @throws IllegalArgumentException if the column type cannot occur in a row, naming the column
     */
    static Serializable decode(ColumnSchema column, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        switch (column.type()) {
            case TINY:
                return (int) (byte) Long.parseLong(ascii(bytes));
            case SHORT:
                return (int) (short) Long.parseLong(ascii(bytes));
            case INT24:
                return ((int) Long.parseLong(ascii(bytes)) << 8) >> 8;
            case LONG:
                return (int) Long.parseLong(ascii(bytes));
            case LONGLONG:
                return column.unsigned() ? Long.parseUnsignedLong(ascii(bytes)) : Long.parseLong(ascii(bytes));
            case FLOAT:
                return (float) Double.parseDouble(ascii(bytes));
            case DOUBLE:
                return Double.parseDouble(ascii(bytes));
            case NEWDECIMAL:
                return new BigDecimal(ascii(bytes));
            case YEAR:
                return Integer.parseInt(ascii(bytes));
            case DATE:
                return TemporalText.date(ascii(bytes));
            case TIME:
            case TIME_V2:
                return TemporalText.time(ascii(bytes));
            case DATETIME:
            case DATETIME_V2:
                return TemporalText.datetime(ascii(bytes));
            case TIMESTAMP:
            case TIMESTAMP_V2:
                return TemporalText.timestamp(ascii(bytes));
            case ENUM:
                return Integer.parseInt(ascii(bytes));
            case SET:
                return Long.parseUnsignedLong(ascii(bytes));
            case STRING:
                return column.isBinary() ? withoutTrailingZeros(bytes) : bytes;
            case VARCHAR:
            case VAR_STRING:
            case BLOB:
            case TINY_BLOB:
            case MEDIUM_BLOB:
            case LONG_BLOB:
            case BIT:
            case GEOMETRY:
            case VECTOR:
                return bytes;
            case JSON:
                return CompactJson.of(new String(bytes, StandardCharsets.UTF_8));
            default:
                throw new IllegalArgumentException("column " + column.name() + " has type " + column.type()
                        + ", which a snapshot cannot read (it does not occur in MySQL 5.6+ or MariaDB 10.5+ tables)");
        }
    }

    /** {@code Field_string::pack} logs BINARY(n) without the zero bytes that pad it. */
    private static byte[] withoutTrailingZeros(byte[] bytes) {
        int length = bytes.length;
        while (length > 0 && bytes[length - 1] == 0) {
            length--;
        }
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
