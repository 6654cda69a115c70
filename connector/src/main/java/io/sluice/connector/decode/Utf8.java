package io.sluice.connector.decode;

/** Strict UTF-8 checks and decoding without intermediate strings (RFC 3629: no overlongs, surrogates or values above U+10FFFF). */
final class Utf8 {

    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {
    }

    /** Whether the bytes are well-formed UTF-8. */
    static boolean isValid(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int size = sequenceLength(bytes, i, end);
            if (size < 0) {
                return false;
            }
            i += size;
        }
        return true;
    }

    /**
     * Appends the text the bytes encode, escaped for the inside of a JSON string literal: {@code "},
     * {@code \} and control characters; other characters as they are. Ill-formed bytes become U+FFFD.
     */
    static void appendJsonEscaped(byte[] bytes, int offset, int length, StringBuilder out) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i];
            if (b >= 0) {
                appendEscaped((char) b, out);
                i++;
                continue;
            }
            int size = sequenceLength(bytes, i, end);
            if (size < 0) {
                out.append(REPLACEMENT);
                i++;
                continue;
            }
            int codePoint = decode(bytes, i, size);
            if (codePoint < 0x10000) {
                out.append((char) codePoint);
            } else {
                out.append(Character.highSurrogate(codePoint)).append(Character.lowSurrogate(codePoint));
            }
            i += size;
        }
    }

    private static void appendEscaped(char c, StringBuilder out) {
        switch (c) {
            case '"':
                out.append("\\\"");
                break;
            case '\\':
                out.append("\\\\");
                break;
            case '\b':
                out.append("\\b");
                break;
            case '\f':
                out.append("\\f");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                if (c < 0x20) {
                    MysqlJsonText.appendUnicodeEscape(c, out);
                } else {
                    out.append(c);
                }
        }
    }

    /** The length of the well-formed multi-byte sequence at {@code i}, or -1. */
    private static int sequenceLength(byte[] bytes, int i, int end) {
        int b0 = bytes[i] & 0xFF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            return i + 1 < end && isContinuation(bytes[i + 1]) ? 2 : -1;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (i + 2 >= end) {
                return -1;
            }
            int b1 = bytes[i + 1] & 0xFF;
            int low = b0 == 0xE0 ? 0xA0 : 0x80;
            int high = b0 == 0xED ? 0x9F : 0xBF;
            return b1 >= low && b1 <= high && isContinuation(bytes[i + 2]) ? 3 : -1;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (i + 3 >= end) {
                return -1;
            }
            int b1 = bytes[i + 1] & 0xFF;
            int low = b0 == 0xF0 ? 0x90 : 0x80;
            int high = b0 == 0xF4 ? 0x8F : 0xBF;
            return b1 >= low && b1 <= high && isContinuation(bytes[i + 2]) && isContinuation(bytes[i + 3]) ? 4 : -1;
        }
        return -1;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    private static int decode(byte[] bytes, int i, int size) {
        int b0 = bytes[i] & 0xFF;
        switch (size) {
            case 2:
                return (b0 & 0x1F) << 6 | (bytes[i + 1] & 0x3F);
            case 3:
                return (b0 & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | (bytes[i + 2] & 0x3F);
            default:
                return (b0 & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6
                        | (bytes[i + 3] & 0x3F);
        }
    }
}
