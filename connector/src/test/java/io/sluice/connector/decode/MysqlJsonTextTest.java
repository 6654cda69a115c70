package io.sluice.connector.decode;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** MySQL binary JSON to text, with documents built by {@link Doc} following {@code json_binary.h}. */
class MysqlJsonTextTest {

    private static String text(Doc doc) {
        StringBuilder out = new StringBuilder();
        new MysqlJsonText().append(doc.bytes(), out);
        return out.toString();
    }

    @Test
    void nestedDocumentWithUnicode() throws IOException {
        Doc doc = Doc.object(
                "a", Doc.int16(1),
                "b", Doc.array(Doc.int16(1), Doc.dbl(2.5), Doc.string("x"), Doc.literal(null), Doc.literal(true),
                        Doc.literal(false)),
                "nested", Doc.object("k", Doc.string("é😀\"\\\n"), "deep", Doc.object("e", Doc.array())),
                "ключ", Doc.string("значение"),
                "😀", Doc.object());
        String json = text(doc);
        assertEquals("{\"a\":1,\"b\":[1,2.5,\"x\",null,true,false],\"nested\":{\"k\":\"é😀\\\"\\\\\\n\",\"deep\":{\"e\":[]}},"
                + "\"ключ\":\"значение\",\"😀\":{}}", json);
        new ObjectMapper().readTree(json);
    }

    @Test
    void integersOfEveryWidth() {
        Doc doc = Doc.array(Doc.int16(-5), Doc.uint16(65535), Doc.int32(100000), Doc.int32(-100000),
                Doc.uint32(4294967295L), Doc.int64(Long.MIN_VALUE), Doc.uint64(-1L));
        assertEquals("[-5,65535,100000,-100000,4294967295,-9223372036854775808,18446744073709551615]", text(doc));
    }

    @Test
    void largeContainersInlineThirtyTwoBitValues() {
        Doc doc = Doc.largeObject("i", Doc.int32(-70000), "u", Doc.uint32(3000000000L), "l", Doc.literal(false),
                "a", Doc.largeArray(Doc.int32(70000), Doc.int16(-1), Doc.string("s")));
        assertEquals("{\"i\":-70000,\"u\":3000000000,\"l\":false,\"a\":[70000,-1,\"s\"]}", text(doc));
    }

    @Test
    void longStringsUseMultiByteLengths() {
        String big = "x".repeat(70_000);
        assertEquals("{\"long\":\"" + big + "\"}", text(Doc.largeObject("long", Doc.string(big))));
        String medium = "é".repeat(100);
        assertEquals("[\"" + medium + "\"]", text(Doc.array(Doc.string(medium))));
    }

    @Test
    void largeDocument() throws IOException {
        List<Object> members = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            members.add("key" + i);
            members.add(Doc.array(Doc.int32(i), Doc.string("value " + i), Doc.dbl(i + 0.5)));
        }
        String json = text(Doc.largeObject(members.toArray()));
        assertEquals(5000, new ObjectMapper().readTree(json).size());
        assertEquals("[4999,\"value 4999\",4999.5]", new ObjectMapper().readTree(json).get("key4999").toString());
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("\"\\u0001\\u001f\\t\\b\\f\\r\u007f\u2028/\"", text(Doc.string("\u0001\u001f\t\b\f\r\u007f\u2028/")));
    }

    @Test
    void topLevelScalars() {
        assertEquals("\"just a string\"", text(Doc.string("just a string")));
        assertEquals("12.5", text(Doc.dbl(12.5)));
        assertEquals("null", text(Doc.literal(null)));
        assertEquals("true", text(Doc.literal(true)));
        assertEquals("-7", text(Doc.int16(-7)));
    }

    @Test
    void opaqueTemporalsAndDecimals() {
        Doc doc = Doc.array(
                Doc.opaque(10, Doc.packedDatetime(2024, 2, 29, 0, 0, 0, 0)),
                Doc.opaque(11, Doc.packedTime(true, 12, 0, 0, 500_000)),
                Doc.opaque(11, Doc.packedTime(false, 838, 59, 59, 0)),
                Doc.opaque(12, Doc.packedDatetime(2024, 2, 29, 13, 45, 0, 123_000)),
                Doc.opaque(7, Doc.packedDatetime(2024, 2, 29, 13, 45, 0, 0)),
                Doc.opaque(246, concat(new byte[] {5, 2},
                        CellDecodingTest.MysqlPacking.decimal(new java.math.BigDecimal("12.30"), 5, 2))),
                Doc.opaque(15, new byte[] {1, 2}));
        assertEquals("[\"2024-02-29\",\"-12:00:00.500000\",\"838:59:59.000000\",\"2024-02-29 13:45:00.123000\","
                + "\"2024-02-29 13:45:00.000000\",12.30,\"base64:type15:AQI=\"]", text(doc));
    }

    @Test
    void doublesAsMysqlPrintsThem() {
        // Expected texts are MySQL 8.0.31's output for the same values.
        double[] values = {1.0, 1e300, 0.1, 1.5e-7, 12345678.0, -0.0, 1e15, 1e16, 1e17, 0.0001, 0.00001, 3.14159,
            1e-300, 2.5e21, 1.5, -2.25, 0.0005, 123456789.125, 1e100, -1e15, 4.35, 0.30000000000000004, 1e14};
        String[] expected = {"1.0", "1e300", "0.1", "0.00000015", "12345678.0", "-0.0", "1e15", "1e16", "1e17", "0.0001",
            "0.00001", "3.14159", "1e-300", "2.5e21", "1.5", "-2.25", "0.0005", "123456789.125", "1e100", "-1e15", "4.35",
            "0.30000000000000004", "100000000000000.0"};
        for (int i = 0; i < values.length; i++) {
            StringBuilder out = new StringBuilder();
            MysqlJsonText.appendDouble(values[i], out);
            assertEquals(expected[i], out.toString(), "double " + values[i]);
        }
    }

    @Test
    void emptyDocumentIsNull() {
        StringBuilder out = new StringBuilder();
        new MysqlJsonText().append(new byte[0], out);
        assertEquals("null", out.toString());
    }

    @Test
    void malformedDocumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MysqlJsonText().append(new byte[] {0x0e}, new StringBuilder()));
        assertThrows(IllegalArgumentException.class, () -> new MysqlJsonText().append(new byte[] {0x0c, 0x05, 'a'}, new StringBuilder()));
        assertThrows(IllegalArgumentException.class, () -> new MysqlJsonText().append(new byte[] {0x00, 0x01}, new StringBuilder()));
        assertThrows(IllegalArgumentException.class, () -> new MysqlJsonText().append(new byte[] {0x04, 0x07}, new StringBuilder()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Builds MySQL binary JSON ({@code sql-common/json_binary.h}); keys are kept in the order given. */
    static final class Doc {
        private static final int SMALL_OBJECT = 0x00;
        private static final int LARGE_OBJECT = 0x01;
        private static final int SMALL_ARRAY = 0x02;
        private static final int LARGE_ARRAY = 0x03;

        final int type;
        /** The value as stored at its offset (for inlinable types: the inline bytes). */
        final byte[] body;

        private Doc(int type, byte[] body) {
            this.type = type;
            this.body = body;
        }

        /** The document: type byte, then the value. */
        byte[] bytes() {
            return concat(new byte[] {(byte) type}, body);
        }

        static Doc literal(Boolean value) {
            return new Doc(0x04, new byte[] {(byte) (value == null ? 0 : value ? 1 : 2)});
        }

        static Doc int16(int value) {
            return new Doc(0x05, le(value, 2));
        }

        static Doc uint16(int value) {
            return new Doc(0x06, le(value, 2));
        }

        static Doc int32(int value) {
            return new Doc(0x07, le(value, 4));
        }

        static Doc uint32(long value) {
            return new Doc(0x08, le(value, 4));
        }

        static Doc int64(long value) {
            return new Doc(0x09, le(value, 8));
        }

        static Doc uint64(long value) {
            return new Doc(0x0a, le(value, 8));
        }

        static Doc dbl(double value) {
            return new Doc(0x0b, le(Double.doubleToLongBits(value), 8));
        }

        static Doc string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            return new Doc(0x0c, concat(varLength(utf8.length), utf8));
        }

        static Doc opaque(int fieldType, byte[] data) {
            return new Doc(0x0f, concat(concat(new byte[] {(byte) fieldType}, varLength(data.length)), data));
        }

        static byte[] packedDatetime(int year, int month, int day, int hour, int minute, int second, int micros) {
            long ymd = ((long) (year * 13 + month) << 5) | day;
            long hms = (long) hour << 12 | minute << 6 | second;
            return le(((ymd << 17 | hms) << 24) + micros, 8);
        }

        static byte[] packedTime(boolean negative, int hour, int minute, int second, int micros) {
            long packed = (((long) hour << 12 | minute << 6 | second) << 24) + micros;
            return le(negative ? -packed : packed, 8);
        }

        static Doc object(Object... keysAndValues) {
            return container(SMALL_OBJECT, false, keysAndValues);
        }

        static Doc largeObject(Object... keysAndValues) {
            return container(LARGE_OBJECT, true, keysAndValues);
        }

        static Doc array(Doc... values) {
            return container(SMALL_ARRAY, false, values);
        }

        static Doc largeArray(Doc... values) {
            return container(LARGE_ARRAY, true, values);
        }

        private static Doc container(int type, boolean large, Object[] items) {
            boolean object = type == SMALL_OBJECT || type == LARGE_OBJECT;
            int count = object ? items.length / 2 : items.length;
            int width = large ? 4 : 2;
            int header = 2 * width + (object ? count * (width + 2) : 0) + count * (1 + width);
            ByteArrayOutputStream keys = new ByteArrayOutputStream();
            ByteArrayOutputStream values = new ByteArrayOutputStream();
            byte[][] keyBytes = new byte[count][];
            int[] keyOffsets = new int[count];
            for (int i = 0; object && i < count; i++) {
                keyBytes[i] = ((String) items[2 * i]).getBytes(StandardCharsets.UTF_8);
            }
            int keysLength = 0;
            for (int i = 0; object && i < count; i++) {
                keyOffsets[i] = header + keysLength;
                keysLength += keyBytes[i].length;
                keys.writeBytes(keyBytes[i]);
            }
            ByteArrayOutputStream entries = new ByteArrayOutputStream();
            for (int i = 0; i < count; i++) {
                Doc value = (Doc) (object ? items[2 * i + 1] : items[i]);
                entries.write(value.type);
                boolean inlined = value.type == 0x04 || value.type == 0x05 || value.type == 0x06
                        || (large && (value.type == 0x07 || value.type == 0x08));
                if (inlined) {
                    entries.writeBytes(java.util.Arrays.copyOf(value.body, width));
                } else {
                    entries.writeBytes(le(header + keysLength + values.size(), width));
                    values.writeBytes(value.body);
                }
            }
            int size = header + keysLength + values.size();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(le(count, width));
            out.writeBytes(le(size, width));
            for (int i = 0; object && i < count; i++) {
                out.writeBytes(le(keyOffsets[i], width));
                out.writeBytes(le(keyBytes[i].length, 2));
            }
            out.writeBytes(entries.toByteArray());
            out.writeBytes(keys.toByteArray());
            out.writeBytes(values.toByteArray());
            return new Doc(type, out.toByteArray());
        }

        private static byte[] varLength(int length) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            do {
                int b = length & 0x7F;
                length >>>= 7;
                out.write(length != 0 ? b | 0x80 : b);
            } while (length != 0);
            return out.toByteArray();
        }

        private static byte[] le(long value, int bytes) {
            byte[] out = new byte[bytes];
            for (int i = 0; i < bytes; i++) {
                out[i] = (byte) (value >> (8 * i));
            }
            return out;
        }
    }
}
