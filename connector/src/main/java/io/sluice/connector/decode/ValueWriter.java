package io.sluice.connector.decode;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.sluice.connector.decode.CollationCharsets.TextCharset;
import io.sluice.connector.decode.ValueEncoding.BinaryMode;
import io.sluice.connector.decode.ValueEncoding.DecimalMode;
import io.sluice.connector.decode.ValueEncoding.TemporalMode;
import io.sluice.connector.schema.ColumnSchema;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one cell, as {@link BinlogDeserializers} decodes it, as one JSON value. {@code null} is JSON null.
 *
 * <table>
 *   <caption>Values by column type (ISO temporal mode, the default encoding)</caption>
 *   <tr><th>Type</th><th>JSON</th></tr>
 *   <tr><td>TINYINT..BIGINT [UNSIGNED]</td><td>number, exact: {@code 18446744073709551615}</td></tr>
 *   <tr><td>DECIMAL</td><td>STRING {@code "12345.6700"} (scale kept), NUMBER {@code 12345.6700}, or DOUBLE</td></tr>
 *   <tr><td>FLOAT, DOUBLE</td><td>number, shortest form that reads back the same: FLOAT {@code 1.1}</td></tr>
 *   <tr><td>BIT(n)</td><td>bytes, big-endian ({@code b'101'} is {@code "BQ=="})</td></tr>
 *   <tr><td>CHAR, VARCHAR, TEXT</td><td>string, decoded with the column's character set</td></tr>
 *   <tr><td>BINARY, VARBINARY, BLOB</td><td>bytes; BINARY(n) zero-padded to n as the server shows it</td></tr>
 *   <tr><td>ENUM, SET</td><td>string: the label ({@code ""} for index 0), labels joined by {@code ,}</td></tr>
 *   <tr><td>JSON (MySQL)</td><td>string holding the document as compact JSON text, see {@link MysqlJsonText}</td></tr>
 *   <tr><td>DATE</td><td>{@code "2024-02-29"}</td></tr>
 *   <tr><td>TIME(fsp)</td><td>{@code "-838:59:59.000000"}: sign, at least two hour digits, fsp fraction digits</td></tr>
 *   <tr><td>DATETIME(fsp)</td><td>{@code "2024-02-29T13:45:00.120"}: no zone, fsp fraction digits</td></tr>
 *   <tr><td>TIMESTAMP(fsp)</td><td>{@code "2024-02-29T13:45:00.120Z"}: UTC, fsp fraction digits</td></tr>
 *   <tr><td>invalid dates</td><td>as MySQL shows them: {@code "0000-00-00"}, {@code "2024-00-15 10:00:00.0"}</td></tr>
 *   <tr><td>YEAR</td><td>number, {@code 0} for {@code 0000}</td></tr>
 *   <tr><td>GEOMETRY (all kinds)</td><td>{@code {"wkb":"<bytes>","srid":4326}}, Debezium's Geometry struct</td></tr>
 *   <tr><td>VECTOR (MySQL 9)</td><td>array of float numbers</td></tr>
 *   <tr><td>MariaDB INET4, INET6, UUID</td><td>their text ({@code "::ffff:1.2.3.4"}), when the column's
 *       {@linkplain ColumnSchema#declaredType() declared type} says so; else bytes</td></tr>
 * </table>
 *
 * <p>"bytes" is standard base64 with padding, or lower-case hex in {@link BinaryMode#HEX}. The
 * {@link TemporalMode#DEBEZIUM} mode writes what Debezium's MySQL connector writes by default
 * ({@code time.precision.mode=adaptive_time_microseconds}): DATE as days since the epoch, TIME as
 * microseconds, DATETIME(0-3) as epoch milliseconds and DATETIME(4-6) as epoch microseconds (both as if
 * UTC), TIMESTAMP as the ISO string above, YEAR as a number, and null for invalid dates. Debezium
 * differences that remain: DECIMAL's default precise mode (base64 of the unscaled bytes) is not offered,
 * BIGINT UNSIGNED is a plain number, BIT(1) is bytes rather than a boolean, and Debezium writes an epoch
 * default instead of null for invalid dates in NOT NULL columns (the schema carries no nullability).
 *
 * <p>Text in a character set Java lacks is decoded with tables taken from the server; an unknown
 * collation id is decoded as UTF-8. One instance per thread: it reuses its buffers.
 */
public final class ValueWriter {

    private static final int INITIAL_CHARS = 64;
    /** Buffers grown beyond this by one large value are dropped after it, so memory stays flat. */
    private static final int RETAINED_CHARS = 1 << 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int SECONDS_PER_DAY = 86_400;

    private final DecimalMode decimalMode;
    private final boolean debeziumTemporal;
    private final boolean hexBinary;
    private final MysqlJsonText json = new MysqlJsonText();
    private char[] chars = new char[INITIAL_CHARS];
    private StringBuilder text = new StringBuilder(INITIAL_CHARS);

    /** A writer for one thread, using the given encodings. */
    public ValueWriter(ValueEncoding encoding) {
        this.decimalMode = encoding.decimal();
        this.debeziumTemporal = encoding.temporal() == TemporalMode.DEBEZIUM;
        this.hexBinary = encoding.binary() == BinaryMode.HEX;
    }

    /**
     * Writes exactly one JSON value.
     *
     * @param column the column the value belongs to; its type, metadata, signedness, collation and labels
     *               decide the representation
     * @param value  the cell as {@link BinlogDeserializers} decodes it, or null
     * @throws UndecodableValueException if the column type is not supported or the value does not fit it
     * @throws IOException               if the generator fails
     */
    public void write(JsonGenerator g, ColumnSchema column, Serializable value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (column.type()) {
            case TINY:
                writeInteger(g, column, value, 0xFFL);
                break;
            case SHORT:
                writeInteger(g, column, value, 0xFFFFL);
                break;
            case INT24:
                writeInteger(g, column, value, 0xFFFFFFL);
                break;
            case LONG:
                writeInteger(g, column, value, 0xFFFFFFFFL);
                break;
            case LONGLONG:
                writeBigint(g, column, value);
                break;
            case FLOAT:
            case DOUBLE:
                writeFloatingPoint(g, column, value);
                break;
            case NEWDECIMAL:
                writeDecimal(g, column, value);
                break;
            case BIT:
                writeBytes(g, bytes(column, value), 0, ((byte[]) value).length);
                break;
            case DATE:
                writeDate(g, column, value);
                break;
            case TIME:
                writeTime(g, column, value, 0);
                break;
            case TIME_V2:
                writeTime(g, column, value, fsp(column));
                break;
            case DATETIME:
                writeDatetime(g, column, value, 0);
                break;
            case DATETIME_V2:
                writeDatetime(g, column, value, fsp(column));
                break;
            case TIMESTAMP:
                writeTimestamp(g, column, value, 0);
                break;
            case TIMESTAMP_V2:
                writeTimestamp(g, column, value, fsp(column));
                break;
            case YEAR:
                if (!(value instanceof Integer)) {
                    throw unexpected(column, value);
                }
                g.writeNumber((int) (Integer) value);
                break;
            case STRING:
            case VARCHAR:
            case VAR_STRING:
            case BLOB:
            case TINY_BLOB:
            case MEDIUM_BLOB:
            case LONG_BLOB:
                writeString(g, column, value);
                break;
            case ENUM:
                writeEnum(g, column, value);
                break;
            case SET:
                writeSet(g, column, value);
                break;
            case JSON:
                writeJson(g, column, value);
                break;
            case GEOMETRY:
                writeGeometry(g, column, value);
                break;
            case VECTOR:
                writeVector(g, column, value);
                break;
            default:
                throw new UndecodableValueException(column.name(), column.type(),
                        "this column type is not supported (it does not occur in MySQL 5.6+ or MariaDB 10.5+ row events)");
        }
    }

    // ---- numbers

    private static void writeInteger(JsonGenerator g, ColumnSchema column, Serializable value, long unsignedMask)
            throws IOException {
        if (value instanceof Integer) {
            int v = (Integer) value;
            if (column.unsigned()) {
                g.writeNumber(v & unsignedMask);
            } else {
                g.writeNumber(v);
            }
        } else if (value instanceof Long) {
            long v = (Long) value;
            g.writeNumber(column.unsigned() ? v & unsignedMask : v);
        } else {
            throw unexpected(column, value);
        }
    }

    private static void writeBigint(JsonGenerator g, ColumnSchema column, Serializable value) throws IOException {
        if (value instanceof Long) {
            long v = (Long) value;
            if (v < 0 && column.unsigned()) {
                g.writeNumber(Long.toUnsignedString(v));
            } else {
                g.writeNumber(v);
            }
        } else if (value instanceof BigInteger) {
            g.writeNumber((BigInteger) value);
        } else {
            throw unexpected(column, value);
        }
    }

    private static void writeFloatingPoint(JsonGenerator g, ColumnSchema column, Serializable value)
            throws IOException {
        if (value instanceof Float) {
            g.writeNumber((float) (Float) value);
        } else if (value instanceof Double) {
            g.writeNumber((double) (Double) value);
        } else {
            throw unexpected(column, value);
        }
    }

    private void writeDecimal(JsonGenerator g, ColumnSchema column, Serializable value) throws IOException {
        if (!(value instanceof BigDecimal)) {
            throw unexpected(column, value);
        }
        BigDecimal decimal = (BigDecimal) value;
        switch (decimalMode) {
            case NUMBER:
                g.writeNumber(decimal.toPlainString());
                break;
            case DOUBLE:
                g.writeNumber(decimal.doubleValue());
                break;
            default:
                g.writeString(decimal.toPlainString());
        }
    }

    // ---- temporals

    private static int fsp(ColumnSchema column) {
        return Math.max(0, Math.min(6, column.meta()));
    }

    private void writeDate(JsonGenerator g, ColumnSchema column, Serializable value) throws IOException {
        if (value instanceof LocalDate) {
            LocalDate date = (LocalDate) value;
            if (debeziumTemporal) {
                g.writeNumber((int) date.toEpochDay());
            } else {
                int n = appendDate(0, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
                g.writeString(chars, 0, n);
            }
        } else if (value instanceof InvalidDate) {
            InvalidDate date = (InvalidDate) value;
            if (debeziumTemporal) {
                g.writeNull();
            } else {
                g.writeString(chars, 0, appendDate(0, date.year(), date.month(), date.day()));
            }
        } else {
            throw unexpected(column, value);
        }
    }

    private void writeTime(JsonGenerator g, ColumnSchema column, Serializable value, int fsp) throws IOException {
        if (!(value instanceof Duration)) {
            throw unexpected(column, value);
        }
        Duration duration = (Duration) value;
        long micros = duration.getSeconds() * 1_000_000L + duration.getNano() / 1000;
        if (debeziumTemporal) {
            g.writeNumber(micros);
            return;
        }
        int n = 0;
        if (micros < 0) {
            chars[n++] = '-';
            micros = -micros;
        }
        long seconds = micros / 1_000_000;
        n = appendDigits(n, seconds / 3600, 2);
        chars[n++] = ':';
        n = appendDigits(n, seconds / 60 % 60, 2);
        chars[n++] = ':';
        n = appendDigits(n, seconds % 60, 2);
        n = appendFraction(n, (int) (micros % 1_000_000), fsp);
        g.writeString(chars, 0, n);
    }

    private void writeDatetime(JsonGenerator g, ColumnSchema column, Serializable value, int fsp) throws IOException {
        if (value instanceof LocalDateTime) {
            LocalDateTime datetime = (LocalDateTime) value;
            if (debeziumTemporal) {
                long seconds = datetime.toEpochSecond(ZoneOffset.UTC);
                int nanos = datetime.getNano();
                g.writeNumber(fsp <= 3 ? seconds * 1000 + nanos / 1_000_000 : seconds * 1_000_000 + nanos / 1000);
                return;
            }
            int n = appendDate(0, datetime.getYear(), datetime.getMonthValue(), datetime.getDayOfMonth());
            chars[n++] = 'T';
            n = appendClock(n, datetime.getHour(), datetime.getMinute(), datetime.getSecond());
            n = appendFraction(n, datetime.getNano() / 1000, fsp);
            g.writeString(chars, 0, n);
        } else if (value instanceof InvalidDateTime) {
            writeInvalidDatetime(g, (InvalidDateTime) value, fsp);
        } else {
            throw unexpected(column, value);
        }
    }

    private void writeTimestamp(JsonGenerator g, ColumnSchema column, Serializable value, int fsp) throws IOException {
        if (value instanceof Instant) {
            // Debezium's ZonedTimestamp is the same text: UTC, exactly fsp fraction digits.
            Instant instant = (Instant) value;
            long epochSecond = instant.getEpochSecond();
            long days = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
            int secondOfDay = Math.floorMod(epochSecond, SECONDS_PER_DAY);
            int n = appendCivilDate(days);
            chars[n++] = 'T';
            n = appendClock(n, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
            n = appendFraction(n, instant.getNano() / 1000, fsp);
            chars[n++] = 'Z';
            g.writeString(chars, 0, n);
        } else if (value instanceof InvalidDateTime) {
            writeInvalidDatetime(g, (InvalidDateTime) value, fsp);
        } else {
            throw unexpected(column, value);
        }
    }

    private void writeInvalidDatetime(JsonGenerator g, InvalidDateTime value, int fsp) throws IOException {
        if (debeziumTemporal) {
            g.writeNull();
            return;
        }
        int n = appendDate(0, value.year(), value.month(), value.day());
        chars[n++] = ' ';
        n = appendClock(n, value.hour(), value.minute(), value.second());
        n = appendFraction(n, value.micros(), fsp);
        g.writeString(chars, 0, n);
    }

    private int appendDate(int n, int year, int month, int day) {
        if (year < 0) {
            chars[n++] = '-';
            year = -year;
        }
        n = appendDigits(n, year, 4);
        chars[n++] = '-';
        n = appendDigits(n, month, 2);
        chars[n++] = '-';
        return appendDigits(n, day, 2);
    }

    /** The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
    private int appendCivilDate(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        return appendDate(0, year, month, day);
    }

    private int appendClock(int n, int hour, int minute, int second) {
        n = appendDigits(n, hour, 2);
        chars[n++] = ':';
        n = appendDigits(n, minute, 2);
        chars[n++] = ':';
        return appendDigits(n, second, 2);
    }

    /** {@code .} and the first {@code fsp} of the six microsecond digits; nothing for fsp 0. */
    private int appendFraction(int n, int micros, int fsp) {
        if (fsp == 0) {
            return n;
        }
        chars[n++] = '.';
        int divisor = 100_000;
        for (int i = 0; i < fsp; i++) {
            chars[n++] = (char) ('0' + micros / divisor % 10);
            divisor /= 10;
        }
        return n;
    }

    /** A non-negative number with at least {@code width} digits. */
    private int appendDigits(int n, long value, int width) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            chars[n++] = '0';
        }
        for (int i = n + digits - 1; i >= n; i--) {
            chars[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return n + digits;
    }

    // ---- strings and bytes

    private void writeString(JsonGenerator g, ColumnSchema column, Serializable value) throws IOException {
        if (value instanceof String) {
            g.writeString((String) value);
            return;
        }
        byte[] bytes = bytes(column, value);
        TextCharset charset = CollationCharsets.decoder(column.collation());
        if (charset == null) {
            writeUtf8(g, bytes);
            return;
        }
        switch (charset.kind) {
            case TextCharset.UTF8:
                writeUtf8(g, bytes);
                break;
            case TextCharset.SINGLE_BYTE:
                char[] table = charset.table;
                char[] out = chars(bytes.length);
                for (int i = 0; i < bytes.length; i++) {
                    out[i] = table[bytes[i] & 0xFF];
                }
                g.writeString(out, 0, bytes.length);
                releaseChars();
                break;
            case TextCharset.BINARY:
                writeBinaryString(g, column, bytes);
                break;
            default:
                g.writeString(new String(bytes, charset.charset));
        }
    }

    private static void writeUtf8(JsonGenerator g, byte[] bytes) throws IOException {
        // Valid UTF-8 can go to a byte-oriented generator as it is, with no decoding at all.
        if (g instanceof UTF8JsonGenerator && Utf8.isValid(bytes, 0, bytes.length)) {
            g.writeUTF8String(bytes, 0, bytes.length);
        } else {
            g.writeString(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /**
     * A binary string. The binlog drops BINARY(n)'s trailing zero bytes (the pad character of the binary
     * charset, {@code Field_string::pack}); they are put back so the value is what the server stores and shows.
     */
    private void writeBinaryString(JsonGenerator g, ColumnSchema column, byte[] bytes) throws IOException {
        int length = bytes.length;
        if (column.type() == ColumnType.STRING) {
            length = Math.max(length, fixedStringLength(column.meta()));
            String declared = column.declaredType();
            if (declared != null) {
                int n;
                switch (declared) {
                    case "inet6":
                        n = MariaDbBinaryTypes.inet6(bytes, chars(48));
                        break;
                    case "uuid":
                        n = MariaDbBinaryTypes.uuid(bytes, chars(36));
                        break;
                    case "inet4":
                        n = MariaDbBinaryTypes.inet4(bytes, chars(16));
                        break;
                    default:
                        n = -1;
                }
                if (n >= 0) {
                    g.writeString(chars, 0, n);
                    return;
                }
            }
        }
        writeBytes(g, length > bytes.length ? Arrays.copyOf(bytes, length) : bytes, 0, length);
    }

    /** The maximum byte length of a CHAR/BINARY column from its binlog metadata (MySQL log_event.cc). */
    public static int fixedStringLength(int meta) {
        if (meta >= 256) {
            int meta0 = meta >> 8;
            int meta1 = meta & 0xFF;
            if ((meta0 & 0x30) != 0x30) {
                return meta1 | (((meta0 & 0x30) ^ 0x30) << 4);
            }
            return meta1;
        }
        return meta;
    }

    private void writeBytes(JsonGenerator g, byte[] bytes, int offset, int length) throws IOException {
        if (!hexBinary) {
            g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, bytes, offset, length);
            return;
        }
        char[] out = chars(2 * length);
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xFF;
            out[2 * i] = HEX[b >> 4];
            out[2 * i + 1] = HEX[b & 0xF];
        }
        g.writeString(out, 0, 2 * length);
        releaseChars();
    }

    // ---- ENUM, SET, JSON, GEOMETRY, VECTOR

    private static void writeEnum(JsonGenerator g, ColumnSchema column, Serializable value) throws IOException {
        if (!(value instanceof Integer)) {
            throw unexpected(column, value);
        }
        int index = (Integer) value;
        if (index == 0) {
            // The "error value" MySQL stores for an invalid label in non-strict mode.
            g.writeString("");
            return;
        }
        List<String> labels = column.enumValues();
        if (index < 0 || index > labels.size()) {
            throw new UndecodableValueException(column.name(), column.type(), "ENUM index " + index
                    + " but the schema lists " + labels.size() + " labels; the table definition is out of date");
        }
        g.writeString(labels.get(index - 1));
    }

    private void writeSet(JsonGenerator g, ColumnSchema column, Serializable value) throws IOException {
        if (!(value instanceof Long)) {
            throw unexpected(column, value);
        }
        long mask = (Long) value;
        List<String> labels = column.setValues();
        if (labels.size() < 64 && (mask >>> labels.size()) != 0) {
            throw new UndecodableValueException(column.name(), column.type(), "SET bits 0x" + Long.toHexString(mask)
                    + " but the schema lists " + labels.size() + " labels; the table definition is out of date");
        }
        StringBuilder out = text;
        out.setLength(0);
        for (int i = 0; mask != 0; i++, mask >>>= 1) {
            if ((mask & 1) != 0) {
                if (out.length() > 0) {
                    out.append(',');
                }
                out.append(labels.get(i));
            }
        }
        writeText(g);
    }

    private void writeJson(JsonGenerator g, ColumnSchema column, Serializable value) throws IOException {
        if (value instanceof String) {
            g.writeString((String) value);
            return;
        }
        StringBuilder out = text;
        out.setLength(0);
        try {
            json.append(bytes(column, value), out);
        } catch (IllegalArgumentException e) {
            throw new UndecodableValueException(column.name(), column.type(), e.getMessage(), e);
        }
        writeText(g);
    }

    /** SRID as 4 bytes little-endian, then the WKB (MySQL's and MariaDB's internal geometry format). */
    private void writeGeometry(JsonGenerator g, ColumnSchema column, Serializable value) throws IOException {
        byte[] bytes = bytes(column, value);
        if (bytes.length < 4) {
            throw new UndecodableValueException(column.name(), column.type(),
                    "a geometry value of " + bytes.length + " bytes has no SRID");
        }
        long srid = (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF) << 16 | (bytes[3] & 0xFFL) << 24;
        g.writeStartObject();
        g.writeFieldName("wkb");
        writeBytes(g, bytes, 4, bytes.length - 4);
        g.writeNumberField("srid", srid);
        g.writeEndObject();
    }

    /** MySQL 9 VECTOR: float32 values, little-endian. */
    private static void writeVector(JsonGenerator g, ColumnSchema column, Serializable value) throws IOException {
        byte[] bytes = bytes(column, value);
        if (bytes.length % 4 != 0) {
            throw new UndecodableValueException(column.name(), column.type(),
                    "a vector of " + bytes.length + " bytes is not a whole number of floats");
        }
        g.writeStartArray();
        for (int i = 0; i < bytes.length; i += 4) {
            int bits = (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF) << 16 | bytes[i + 3] << 24;
            g.writeNumber(Float.intBitsToFloat(bits));
        }
        g.writeEndArray();
    }

    private void writeText(JsonGenerator g) throws IOException {
        StringBuilder out = text;
        int n = out.length();
        char[] buffer = chars(n);
        out.getChars(0, n, buffer, 0);
        g.writeString(buffer, 0, n);
        releaseChars();
        if (out.capacity() > RETAINED_CHARS) {
            text = new StringBuilder(INITIAL_CHARS);
        }
    }

    // ---- helpers

    private char[] chars(int capacity) {
        if (chars.length < capacity) {
            chars = new char[Math.max(capacity, chars.length * 2)];
        }
        return chars;
    }

    private void releaseChars() {
        if (chars.length > RETAINED_CHARS) {
            chars = new char[INITIAL_CHARS];
        }
    }

    private static byte[] bytes(ColumnSchema column, Serializable value) {
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        throw unexpected(column, value);
    }

    private static UndecodableValueException unexpected(ColumnSchema column, Serializable value) {
        return new UndecodableValueException(column.name(), column.type(), "unexpected value of Java type "
                + value.getClass().getName() + "; decode rows with BinlogDeserializers");
    }
}
