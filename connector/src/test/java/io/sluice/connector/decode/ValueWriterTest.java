package io.sluice.connector.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.sluice.connector.decode.ValueEncoding.BinaryMode;
import io.sluice.connector.decode.ValueEncoding.DecimalMode;
import io.sluice.connector.decode.ValueEncoding.TemporalMode;
import io.sluice.connector.schema.ColumnSchema;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueWriterTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ValueEncoding DEBEZIUM =
            new ValueEncoding(DecimalMode.STRING, TemporalMode.DEBEZIUM, BinaryMode.BASE64);
    private static final ValueEncoding HEX = new ValueEncoding(DecimalMode.STRING, TemporalMode.ISO, BinaryMode.HEX);

    private final ValueWriter iso = new ValueWriter(ValueEncoding.DEFAULT);
    private final ValueWriter debezium = new ValueWriter(DEBEZIUM);

    /** Writes through a byte-oriented generator, as the daemon does. */
    private static String write(ValueWriter writer, ColumnSchema column, Serializable value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writer.write(g, column, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes through a character-oriented generator, which cannot take UTF-8 bytes as they are. */
    private static String writeChars(ValueWriter writer, ColumnSchema column, Serializable value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writer.write(g, column, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private String iso(ColumnSchema column, Serializable value) {
        String bytes = write(iso, column, value);
        // Jackson's byte generator escapes surrogate pairs by default, its char generator does not.
        assertEquals(tree(bytes), tree(writeChars(iso, column, value)), "byte and char generators agree");
        return bytes;
    }

    @Test
    void nullIsJsonNull() {
        assertEquals("null", iso(Columns.of(ColumnType.LONG, 0), null));
        assertEquals("null", iso(Columns.of(ColumnType.JSON, 4), null));
    }

    // ---- integers

    @Test
    void signedIntegers() {
        assertEquals("-128", iso(Columns.of(ColumnType.TINY, 0), -128));
        assertEquals("-32768", iso(Columns.of(ColumnType.SHORT, 0), -32768));
        assertEquals("-8388608", iso(Columns.of(ColumnType.INT24, 0), -8388608));
        assertEquals("-2147483648", iso(Columns.of(ColumnType.LONG, 0), Integer.MIN_VALUE));
        assertEquals("-9223372036854775808", iso(Columns.of(ColumnType.LONGLONG, 0), Long.MIN_VALUE));
    }

    @Test
    void unsignedIntegersUseTheColumnWidth() {
        assertEquals("255", iso(Columns.unsigned(ColumnType.TINY), -1));
        assertEquals("65535", iso(Columns.unsigned(ColumnType.SHORT), -1));
        assertEquals("16777215", iso(Columns.unsigned(ColumnType.INT24), -1));
        assertEquals("4294967295", iso(Columns.unsigned(ColumnType.LONG), -1));
        assertEquals("0", iso(Columns.unsigned(ColumnType.LONG), 0));
    }

    @Test
    void bigintUnsignedAboveTwoToTheSixtyThreeIsExact() {
        assertEquals("18446744073709551615", iso(Columns.unsigned(ColumnType.LONGLONG), -1L));
        assertEquals("9223372036854775808", iso(Columns.unsigned(ColumnType.LONGLONG), Long.MIN_VALUE));
        assertEquals("9223372036854775807", iso(Columns.unsigned(ColumnType.LONGLONG), Long.MAX_VALUE));
        assertEquals("18446744073709551615",
                iso(Columns.unsigned(ColumnType.LONGLONG), new BigInteger("18446744073709551615")));
    }

    // ---- DECIMAL, FLOAT, DOUBLE

    @Test
    void decimalModes() {
        ColumnSchema column = Columns.of(ColumnType.NEWDECIMAL, 4 << 8 | 10);
        BigDecimal value = new BigDecimal("12345.6700");
        assertEquals("\"12345.6700\"", iso(column, value));
        assertEquals("12345.6700", write(new ValueWriter(
                new ValueEncoding(DecimalMode.NUMBER, TemporalMode.ISO, BinaryMode.BASE64)), column, value));
        assertEquals("12345.67", write(new ValueWriter(
                new ValueEncoding(DecimalMode.DOUBLE, TemporalMode.ISO, BinaryMode.BASE64)), column, value));
        assertEquals("0.0000001", write(new ValueWriter(
                new ValueEncoding(DecimalMode.NUMBER, TemporalMode.ISO, BinaryMode.BASE64)), column, new BigDecimal("1E-7")));
    }

    @Test
    void decimalOfSixtyFiveDigitsStaysExact() {
        String digits = "-12345678901234567890123456789012345.123456789012345678901234567890";
        assertEquals('"' + digits + '"', iso(Columns.of(ColumnType.NEWDECIMAL, 30 << 8 | 65), new BigDecimal(digits)));
    }

    @Test
    void floatsAreTheirShortestDecimal() {
        assertEquals("1.1", iso(Columns.of(ColumnType.FLOAT, 4), 1.1f));
        assertEquals("-3.4028235E38", iso(Columns.of(ColumnType.FLOAT, 4), -Float.MAX_VALUE));
        assertEquals("3.141592653589793", iso(Columns.of(ColumnType.DOUBLE, 8), Math.PI));
        assertEquals("1.0E-300", iso(Columns.of(ColumnType.DOUBLE, 8), 1e-300));
    }

    // ---- temporals, ISO

    @Test
    void dates() {
        ColumnSchema date = Columns.of(ColumnType.DATE, 0);
        assertEquals("\"2024-02-29\"", iso(date, LocalDate.of(2024, 2, 29)));
        assertEquals("\"0001-01-01\"", iso(date, LocalDate.of(1, 1, 1)));
        assertEquals("\"0000-00-00\"", iso(date, InvalidDate.ZERO));
        assertEquals("\"2024-00-15\"", iso(date, new InvalidDate(2024, 0, 15)));
        assertEquals("\"2024-02-30\"", iso(date, new InvalidDate(2024, 2, 30)));
    }

    @Test
    void timesMayBeNegativeOrLongerThanADay() {
        assertEquals("\"-838:59:59.000000\"", iso(Columns.of(ColumnType.TIME_V2, 6), Duration.parse("-PT838H59M59S")));
        assertEquals("\"838:59:59\"", iso(Columns.of(ColumnType.TIME_V2, 0), Duration.parse("PT838H59M59S")));
        assertEquals("\"838:59:59\"", iso(Columns.of(ColumnType.TIME, 0), Duration.parse("PT838H59M59S")));
        assertEquals("\"-00:00:01.500\"", iso(Columns.of(ColumnType.TIME_V2, 3), Duration.parse("-PT1.5S")));
        assertEquals("\"-00:00:00.1\"", iso(Columns.of(ColumnType.TIME_V2, 1), Duration.parse("-PT0.1S")));
        assertEquals("\"-12:34:56.000001\"", iso(Columns.of(ColumnType.TIME_V2, 6), Duration.parse("-PT12H34M56.000001S")));
        assertEquals("\"00:00:00\"", iso(Columns.of(ColumnType.TIME_V2, 0), Duration.ZERO));
        assertEquals("\"100:00:00.00\"", iso(Columns.of(ColumnType.TIME_V2, 2), Duration.ofHours(100)));
    }

    @Test
    void datetimesHaveNoZoneAndFspDigits() {
        assertEquals("\"2024-02-29T13:45:00.120\"",
                iso(Columns.of(ColumnType.DATETIME_V2, 3), LocalDateTime.of(2024, 2, 29, 13, 45, 0, 120_000_000)));
        assertEquals("\"2024-02-29T13:45:00\"",
                iso(Columns.of(ColumnType.DATETIME_V2, 0), LocalDateTime.of(2024, 2, 29, 13, 45)));
        assertEquals("\"9999-12-31T23:59:59.999999\"",
                iso(Columns.of(ColumnType.DATETIME_V2, 6), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)));
        assertEquals("\"2024-02-29T13:45:07\"",
                iso(Columns.of(ColumnType.DATETIME, 0), LocalDateTime.of(2024, 2, 29, 13, 45, 7)));
    }

    @Test
    void invalidDatetimesAsMysqlShowsThem() {
        assertEquals("\"0000-00-00 00:00:00\"", iso(Columns.of(ColumnType.DATETIME_V2, 0), InvalidDateTime.ZERO));
        assertEquals("\"0000-00-00 00:00:00.000\"", iso(Columns.of(ColumnType.DATETIME_V2, 3), InvalidDateTime.ZERO));
        assertEquals("\"2024-02-00 10:00:00.5\"",
                iso(Columns.of(ColumnType.DATETIME_V2, 1), new InvalidDateTime(2024, 2, 0, 10, 0, 0, 500_000)));
        assertEquals("\"0000-00-00 00:00:00.000000\"", iso(Columns.of(ColumnType.TIMESTAMP_V2, 6), InvalidDateTime.ZERO));
    }

    @Test
    void timestampsAreUtcInstants() {
        assertEquals("\"2024-02-29T13:45:00.123Z\"",
                iso(Columns.of(ColumnType.TIMESTAMP_V2, 3), Instant.parse("2024-02-29T13:45:00.123Z")));
        assertEquals("\"2024-02-29T13:45:00.100Z\"",
                iso(Columns.of(ColumnType.TIMESTAMP_V2, 3), Instant.parse("2024-02-29T13:45:00.1Z")));
        assertEquals("\"2024-02-29T13:45:00Z\"",
                iso(Columns.of(ColumnType.TIMESTAMP_V2, 0), Instant.parse("2024-02-29T13:45:00Z")));
        assertEquals("\"1970-01-01T00:00:01.000001Z\"",
                iso(Columns.of(ColumnType.TIMESTAMP_V2, 6), Instant.parse("1970-01-01T00:00:01.000001Z")));
        assertEquals("\"2038-01-19T03:14:07Z\"",
                iso(Columns.of(ColumnType.TIMESTAMP, 0), Instant.parse("2038-01-19T03:14:07Z")));
        assertEquals("\"2000-02-29T23:59:59Z\"",
                iso(Columns.of(ColumnType.TIMESTAMP_V2, 0), Instant.parse("2000-02-29T23:59:59Z")));
        assertEquals("\"2100-03-01T00:00:00Z\"",
                iso(Columns.of(ColumnType.TIMESTAMP_V2, 0), Instant.parse("2100-03-01T00:00:00Z")));
    }

    @Test
    void timestampCalendarMatchesJavaTime() {
        ColumnSchema column = Columns.of(ColumnType.TIMESTAMP_V2, 0);
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter
                .ofPattern("'\"'uuuu-MM-dd'T'HH:mm:ss'Z\"'").withZone(java.time.ZoneOffset.UTC);
        for (long second = 1; second < 4_102_444_800L; second += 7_776_013L) {
            Instant instant = Instant.ofEpochSecond(second);
            assertEquals(format.format(instant), iso(column, instant));
        }
    }

    @Test
    void years() {
        assertEquals("0", iso(Columns.of(ColumnType.YEAR, 0), 0));
        assertEquals("2155", iso(Columns.of(ColumnType.YEAR, 0), 2155));
    }

    // ---- temporals, Debezium

    @Test
    void debeziumTemporals() {
        assertEquals("19782", write(debezium, Columns.of(ColumnType.DATE, 0), LocalDate.of(2024, 2, 29)));
        assertEquals("-719528", write(debezium, Columns.of(ColumnType.DATE, 0), LocalDate.of(0, 1, 1)));
        assertEquals("-3020399000000", write(debezium, Columns.of(ColumnType.TIME_V2, 0), Duration.parse("-PT838H59M59S")));
        assertEquals("-1500000", write(debezium, Columns.of(ColumnType.TIME_V2, 3), Duration.parse("-PT1.5S")));
        assertEquals("1709214300120", write(debezium, Columns.of(ColumnType.DATETIME_V2, 3),
                LocalDateTime.of(2024, 2, 29, 13, 45, 0, 120_000_000)));
        assertEquals("1709214300000", write(debezium, Columns.of(ColumnType.DATETIME_V2, 0),
                LocalDateTime.of(2024, 2, 29, 13, 45)));
        assertEquals("253402300799999999", write(debezium, Columns.of(ColumnType.DATETIME_V2, 6),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)));
        assertEquals("\"2024-02-29T13:45:00.123Z\"", write(debezium, Columns.of(ColumnType.TIMESTAMP_V2, 3),
                Instant.parse("2024-02-29T13:45:00.123Z")));
        assertEquals("2024", write(debezium, Columns.of(ColumnType.YEAR, 0), 2024));
    }

    @Test
    void debeziumWritesNullForInvalidDates() {
        assertEquals("null", write(debezium, Columns.of(ColumnType.DATE, 0), InvalidDate.ZERO));
        assertEquals("null", write(debezium, Columns.of(ColumnType.DATETIME_V2, 0), InvalidDateTime.ZERO));
        assertEquals("null", write(debezium, Columns.of(ColumnType.TIMESTAMP_V2, 0), InvalidDateTime.ZERO));
    }

    // ---- text

    @Test
    void utf8mb4Emoji() {
        byte[] bytes = "héllo 😀 \"q\" \\ \n".getBytes(StandardCharsets.UTF_8);
        assertEquals("\"héllo 😀 \\\"q\\\" \\\\ \\n\"", write(iso, Columns.text(ColumnType.VARCHAR, 400, Columns.UTF8MB4), bytes));
        assertEquals("héllo 😀 \"q\" \\ \n", parsedString(writeChars(iso, Columns.text(ColumnType.VARCHAR, 400, Columns.UTF8MB4), bytes)));
        assertEquals("\"ü€\"", iso(Columns.text(ColumnType.VARCHAR, 30, Columns.UTF8MB3), "ü€".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void malformedUtf8BecomesReplacementCharacters() {
        byte[] bytes = {'a', (byte) 0xC3, 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        String json = write(iso, Columns.text(ColumnType.VARCHAR, 10, Columns.UTF8MB4), bytes);
        assertTrue(json.startsWith("\"a\uFFFDb"), json);
    }

    @Test
    void latin1IsCp1252() {
        ColumnSchema column = Columns.text(ColumnType.VARCHAR, 10, Columns.LATIN1);
        assertEquals("\"é\"", iso(column, new byte[] {(byte) 0xE9}));
        assertEquals("\"€‰\"", iso(column, new byte[] {(byte) 0x80, (byte) 0x89}));
        // Bytes cp1252 leaves undefined are the C1 control characters in MySQL's latin1.
        assertEquals("\"\u0081\"", iso(column, new byte[] {(byte) 0x81}));
    }

    @Test
    void otherCharacterSets() {
        assertEquals("\"Привет\"", iso(Columns.text(ColumnType.VARCHAR, 10, 51), bytes("Привет", "windows-1251")));
        assertEquals("\"ü€\"", iso(Columns.text(ColumnType.VARCHAR, 20, 35), bytes("ü€", "UTF-16BE")));
        assertEquals("\"ü\"", iso(Columns.text(ColumnType.VARCHAR, 20, 56), bytes("ü", "UTF-16LE")));
        assertEquals("\"漢字\"", iso(Columns.text(ColumnType.VARCHAR, 20, 13), bytes("漢字", "Shift_JIS")));
        assertEquals("\"汉字\"", iso(Columns.text(ColumnType.VARCHAR, 20, 28), bytes("汉字", "GBK")));
        assertEquals("\"abc\"", iso(Columns.text(ColumnType.VARCHAR, 20, 11), bytes("abc", "US-ASCII")));
        // MariaDB 11.4's default utf8mb4_uca1400_ai_ci and ucs2_uca1400_ai_ci: ids beyond 2047.
        assertEquals("\"é\"", iso(Columns.text(ColumnType.VARCHAR, 20, 2308), bytes("é", "UTF-8")));
        assertEquals("\"é\"", iso(Columns.text(ColumnType.VARCHAR, 20, 2564), bytes("é", "UTF-16BE")));
    }

    @Test
    void unknownCollationsAreUtf8() {
        assertEquals("\"é\"", iso(Columns.text(ColumnType.VARCHAR, 20, 4000), bytes("é", "UTF-8")));
        assertEquals("\"é\"", iso(Columns.text(ColumnType.BLOB, 2, ColumnSchema.NO_COLLATION), bytes("é", "UTF-8")));
    }

    @Test
    void charColumnsAreWrittenAsLogged() {
        // The server strips CHAR's trailing spaces before logging, as SELECT does.
        assertEquals("\"ab\"", iso(Columns.text(ColumnType.STRING, Columns.charMeta(16), Columns.UTF8MB4), bytes("ab", "UTF-8")));
        assertEquals("\"\"", iso(Columns.text(ColumnType.STRING, Columns.charMeta(16), Columns.UTF8MB4), new byte[0]));
    }

    @Test
    void textValuesAsStrings() {
        assertEquals("\"x\"", iso(Columns.text(ColumnType.VARCHAR, 20, Columns.UTF8MB4), "x"));
    }

    private static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String parsedString(String json) {
        try (var parser = JSON.createParser(json)) {
            parser.nextToken();
            return parser.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- bytes

    @Test
    void binaryIsBase64OrHex() {
        ColumnSchema blob = Columns.text(ColumnType.BLOB, 2, Columns.BINARY);
        byte[] bytes = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0};
        assertEquals("\"3q2+7wA=\"", iso(blob, bytes));
        assertEquals("\"deadbeef00\"", write(new ValueWriter(HEX), blob, bytes));
        assertEquals("\"\"", iso(blob, new byte[0]));
    }

    @Test
    void binaryNIsPaddedBackToItsLength() {
        ColumnSchema binary4 = Columns.text(ColumnType.STRING, Columns.charMeta(4), Columns.BINARY);
        assertEquals("\"YWIAAA==\"", iso(binary4, new byte[] {'a', 'b'}));
        assertEquals("\"AAAAAA==\"", iso(binary4, new byte[0]));
        assertEquals("\"61620000\"", write(new ValueWriter(HEX), binary4, new byte[] {'a', 'b'}));
        // VARBINARY keeps its length.
        assertEquals("\"YWI=\"", iso(Columns.text(ColumnType.VARCHAR, 10, Columns.BINARY), new byte[] {'a', 'b'}));
    }

    @Test
    void bitIsBigEndianBytes() {
        assertEquals("\"AgE=\"", iso(Columns.of(ColumnType.BIT, 1 << 8 | 2), new byte[] {2, 1}));
        assertEquals("\"0201\"", write(new ValueWriter(HEX), Columns.of(ColumnType.BIT, 1 << 8 | 2), new byte[] {2, 1}));
        assertEquals("\"AQ==\"", iso(Columns.of(ColumnType.BIT, 1), new byte[] {1}));
    }

    // ---- ENUM and SET

    @Test
    void enumLabels() {
        ColumnSchema column = Columns.enumOf("a", "b", "c");
        assertEquals("\"a\"", iso(column, 1));
        assertEquals("\"c\"", iso(column, 3));
        assertEquals("\"\"", iso(column, 0));
        assertThrows(UndecodableValueException.class, () -> iso(column, 4));
    }

    @Test
    void setLabelsInDeclarationOrder() {
        ColumnSchema column = Columns.setOf("x", "y", "z");
        assertEquals("\"x,z\"", iso(column, 5L));
        assertEquals("\"x,y,z\"", iso(column, 7L));
        assertEquals("\"y\"", iso(column, 2L));
        assertEquals("\"\"", iso(column, 0L));
        assertThrows(UndecodableValueException.class, () -> iso(column, 8L));
        String[] labels = new String[64];
        for (int i = 0; i < 64; i++) {
            labels[i] = "v" + i;
        }
        assertEquals("\"v0,v63\"", iso(Columns.setOf(labels), 0x8000000000000001L));
    }

    // ---- JSON

    @Test
    void jsonIsAStringHoldingTheDocument() {
        byte[] document = MysqlJsonTextTest.Doc.object(
                "k", MysqlJsonTextTest.Doc.string("é😀\"\n"),
                "n", MysqlJsonTextTest.Doc.array(MysqlJsonTextTest.Doc.int16(1), MysqlJsonTextTest.Doc.literal(true)))
                .bytes();
        String json = iso(Columns.of(ColumnType.JSON, 4), document);
        assertEquals("{\"k\":\"é😀\\\"\\n\",\"n\":[1,true]}", parsedString(json));
    }

    @Test
    void emptyJsonIsTheNullDocument() {
        assertEquals("\"null\"", iso(Columns.of(ColumnType.JSON, 4), new byte[0]));
    }

    @Test
    void malformedJsonNamesTheColumn() {
        UndecodableValueException e = assertThrows(UndecodableValueException.class,
                () -> iso(Columns.of(ColumnType.JSON, 4), new byte[] {0x0c, 0x05, 'a'}));
        assertEquals("c", e.column());
        assertTrue(e.getMessage().contains("column c"), e.getMessage());
    }

    @Test
    void mariadbJsonIsText() {
        assertEquals("\"{\\\"a\\\": 1}\"", iso(Columns.text(ColumnType.BLOB, 4, Columns.UTF8MB4), bytes("{\"a\": 1}", "UTF-8")));
    }

    // ---- GEOMETRY and VECTOR

    @Test
    void geometryIsWkbAndSrid() {
        byte[] point = HexFormat.of().parseHex("E6100000" + "0101000000000000000000F03F0000000000000040");
        assertEquals("{\"wkb\":\"AQEAAAAAAAAAAADwPwAAAAAAAABA\",\"srid\":4326}", iso(Columns.of(ColumnType.GEOMETRY, 4), point));
        byte[] bigSrid = HexFormat.of().parseHex("FFFFFFFF" + "01");
        assertEquals("{\"wkb\":\"AQ==\",\"srid\":4294967295}", iso(Columns.of(ColumnType.GEOMETRY, 4), bigSrid));
        assertThrows(UndecodableValueException.class, () -> iso(Columns.of(ColumnType.GEOMETRY, 4), new byte[3]));
    }

    @Test
    void vectorIsAnArrayOfFloats() {
        byte[] vector = HexFormat.of().parseHex("0000803f" + "cdcc8cbf");
        assertEquals("[1.0,-1.1]", iso(Columns.of(ColumnType.VECTOR, 4), vector));
    }

    // ---- MariaDB INET4, INET6, UUID

    @Test
    void mariadbInet6() {
        ColumnSchema column = Columns.declared(ColumnType.STRING, Columns.charMeta(16), Columns.BINARY, "inet6");
        assertEquals("\"::ffff:1.2.3.4\"", iso(column, HexFormat.of().parseHex("00000000000000000000ffff01020304")));
        assertEquals("\"::1.2.3.4\"", iso(column, HexFormat.of().parseHex("00000000000000000000000001020304")));
        assertEquals("\"::\"", iso(column, new byte[0]));
        assertEquals("\"::1\"", iso(column, HexFormat.of().parseHex("00000000000000000000000000000001")));
        assertEquals("\"fe80::\"", iso(column, HexFormat.of().parseHex("fe80")));
        assertEquals("\"1::\"", iso(column, HexFormat.of().parseHex("0001")));
        assertEquals("\"1::2:3:4:5:6:7\"", iso(column, HexFormat.of().parseHex("00010000000200030004000500060007")));
        assertEquals("\"2001:db8::ff00:42:8329\"", iso(column, HexFormat.of().parseHex("20010db8000000000000ff0000428329")));
        assertEquals("\"::1:0:0:1:0:0\"", iso(column, HexFormat.of().parseHex("00000000000100000000000100000000")));
        assertEquals("\"::1.2.0.0\"", iso(column, HexFormat.of().parseHex("00000000000000000000000001020000")));
    }

    @Test
    void mariadbInet4() {
        ColumnSchema column = Columns.declared(ColumnType.STRING, Columns.charMeta(4), Columns.BINARY, "inet4");
        assertEquals("\"1.2.3.4\"", iso(column, new byte[] {1, 2, 3, 4}));
        assertEquals("\"255.255.255.0\"", iso(column, new byte[] {(byte) 255, (byte) 255, (byte) 255}));
        assertEquals("\"0.0.0.0\"", iso(column, new byte[0]));
    }

    @Test
    void mariadbUuidIsLoggedInTextOrder() {
        ColumnSchema column = Columns.declared(ColumnType.STRING, Columns.charMeta(16), Columns.BINARY, "uuid");
        assertEquals("\"6ccd780c-baba-1026-9564-5b8c656024db\"",
                iso(column, HexFormat.of().parseHex("6ccd780cbaba102695645b8c656024db")));
        assertEquals("\"6ccd780c-baba-1026-9564-5b8c65602400\"",
                iso(column, HexFormat.of().parseHex("6ccd780cbaba102695645b8c656024")));
        assertEquals("\"00000000-0000-0000-0000-000000000000\"", iso(column, new byte[0]));
    }

    @Test
    void otherDeclaredTypesStayBytes() {
        ColumnSchema column = Columns.declared(ColumnType.STRING, Columns.charMeta(2), Columns.BINARY, "binary");
        assertEquals("\"AQA=\"", iso(column, new byte[] {1}));
    }

    // ---- errors

    @Test
    void unexpectedValuesNameColumnAndType() {
        UndecodableValueException e = assertThrows(UndecodableValueException.class,
                () -> iso(Columns.of(ColumnType.DATE, 0), new java.util.Date()));
        assertEquals(ColumnType.DATE, e.type());
        assertThrows(UndecodableValueException.class, () -> iso(Columns.of(ColumnType.DECIMAL, 0), 1));
        assertThrows(UndecodableValueException.class, () -> iso(Columns.of(ColumnType.NULL, 0), 1));
    }

    // ---- buffers

    @Test
    void largeValuesDoNotLeakIntoLaterOnes() {
        ColumnSchema latin1 = Columns.text(ColumnType.BLOB, 4, Columns.LATIN1);
        byte[] big = new byte[200_000];
        java.util.Arrays.fill(big, (byte) 'x');
        assertEquals(200_002, iso(latin1, big).length());
        assertEquals("\"é\"", iso(latin1, new byte[] {(byte) 0xE9}));
        assertEquals("\"2024-02-29\"", iso(Columns.of(ColumnType.DATE, 0), LocalDate.of(2024, 2, 29)));
        assertEquals("\"a,b\"", iso(Columns.setOf("a", "b"), 3L));
    }
}
