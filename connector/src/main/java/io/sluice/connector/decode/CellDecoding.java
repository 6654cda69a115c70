package io.sluice.connector.decode;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Exact decoding of the binlog cell formats the library gets wrong or lossy: temporal types, DECIMAL,
 * BIT, YEAR and strings. Formats follow MySQL's {@code mysys/my_time.cc}, {@code strings/decimal.cc} and
 * {@code Field_*::pack}; MariaDB writes the same row formats.
 *
 * <p>Results: DATE {@link LocalDate} or {@link InvalidDate}; TIME {@link Duration} (may be negative or
 * above 24 hours, microsecond precision); DATETIME {@link LocalDateTime} or {@link InvalidDateTime};
 * TIMESTAMP {@link Instant} or {@link InvalidDateTime#ZERO}; YEAR {@link Integer} (0 for {@code 0000});
 * DECIMAL {@link BigDecimal} with the column's scale; BIT and strings {@code byte[]} as stored.
 */
final class CellDecoding {

    /** Bytes of a DECIMAL group of 0..9 digits. */
    private static final int[] DIGITS_TO_BYTES = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
    private static final int DIGITS_PER_GROUP = 9;
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L};
    /** Multiplier from the stored fraction to microseconds, by the number of fraction bytes. */
    private static final int[] FRACTION_TO_MICROS = {0, 10_000, 100, 1};

    private static final long TIMEF_INT_OFS = 0x800000L;
    private static final long TIMEF_OFS = 0x800000000000L;
    private static final long DATETIMEF_INT_OFS = 0x8000000000L;

    private CellDecoding() {
    }

    /**
     * Decodes one non-null cell.
     *
     * @param type    the column type, with ENUM/SET/CHAR resolved from STRING's metadata; null if unknown
     * @param meta    the column's TABLE_MAP metadata
     * @param length  for STRING, ENUM and SET: the maximum byte length the metadata gives
     * @param scratch at least 32 bytes, reused between calls by one thread
     */
    static Serializable decode(ColumnType type, int meta, int length, ByteArrayInputStream in, byte[] scratch)
            throws IOException {
        if (type == null) {
            throw new IOException("unknown binlog column type; cannot find where the cell ends");
        }
        switch (type) {
            case TINY:
                return (int) (byte) in.read();
            case SHORT:
                return (int) (short) in.readInteger(2);
            case INT24:
                return (in.readInteger(3) << 8) >> 8;
            case LONG:
                return in.readInteger(4);
            case LONGLONG:
                return in.readLong(8);
            case FLOAT:
                return Float.intBitsToFloat(in.readInteger(4));
            case DOUBLE:
                return Double.longBitsToDouble(in.readLong(8));
            case NEWDECIMAL:
                return decimal(meta, in, scratch);
            case BIT:
                return bit(meta, in);
            case DATE:
                return date(in);
            case TIME:
                return time(in);
            case TIME_V2:
                return timeV2(meta, in);
            case DATETIME:
                return datetime(in);
            case DATETIME_V2:
                return datetimeV2(meta, in);
            case TIMESTAMP:
                return timestamp(in);
            case TIMESTAMP_V2:
                return timestampV2(meta, in);
            case YEAR:
                return year(in);
            case STRING:
                return fixedString(length, in);
            case VARCHAR:
            case VAR_STRING:
                return varString(meta, in);
            case ENUM:
                return in.readInteger(length);
            case SET:
                return in.readLong(length);
            case BLOB:
            case TINY_BLOB:
            case MEDIUM_BLOB:
            case LONG_BLOB:
            case JSON:
            case GEOMETRY:
            case VECTOR:
                return in.read(in.readInteger(meta));
            default:
                throw new IOException("binlog column type " + type + " has no row format this decoder knows");
        }
    }

    /** DATE: 3 bytes little-endian, day in bits 0-4, month in 5-8, year above. */
    static Serializable date(ByteArrayInputStream in) throws IOException {
        int value = in.readInteger(3);
        return date(value >>> 9, (value >>> 5) & 0x0F, value & 0x1F);
    }

    static Serializable date(int year, int month, int day) {
        if (isCalendarDate(year, month, day)) {
            return LocalDate.of(year, month, day);
        }
        return year == 0 && month == 0 && day == 0 ? InvalidDate.ZERO : new InvalidDate(year, month, day);
    }

    /** TIME before MySQL 5.6.4: 3 bytes little-endian signed, the decimal digits HHMMSS. */
    static Duration time(ByteArrayInputStream in) throws IOException {
        int value = (in.readInteger(3) << 8) >> 8;
        boolean negative = value < 0;
        int magnitude = Math.abs(value);
        long seconds = (magnitude / 10000) * 3600L + (magnitude / 100 % 100) * 60L + magnitude % 100;
        return Duration.ofSeconds(negative ? -seconds : seconds);
    }

    /**
     * TIME(fsp) since MySQL 5.6.4: 3 bytes big-endian {@code 0x800000 + (hour << 12 | minute << 6 | second)}
     * with the sign in the offset, then 0-3 fraction bytes. Negative values store the fraction so that the
     * bytes sort, which {@code my_time_packed_from_binary} undoes; this mirrors it.
     */
    static Duration timeV2(int fsp, ByteArrayInputStream in) throws IOException {
        long packed;
        switch (fsp) {
            case 1:
            case 2: {
                long intPart = bigEndian(in, 3) - TIMEF_INT_OFS;
                int frac = in.read();
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x100;
                }
                packed = (intPart << 24) + frac * 10_000L;
                break;
            }
            case 3:
            case 4: {
                long intPart = bigEndian(in, 3) - TIMEF_INT_OFS;
                int frac = (int) bigEndian(in, 2);
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x10000;
                }
                packed = (intPart << 24) + frac * 100L;
                break;
            }
            case 5:
            case 6:
                packed = bigEndian(in, 6) - TIMEF_OFS;
                break;
            default:
                packed = (bigEndian(in, 3) - TIMEF_INT_OFS) << 24;
        }
        boolean negative = packed < 0;
        long magnitude = Math.abs(packed);
        long hms = magnitude >> 24;
        long micros = magnitude & 0xFFFFFF;
        long seconds = ((hms >> 12) & 0x3FF) * 3600 + ((hms >> 6) & 0x3F) * 60 + (hms & 0x3F);
        long total = seconds * 1_000_000 + micros;
        return Duration.ofNanos((negative ? -total : total) * 1000);
    }

    /** DATETIME before MySQL 5.6.4: 8 bytes little-endian, the decimal digits YYYYMMDDhhmmss. */
    static Serializable datetime(ByteArrayInputStream in) throws IOException {
        long value = in.readLong(8);
        int date = (int) (value / 1_000_000);
        int time = (int) (value % 1_000_000);
        return datetime(date / 10000, date / 100 % 100, date % 100, time / 10000, time / 100 % 100, time % 100, 0);
    }

    /**
     * DATETIME(fsp) since MySQL 5.6.4: 5 bytes big-endian {@code 0x8000000000 + packed}, packed being
     * {@code ((year * 13 + month) << 5 | day) << 17 | hour << 12 | minute << 6 | second}, then the fraction.
     */
    static Serializable datetimeV2(int fsp, ByteArrayInputStream in) throws IOException {
        long packed = bigEndian(in, 5) - DATETIMEF_INT_OFS;
        int micros = fraction(fsp, in);
        long ymd = packed >> 17;
        int yearMonth = (int) (ymd >> 5);
        int hms = (int) (packed & 0x1FFFF);
        return datetime(yearMonth / 13, yearMonth % 13, (int) (ymd & 0x1F),
                hms >> 12, (hms >> 6) & 0x3F, hms & 0x3F, micros);
    }

    static Serializable datetime(int year, int month, int day, int hour, int minute, int second, int micros) {
        if (isCalendarDate(year, month, day) && hour < 24 && minute < 60 && second < 60) {
            return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
        }
        if ((year | month | day | hour | minute | second | micros) == 0) {
            return InvalidDateTime.ZERO;
        }
        return new InvalidDateTime(year, month, day, hour, minute, second, micros);
    }

    /** TIMESTAMP before MySQL 5.6.4: 4 bytes little-endian seconds since the epoch; 0 is the zero value. */
    static Serializable timestamp(ByteArrayInputStream in) throws IOException {
        return timestamp(in.readLong(4), 0);
    }

    /** TIMESTAMP(fsp) since MySQL 5.6.4: 4 bytes big-endian seconds since the epoch, then the fraction. */
    static Serializable timestampV2(int fsp, ByteArrayInputStream in) throws IOException {
        long seconds = bigEndian(in, 4);
        return timestamp(seconds, fraction(fsp, in));
    }

    private static Serializable timestamp(long seconds, int micros) {
        // '1970-01-01 00:00:00' UTC is outside TIMESTAMP's range, so second 0 can only be the zero value.
        if (seconds == 0 && micros == 0) {
            return InvalidDateTime.ZERO;
        }
        return Instant.ofEpochSecond(seconds, micros * 1000L);
    }

    /** YEAR: one byte, years since 1900, with 0 meaning {@code 0000}. */
    static Integer year(ByteArrayInputStream in) throws IOException {
        int value = in.read();
        return value == 0 ? 0 : 1900 + value;
    }

    /** BIT(n): the (n + 7) / 8 stored bytes, big-endian as {@code HEX(col)} shows them. */
    static byte[] bit(int meta, ByteArrayInputStream in) throws IOException {
        int bytes = (meta >> 8) + ((meta & 0xFF) != 0 ? 1 : 0);
        return in.read(bytes);
    }

    /** CHAR/BINARY: 1 or 2 length bytes (by the column's maximum byte length), then the bytes. */
    static byte[] fixedString(int maxLength, ByteArrayInputStream in) throws IOException {
        int length = maxLength < 256 ? in.read() : in.readInteger(2);
        return in.read(length);
    }

    /** VARCHAR/VARBINARY: 1 or 2 length bytes (by the metadata, the maximum byte length), then the bytes. */
    static byte[] varString(int meta, ByteArrayInputStream in) throws IOException {
        int length = meta < 256 ? in.read() : in.readInteger(2);
        return in.read(length);
    }

    /**
     * DECIMAL(precision, scale) in MySQL's binary format: groups of nine digits in four big-endian bytes
     * (a shorter group first for the integer part and last for the fraction), the first bit inverted as a
     * sign, and every byte inverted for negative numbers.
     *
     * @param meta    precision in the low byte, scale in the high byte
     * @param scratch at least 32 bytes, reused between calls
     */
    static BigDecimal decimal(int meta, ByteArrayInputStream in, byte[] scratch) throws IOException {
        int precision = meta & 0xFF;
        int scale = meta >> 8;
        int integerDigits = precision - scale;
        int leadDigits = integerDigits % DIGITS_PER_GROUP;
        int integerGroups = integerDigits / DIGITS_PER_GROUP;
        int fractionGroups = scale / DIGITS_PER_GROUP;
        int trailDigits = scale % DIGITS_PER_GROUP;
        int length = DIGITS_TO_BYTES[leadDigits] + integerGroups * 4 + fractionGroups * 4 + DIGITS_TO_BYTES[trailDigits];
        in.fill(scratch, 0, length);
        return decimal(scratch, 0, precision, scale);
    }

    /** Decodes a binary DECIMAL at {@code bytes[offset]}; leaves the bytes unchanged. */
    static BigDecimal decimal(byte[] bytes, int offset, int precision, int scale) {
        int integerDigits = precision - scale;
        int leadDigits = integerDigits % DIGITS_PER_GROUP;
        int integerGroups = integerDigits / DIGITS_PER_GROUP;
        int fractionGroups = scale / DIGITS_PER_GROUP;
        int trailDigits = scale % DIGITS_PER_GROUP;
        boolean negative = (bytes[offset] & 0x80) == 0;
        int mask = negative ? 0xFF : 0;
        int pos = offset;

        if (precision <= 18) {
            long unscaled = 0;
            int size = DIGITS_TO_BYTES[leadDigits];
            if (size > 0) {
                unscaled = group(bytes, pos, size, mask, true);
                pos += size;
            }
            for (int i = 0; i < integerGroups + fractionGroups; i++, pos += 4) {
                unscaled = unscaled * 1_000_000_000L + group(bytes, pos, 4, mask, pos == offset);
            }
            size = DIGITS_TO_BYTES[trailDigits];
            if (size > 0) {
                unscaled = unscaled * POWERS_OF_TEN[trailDigits] + group(bytes, pos, size, mask, pos == offset);
            }
            return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
        }

        char[] digits = new char[precision + 3];
        int n = 0;
        if (negative) {
            digits[n++] = '-';
        }
        int size = DIGITS_TO_BYTES[leadDigits];
        if (size > 0) {
            n = appendDigits(digits, n, group(bytes, pos, size, mask, true), leadDigits);
            pos += size;
        }
        for (int i = 0; i < integerGroups; i++, pos += 4) {
            n = appendDigits(digits, n, group(bytes, pos, 4, mask, pos == offset), DIGITS_PER_GROUP);
        }
        if (integerDigits == 0) {
            digits[n++] = '0';
        }
        if (scale > 0) {
            digits[n++] = '.';
            for (int i = 0; i < fractionGroups; i++, pos += 4) {
                n = appendDigits(digits, n, group(bytes, pos, 4, mask, pos == offset), DIGITS_PER_GROUP);
            }
            size = DIGITS_TO_BYTES[trailDigits];
            if (size > 0) {
                n = appendDigits(digits, n, group(bytes, pos, size, mask, pos == offset), trailDigits);
            }
        }
        return new BigDecimal(digits, 0, n);
    }

    /** One big-endian group, un-inverted; the very first byte of the number also carries the sign bit. */
    private static long group(byte[] bytes, int pos, int size, int mask, boolean first) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            int b = (bytes[pos + i] ^ mask) & 0xFF;
            if (first && i == 0) {
                b ^= 0x80;
            }
            value = (value << 8) | b;
        }
        return value;
    }

    private static int appendDigits(char[] digits, int n, long value, int count) {
        for (int i = n + count - 1; i >= n; i--) {
            digits[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return n + count;
    }

    /** The fraction after a TIME2/DATETIME2/TIMESTAMP2 value, in microseconds. */
    private static int fraction(int fsp, ByteArrayInputStream in) throws IOException {
        int length = (fsp + 1) / 2;
        if (length <= 0) {
            return 0;
        }
        return (int) bigEndian(in, length) * FRACTION_TO_MICROS[length];
    }

    private static long bigEndian(ByteArrayInputStream in, int length) throws IOException {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | in.read();
        }
        return value;
    }

    static boolean isCalendarDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && (day <= 28 || day <= lengthOfMonth(year, month));
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }
}
