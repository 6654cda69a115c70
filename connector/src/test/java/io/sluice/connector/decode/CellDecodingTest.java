package io.sluice.connector.decode;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Binlog cell formats, fed as bytes. Expected bytes are either literal vectors worked out from MySQL's
 * storage formats or produced by {@link MysqlPacking}, a transcription of MySQL's own packing functions.
 */
class CellDecodingTest {

    private static Serializable decode(ColumnType type, int meta, String hex) throws IOException {
        return decode(type, meta, 0, HexFormat.of().parseHex(hex));
    }

    private static Serializable decode(ColumnType type, int meta, int length, byte[] bytes) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        Serializable value = CellDecoding.decode(type, meta, length, in, new byte[32]);
        assertEquals(0, in.available(), "every byte of the cell is consumed");
        return value;
    }

    // ---- integers and floating point: as the server stores them, signed

    @Test
    void integersAreLittleEndianAndSigned() throws IOException {
        assertEquals(-1, decode(ColumnType.TINY, 0, "ff"));
        assertEquals(-32768, decode(ColumnType.SHORT, 0, "0080"));
        assertEquals(-8388608, decode(ColumnType.INT24, 0, "000080"));
        assertEquals(8388607, decode(ColumnType.INT24, 0, "ffff7f"));
        assertEquals(Integer.MIN_VALUE, decode(ColumnType.LONG, 0, "00000080"));
        assertEquals(-1L, decode(ColumnType.LONGLONG, 0, "ffffffffffffffff"));
    }

    @Test
    void floatsKeepTheirBits() throws IOException {
        assertEquals(1.1f, decode(ColumnType.FLOAT, 4, "cdcc8c3f"));
        assertEquals(Math.PI, decode(ColumnType.DOUBLE, 8, "182d4454fb210940"));
    }

    // ---- DECIMAL

    @Test
    void decimalKeepsScale() throws IOException {
        // DECIMAL(10,4) 12345.6700: integer part 6 digits (3 bytes), fraction 4 digits (2 bytes).
        assertEquals(new BigDecimal("12345.6700"), decode(ColumnType.NEWDECIMAL, 4 << 8 | 10, "803039" + "1a2c"));
        assertEquals("12345.6700", ((BigDecimal) decode(ColumnType.NEWDECIMAL, 4 << 8 | 10, "803039" + "1a2c")).toPlainString());
    }

    @Test
    void negativeDecimalInvertsEveryByte() throws IOException {
        // DECIMAL(10,4) -0.0001
        assertEquals(new BigDecimal("-0.0001"), decode(ColumnType.NEWDECIMAL, 4 << 8 | 10, "7fffff" + "fffe"));
    }

    @Test
    void decimalOfSixtyFiveDigits() throws IOException {
        String[] values = {
            "12345678901234567890123456789012345.123456789012345678901234567891",
            "-99999999999999999999999999999999999.999999999999999999999999999999",
            "0.000000000000000000000000000000",
            "-0.000000000000000000000000000001",
        };
        for (String value : values) {
            byte[] bytes = MysqlPacking.decimal(new BigDecimal(value), 65, 30);
            assertEquals(30, bytes.length);
            BigDecimal decoded = (BigDecimal) decode(ColumnType.NEWDECIMAL, 30 << 8 | 65, 0, bytes);
            assertEquals(value, decoded.toPlainString());
        }
    }

    @Test
    void decimalShapes() throws IOException {
        Object[][] cases = {
            {"0.12345", 5, 5}, {"-0.00001", 5, 5}, {"999999999999999999", 18, 0}, {"-1", 18, 0},
            {"-12345678901234567.89", 19, 2}, {"123456789", 9, 0}, {"1234567890", 10, 0}, {"0.1", 1, 1},
            {"7", 1, 0}, {"-123456789.123456789", 18, 9}, {"12345678901234567890.12", 22, 2},
            {"-99999999999999999999999999999.999999999999999999999999999999999999", 65, 36},
        };
        for (Object[] c : cases) {
            BigDecimal value = new BigDecimal((String) c[0]);
            int precision = (Integer) c[1];
            int scale = (Integer) c[2];
            BigDecimal decoded = (BigDecimal) decode(ColumnType.NEWDECIMAL, scale << 8 | precision, 0,
                    MysqlPacking.decimal(value, precision, scale));
            assertEquals(c[0], decoded.toPlainString(), "DECIMAL(" + precision + "," + scale + ")");
        }
    }

    // ---- DATE

    @Test
    void dates() throws IOException {
        assertEquals(LocalDate.of(2024, 2, 29), decode(ColumnType.DATE, 0, MysqlPacking.date(2024, 2, 29)));
        assertEquals(LocalDate.of(1000, 1, 1), decode(ColumnType.DATE, 0, MysqlPacking.date(1000, 1, 1)));
        assertEquals(LocalDate.of(9999, 12, 31), decode(ColumnType.DATE, 0, MysqlPacking.date(9999, 12, 31)));
    }

    @Test
    void zeroAndInvalidDatesAreKeptAsStored() throws IOException {
        assertEquals(InvalidDate.ZERO, decode(ColumnType.DATE, 0, "000000"));
        assertEquals(new InvalidDate(2024, 0, 15), decode(ColumnType.DATE, 0, MysqlPacking.date(2024, 0, 15)));
        assertEquals(new InvalidDate(2024, 2, 0), decode(ColumnType.DATE, 0, MysqlPacking.date(2024, 2, 0)));
        assertEquals(new InvalidDate(2023, 2, 29), decode(ColumnType.DATE, 0, MysqlPacking.date(2023, 2, 29)));
        assertEquals(new InvalidDate(2024, 4, 31), decode(ColumnType.DATE, 0, MysqlPacking.date(2024, 4, 31)));
    }

    private static Serializable decode(ColumnType type, int meta, byte[] bytes) throws IOException {
        return decode(type, meta, 0, bytes);
    }

    // ---- TIME

    @Test
    void timeLiteralVectors() throws IOException {
        assertEquals(Duration.ZERO, decode(ColumnType.TIME_V2, 0, "800000"));
        assertEquals(Duration.ofSeconds(-1), decode(ColumnType.TIME_V2, 0, "7fffff"));
        assertEquals(hms(838, 59, 59), decode(ColumnType.TIME_V2, 0, "b46efb"));
        assertEquals(hms(838, 59, 59).negated(), decode(ColumnType.TIME_V2, 6, "4b9105000000"));
    }

    @Test
    void negativeTimeWithFractionAtEveryPrecision() throws IOException {
        // -00:00:01.5, -12:34:56.000001 and friends: negative values store their fraction reversed.
        long[][] cases = {
            // negative, hours, minutes, seconds, micros, fsp
            {1, 0, 0, 1, 500_000, 1}, {1, 0, 0, 1, 500_000, 2}, {1, 0, 0, 0, 100_000, 1},
            {1, 0, 0, 1, 500_000, 3}, {1, 23, 59, 59, 999_000, 3}, {1, 0, 0, 0, 1_000, 4},
            {1, 12, 34, 56, 1, 6}, {1, 838, 59, 59, 0, 6}, {1, 838, 59, 58, 999_999, 5},
            {0, 838, 59, 59, 0, 6}, {0, 0, 0, 0, 1_000, 3}, {0, 12, 0, 0, 500_000, 1},
            {1, 0, 0, 0, 990_000, 2}, {1, 1, 0, 0, 0, 0}, {0, 100, 0, 0, 0, 0},
        };
        for (long[] c : cases) {
            boolean negative = c[0] == 1;
            int fsp = (int) c[5];
            Duration expected = Duration.ofHours(c[1]).plusMinutes(c[2]).plusSeconds(c[3]).plusNanos(c[4] * 1000);
            if (negative) {
                expected = expected.negated();
            }
            byte[] bytes = MysqlPacking.time2(negative, (int) c[1], (int) c[2], (int) c[3], (int) c[4], fsp);
            assertEquals(expected, decode(ColumnType.TIME_V2, fsp, 0, bytes), java.util.Arrays.toString(c));
        }
    }

    @Test
    void oldTimeFormatIsSignedDecimalDigits() throws IOException {
        assertEquals(hms(838, 59, 59), decode(ColumnType.TIME, 0, MysqlPacking.int3(8385959)));
        assertEquals(hms(838, 59, 59).negated(), decode(ColumnType.TIME, 0, MysqlPacking.int3(-8385959)));
        assertEquals(Duration.ZERO, decode(ColumnType.TIME, 0, "000000"));
    }

    private static Duration hms(int hours, int minutes, int seconds) {
        return Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds);
    }

    // ---- DATETIME

    @Test
    void datetimeLiteralVector() throws IOException {
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45), decode(ColumnType.DATETIME_V2, 0, "99b2badb40"));
    }

    @Test
    void datetimeMaximumWithMicroseconds() throws IOException {
        assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                decode(ColumnType.DATETIME_V2, 6, "fef3ff7efb" + "0f423f"));
    }

    @Test
    void datetimeAtEveryPrecision() throws IOException {
        for (int fsp = 0; fsp <= 6; fsp++) {
            int micros = new int[] {0, 100_000, 120_000, 123_000, 123_400, 123_450, 123_456}[fsp];
            byte[] bytes = MysqlPacking.datetime2(2024, 2, 29, 13, 45, 0, micros, fsp);
            assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 0, micros * 1000),
                    decode(ColumnType.DATETIME_V2, fsp, 0, bytes), "fsp " + fsp);
        }
    }

    @Test
    void zeroAndInvalidDatetimes() throws IOException {
        assertEquals(InvalidDateTime.ZERO, decode(ColumnType.DATETIME_V2, 0, "8000000000"));
        assertEquals(InvalidDateTime.ZERO, decode(ColumnType.DATETIME_V2, 3, "8000000000" + "0000"));
        assertEquals(new InvalidDateTime(2024, 2, 30, 10, 0, 0, 0),
                decode(ColumnType.DATETIME_V2, 0, 0, MysqlPacking.datetime2(2024, 2, 30, 10, 0, 0, 0, 0)));
        assertEquals(new InvalidDateTime(2024, 2, 0, 10, 0, 0, 500_000),
                decode(ColumnType.DATETIME_V2, 1, 0, MysqlPacking.datetime2(2024, 2, 0, 10, 0, 0, 500_000, 1)));
        // Never produced by a server, but must not fail the whole event.
        assertEquals(new InvalidDateTime(2024, 1, 1, 23, 63, 63, 0),
                decode(ColumnType.DATETIME_V2, 0, 0, MysqlPacking.datetime2(2024, 1, 1, 23, 63, 63, 0, 0)));
        assertEquals(LocalDateTime.of(1, 1, 1, 0, 0),
                decode(ColumnType.DATETIME_V2, 0, 0, MysqlPacking.datetime2(1, 1, 1, 0, 0, 0, 0, 0)));
    }

    @Test
    void oldDatetimeFormatIsDecimalDigits() throws IOException {
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 7),
                decode(ColumnType.DATETIME, 0, 0, MysqlPacking.int8(20240229134507L)));
        assertEquals(InvalidDateTime.ZERO, decode(ColumnType.DATETIME, 0, "0000000000000000"));
    }

    // ---- TIMESTAMP

    @Test
    void timestampsAreUtcSeconds() throws IOException {
        assertEquals(Instant.parse("2024-02-29T13:45:00Z"), decode(ColumnType.TIMESTAMP_V2, 0, "65e08a5c"));
        assertEquals(Instant.parse("2024-02-29T13:45:00.123Z"), decode(ColumnType.TIMESTAMP_V2, 3, "65e08a5c" + "04ce"));
        assertEquals(Instant.parse("2024-02-29T13:45:00.5Z"), decode(ColumnType.TIMESTAMP_V2, 1, "65e08a5c" + "32"));
        assertEquals(Instant.parse("2038-01-19T03:14:07.999999Z"), decode(ColumnType.TIMESTAMP_V2, 6, "7fffffff" + "0f423f"));
        assertEquals(Instant.parse("2024-02-29T13:45:00Z"), decode(ColumnType.TIMESTAMP, 0, "5c8ae065"));
    }

    @Test
    void zeroTimestamp() throws IOException {
        assertEquals(InvalidDateTime.ZERO, decode(ColumnType.TIMESTAMP_V2, 0, "00000000"));
        assertEquals(InvalidDateTime.ZERO, decode(ColumnType.TIMESTAMP_V2, 3, "00000000" + "0000"));
        assertEquals(InvalidDateTime.ZERO, decode(ColumnType.TIMESTAMP, 0, "00000000"));
        assertEquals(Instant.parse("1970-01-01T00:00:01.000001Z"), decode(ColumnType.TIMESTAMP_V2, 6, "00000001" + "000001"));
    }

    // ---- YEAR, BIT, strings, blobs, ENUM, SET

    @Test
    void yearZeroIsZero() throws IOException {
        assertEquals(0, decode(ColumnType.YEAR, 0, "00"));
        assertEquals(1901, decode(ColumnType.YEAR, 0, "01"));
        assertEquals(2155, decode(ColumnType.YEAR, 0, "ff"));
    }

    @Test
    void bitIsBigEndianBytes() throws IOException {
        // BIT(10): meta = bytes << 8 | remaining bits
        assertArrayEquals(new byte[] {0x02, 0x01}, (byte[]) decode(ColumnType.BIT, 1 << 8 | 2, "0201"));
        assertArrayEquals(new byte[] {0x01}, (byte[]) decode(ColumnType.BIT, 1, "01"));
        assertArrayEquals(new byte[8], (byte[]) decode(ColumnType.BIT, 8 << 8, "0000000000000000"));
    }

    @Test
    void stringsAreRawBytes() throws IOException {
        assertArrayEquals("é".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                (byte[]) decode(ColumnType.VARCHAR, 40, "02c3a9"));
        assertArrayEquals(new byte[] {'a', 'b'}, (byte[]) decode(ColumnType.VARCHAR, 1200, "02006162"));
        assertArrayEquals(new byte[] {'a', 'b'}, (byte[]) decode(ColumnType.STRING, Columns.charMeta(4), 4,
                HexFormat.of().parseHex("026162")));
        assertArrayEquals(new byte[] {'a'}, (byte[]) decode(ColumnType.STRING, Columns.charMeta(1020), 1020,
                HexFormat.of().parseHex("010061")));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) decode(ColumnType.BLOB, 2, "0300010203"));
        assertArrayEquals(new byte[] {1}, (byte[]) decode(ColumnType.JSON, 4, "0100000001"));
        assertArrayEquals(new byte[] {9, 9}, (byte[]) decode(ColumnType.GEOMETRY, 4, "020000000909"));
    }

    @Test
    void enumIndexAndSetMask() throws IOException {
        assertEquals(3, decode(ColumnType.ENUM, 0, 1, HexFormat.of().parseHex("03")));
        assertEquals(300, decode(ColumnType.ENUM, 0, 2, HexFormat.of().parseHex("2c01")));
        assertEquals(5L, decode(ColumnType.SET, 0, 1, HexFormat.of().parseHex("05")));
        assertEquals(-1L, decode(ColumnType.SET, 0, 8, HexFormat.of().parseHex("ffffffffffffffff")));
    }

    @Test
    void unknownTypesFailLoudly() {
        assertThrows(IOException.class, () -> decode(null, 0, "00"));
        assertThrows(IOException.class, () -> decode(ColumnType.DECIMAL, 0, "00"));
    }

    /** MySQL's storage formats, transcribed from its packing functions, to build test input. */
    static final class MysqlPacking {
        private static final int[] DIGITS_TO_BYTES = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};

        private MysqlPacking() {
        }

        static byte[] int3(int value) {
            return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
        }

        static byte[] int8(long value) {
            byte[] bytes = new byte[8];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (value >> (8 * i));
            }
            return bytes;
        }

        static byte[] date(int year, int month, int day) {
            return int3(year << 9 | month << 5 | day);
        }

        /** my_time_packed_to_binary after TIME_to_longlong_time_packed. */
        static byte[] time2(boolean negative, int hours, int minutes, int seconds, int micros, int fsp) {
            long hms = (long) hours << 12 | minutes << 6 | seconds;
            long packed = (hms << 24) + micros;
            if (negative) {
                packed = -packed;
            }
            long intPart = packed >> 24;
            long fracPart = packed % (1L << 24);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (fsp) {
                case 1:
                case 2:
                    bigEndian(out, 0x800000L + intPart, 3);
                    out.write((int) (fracPart / 10000) & 0xFF);
                    break;
                case 3:
                case 4:
                    bigEndian(out, 0x800000L + intPart, 3);
                    bigEndian(out, (fracPart / 100) & 0xFFFF, 2);
                    break;
                case 5:
                case 6:
                    bigEndian(out, packed + 0x800000000000L, 6);
                    break;
                default:
                    bigEndian(out, 0x800000L + intPart, 3);
            }
            return out.toByteArray();
        }

        /** my_datetime_packed_to_binary after TIME_to_longlong_datetime_packed. */
        static byte[] datetime2(int year, int month, int day, int hour, int minute, int second, int micros, int fsp) {
            long ymd = ((long) (year * 13 + month) << 5) | day;
            long hms = (long) hour << 12 | minute << 6 | second;
            long intPart = ymd << 17 | hms;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            bigEndian(out, intPart + 0x8000000000L, 5);
            switch (fsp) {
                case 1:
                case 2:
                    out.write(micros / 10000);
                    break;
                case 3:
                case 4:
                    bigEndian(out, micros / 100, 2);
                    break;
                case 5:
                case 6:
                    bigEndian(out, micros, 3);
                    break;
                default:
            }
            return out.toByteArray();
        }

        /** decimal2bin: nine-digit groups, leading and trailing partial groups, sign by inversion. */
        static byte[] decimal(BigDecimal value, int precision, int scale) {
            boolean negative = value.signum() < 0;
            String digits = value.abs().setScale(scale).toPlainString().replace(".", "");
            int integerDigits = precision - scale;
            StringBuilder padded = new StringBuilder();
            for (int i = digits.length() - scale; i < integerDigits; i++) {
                padded.append('0');
            }
            padded.append(digits);
            String intPart = padded.substring(0, integerDigits);
            String fracPart = padded.substring(integerDigits);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int lead = integerDigits % 9;
            if (lead > 0) {
                bigEndian(out, Long.parseLong(intPart.substring(0, lead)), DIGITS_TO_BYTES[lead]);
            }
            for (int i = lead; i < integerDigits; i += 9) {
                bigEndian(out, Long.parseLong(intPart.substring(i, i + 9)), 4);
            }
            int i = 0;
            for (; i + 9 <= scale; i += 9) {
                bigEndian(out, Long.parseLong(fracPart.substring(i, i + 9)), 4);
            }
            if (i < scale) {
                bigEndian(out, Long.parseLong(fracPart.substring(i)), DIGITS_TO_BYTES[scale - i]);
            }
            byte[] bytes = out.toByteArray();
            if (negative) {
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = (byte) ~bytes[k];
                }
            }
            bytes[0] ^= (byte) 0x80;
            return bytes;
        }

        private static void bigEndian(ByteArrayOutputStream out, long value, int bytes) {
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((int) (value >> (8 * i)) & 0xFF);
            }
        }
    }
}
