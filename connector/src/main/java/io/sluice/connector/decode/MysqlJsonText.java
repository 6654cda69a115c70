package io.sluice.connector.decode;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;

import java.util.Base64;

/**
 * Turns MySQL's binary JSON ({@code sql-common/json_binary.h}) into compact JSON text, as Debezium
 * delivers JSON columns but without the library's {@code JsonBinary} defects (platform-charset keys,
 * negative TIMEs, large documents' inline values, unpadded fractions).
 *
 * <p>Scalars are written as MySQL prints them: doubles in its {@code %g}-like style ({@code 1.0},
 * {@code 1e300}, {@code 0.00000015}, digits from Java's shortest repr), DECIMAL with its scale,
 * DATE/TIME/DATETIME/TIMESTAMP as strings with six fraction digits ({@code "2024-02-29 13:45:00.123000"}),
 * other opaque values as {@code "base64:type<N>:<base64>"}. An empty value (what MySQL stores in a
 * NOT NULL JSON column added to existing rows) is JSON {@code null}.
 *
 * <p>One instance per thread; the output builder is the caller's.
 */
final class MysqlJsonText {

    private static final int SMALL_OBJECT = 0x00;
    private static final int LARGE_OBJECT = 0x01;
    private static final int SMALL_ARRAY = 0x02;
    private static final int LARGE_ARRAY = 0x03;
    private static final int LITERAL = 0x04;
    private static final int INT16 = 0x05;
    private static final int UINT16 = 0x06;
    private static final int INT32 = 0x07;
    private static final int UINT32 = 0x08;
    private static final int INT64 = 0x09;
    private static final int UINT64 = 0x0a;
    private static final int DOUBLE = 0x0b;
    private static final int STRING = 0x0c;
    private static final int OPAQUE = 0x0f;

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** MySQL's MAX_DECPT_FOR_F_FORMAT: integral doubles of more digits print in 'e' form. */
    private static final int MAX_DECPT_FOR_F_FORMAT = 15;
    /** MySQL's MY_GCVT_MAX_FIELD_WIDTH, the width its JSON printer gives my_gcvt. */
    private static final int GCVT_WIDTH = 34;

    private byte[] doc;
    private StringBuilder out;

    /**
     * Appends the JSON text of one binary document.
     *
     * @throws IllegalArgumentException if the bytes are not a well-formed binary JSON document
     */
    void append(byte[] document, StringBuilder target) {
        if (document.length == 0) {
            target.append("null");
            return;
        }
        this.doc = document;
        this.out = target;
        try {
            value(document[0] & 0xFF, 1);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("malformed binary JSON value: it ends early", e);
        } finally {
            this.doc = null;
            this.out = null;
        }
    }

    private void value(int type, int pos) {
        switch (type) {
            case SMALL_OBJECT:
                container(pos, false, true);
                break;
            case LARGE_OBJECT:
                container(pos, true, true);
                break;
            case SMALL_ARRAY:
                container(pos, false, false);
                break;
            case LARGE_ARRAY:
                container(pos, true, false);
                break;
            case LITERAL:
                literal(doc[pos]);
                break;
            case INT16:
                out.append((short) uint16(pos));
                break;
            case UINT16:
                out.append(uint16(pos));
                break;
            case INT32:
                out.append(int32(pos));
                break;
            case UINT32:
                out.append(int32(pos) & 0xFFFFFFFFL);
                break;
            case INT64:
                out.append(int64(pos));
                break;
            case UINT64:
                out.append(Long.toUnsignedString(int64(pos)));
                break;
            case DOUBLE:
                appendDouble(Double.longBitsToDouble(int64(pos)), out);
                break;
            case STRING: {
                long lengthAndSize = varLength(pos);
                int length = (int) lengthAndSize;
                string(pos + (int) (lengthAndSize >>> 32), length);
                break;
            }
            case OPAQUE:
                opaque(pos);
                break;
            default:
                throw new IllegalArgumentException("malformed binary JSON value: unknown type 0x"
                        + Integer.toHexString(type));
        }
    }

    /**
     * An object or array at {@code start}: element count and byte size (2 or 4 bytes each), then for an
     * object the key entries (offset, 2-byte length), then the value entries (type byte and an offset
     * relative to {@code start}, or the value itself when it fits).
     */
    private void container(int start, boolean large, boolean object) {
        int width = large ? 4 : 2;
        int count = large ? int32(start) : uint16(start);
        int keyEntries = start + 2 * width;
        int valueEntries = keyEntries + (object ? count * (width + 2) : 0);
        out.append(object ? '{' : '[');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (object) {
                int entry = keyEntries + i * (width + 2);
                int keyOffset = large ? int32(entry) : uint16(entry);
                string(start + keyOffset, uint16(entry + width));
                out.append(':');
            }
            int entry = valueEntries + i * (1 + width);
            int type = doc[entry] & 0xFF;
            int slot = entry + 1;
            if (isInlined(type, large)) {
                inlined(type, slot);
            } else {
                value(type, start + (large ? int32(slot) : uint16(slot)));
            }
        }
        out.append(object ? '}' : ']');
    }

    private static boolean isInlined(int type, boolean large) {
        switch (type) {
            case LITERAL:
            case INT16:
            case UINT16:
                return true;
            case INT32:
            case UINT32:
                return large;
            default:
                return false;
        }
    }

    private void inlined(int type, int slot) {
        switch (type) {
            case LITERAL:
                literal(doc[slot]);
                break;
            case INT16:
                out.append((short) uint16(slot));
                break;
            case UINT16:
                out.append(uint16(slot));
                break;
            case INT32:
                out.append(int32(slot));
                break;
            default:
                out.append(int32(slot) & 0xFFFFFFFFL);
        }
    }

    private void literal(byte value) {
        switch (value) {
            case 0:
                out.append("null");
                break;
            case 1:
                out.append("true");
                break;
            case 2:
                out.append("false");
                break;
            default:
                throw new IllegalArgumentException("malformed binary JSON value: literal " + value);
        }
    }

    /** Custom data: the MySQL field type, a variable-length size, then the field's own binary form. */
    private void opaque(int pos) {
        int fieldType = doc[pos] & 0xFF;
        long lengthAndSize = varLength(pos + 1);
        int length = (int) lengthAndSize;
        int data = pos + 1 + (int) (lengthAndSize >>> 32);
        if (fieldType == ColumnType.NEWDECIMAL.getCode() || fieldType == ColumnType.DECIMAL.getCode()) {
            // Precision and scale, then the same binary form as a DECIMAL column.
            out.append(CellDecoding.decimal(doc, data + 2, doc[data] & 0xFF, doc[data + 1] & 0xFF).toPlainString());
        } else if (fieldType == ColumnType.DATE.getCode()) {
            out.append('"');
            packedDatetime(int64(data), false);
            out.append('"');
        } else if (fieldType == ColumnType.TIME.getCode() || fieldType == ColumnType.TIME_V2.getCode()) {
            out.append('"');
            packedTime(int64(data));
            out.append('"');
        } else if (fieldType == ColumnType.DATETIME.getCode() || fieldType == ColumnType.DATETIME_V2.getCode()
                || fieldType == ColumnType.TIMESTAMP.getCode() || fieldType == ColumnType.TIMESTAMP_V2.getCode()) {
            out.append('"');
            packedDatetime(int64(data), true);
            out.append('"');
        } else {
            byte[] bytes = new byte[length];
            System.arraycopy(doc, data, bytes, 0, length);
            out.append("\"base64:type").append(fieldType).append(':')
                    .append(Base64.getEncoder().encodeToString(bytes)).append('"');
        }
    }

    /** MySQL's packed datetime: {@code (ymd << 17 | hms) << 24 | micros}. */
    private void packedDatetime(long packed, boolean withTime) {
        long magnitude = Math.abs(packed);
        long ymdhms = magnitude >> 24;
        int micros = (int) (magnitude & 0xFFFFFF);
        long ymd = ymdhms >> 17;
        int yearMonth = (int) (ymd >> 5);
        int hms = (int) (ymdhms & 0x1FFFF);
        if (packed < 0) {
            out.append('-');
        }
        pad(yearMonth / 13, 4);
        out.append('-');
        pad(yearMonth % 13, 2);
        out.append('-');
        pad((int) (ymd & 0x1F), 2);
        if (withTime) {
            out.append(' ');
            pad(hms >> 12, 2);
            out.append(':');
            pad((hms >> 6) & 0x3F, 2);
            out.append(':');
            pad(hms & 0x3F, 2);
            out.append('.');
            pad(micros, 6);
        }
    }

    /** MySQL's packed time: {@code (hour << 12 | minute << 6 | second) << 24 | micros}, negated if negative. */
    private void packedTime(long packed) {
        long magnitude = Math.abs(packed);
        long hms = magnitude >> 24;
        if (packed < 0) {
            out.append('-');
        }
        pad((int) ((hms >> 12) & 0x3FF), 2);
        out.append(':');
        pad((int) ((hms >> 6) & 0x3F), 2);
        out.append(':');
        pad((int) (hms & 0x3F), 2);
        out.append('.');
        pad((int) (magnitude & 0xFFFFFF), 6);
    }

    private void pad(int value, int digits) {
        for (int limit = 10, i = 1; i < digits; i++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        out.append(value);
    }

    /** A utf8mb4 string as a JSON string literal; invalid sequences become U+FFFD. */
    private void string(int pos, int length) {
        out.append('"');
        Utf8.appendJsonEscaped(doc, pos, length, out);
        out.append('"');
    }

    /** A variable-length size: 7 bits per byte, high bit set on all but the last; returns bytes used << 32 | value. */
    private long varLength(int pos) {
        long value = 0;
        for (int i = 0; i < 5; i++) {
            int b = doc[pos + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (value > Integer.MAX_VALUE) {
                    break;
                }
                return ((long) (i + 1) << 32) | value;
            }
        }
        throw new IllegalArgumentException("malformed binary JSON value: bad length at " + pos);
    }

    private int uint16(int pos) {
        return (doc[pos] & 0xFF) | (doc[pos + 1] & 0xFF) << 8;
    }

    private int int32(int pos) {
        return (doc[pos] & 0xFF) | (doc[pos + 1] & 0xFF) << 8 | (doc[pos + 2] & 0xFF) << 16 | (doc[pos + 3] & 0xFF) << 24;
    }

    private long int64(int pos) {
        return (int32(pos) & 0xFFFFFFFFL) | (long) int32(pos + 4) << 32;
    }

    /**
     * A double the way MySQL's JSON printer (my_gcvt with width 34) shows it: fixed notation unless the
     * number is an integer of more than 15 digits or needs more than the width, then {@code 1.5e-300};
     * integral values in fixed notation get {@code .0}.
     */
    static void appendDouble(double value, StringBuilder out) {
        if (value == 0) {
            out.append(1 / value < 0 ? "-0.0" : "0.0");
            return;
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON cannot hold " + value);
        }
        int width = GCVT_WIDTH;
        if (value < 0) {
            out.append('-');
            value = -value;
            width--;
        }
        // Shortest digits that read back as the same double, and the decimal point's position.
        String repr = Double.toString(value);
        int e = repr.indexOf('E');
        int exponent = e < 0 ? 0 : Integer.parseInt(repr.substring(e + 1));
        String mantissa = e < 0 ? repr : repr.substring(0, e);
        int dot = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(mantissa.length());
        digits.append(mantissa, 0, dot).append(mantissa, dot + 1, mantissa.length());
        int decpt = dot + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
            decpt--;
        }
        int end = digits.length();
        while (end > lead + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        String d = digits.substring(lead, end);
        int len = d.length();

        int fixedWidth = decpt <= 0 ? len - decpt + 2 : decpt < len ? len + 1 : decpt;
        if ((decpt <= MAX_DECPT_FOR_F_FORMAT || len > decpt) && fixedWidth <= width) {
            if (decpt <= 0) {
                out.append("0.");
                for (int i = decpt; i < 0; i++) {
                    out.append('0');
                }
                out.append(d);
            } else if (decpt < len) {
                out.append(d, 0, decpt).append('.').append(d, decpt, len);
            } else {
                out.append(d);
                for (int i = len; i < decpt; i++) {
                    out.append('0');
                }
                out.append(".0");
            }
        } else {
            out.append(d.charAt(0));
            if (len > 1) {
                out.append('.').append(d, 1, len);
            }
            out.append('e').append(decpt - 1);
        }
    }

    /** Appends {@code \}{@code uXXXX} for a control character. */
    static void appendUnicodeEscape(int c, StringBuilder out) {
        out.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
}
