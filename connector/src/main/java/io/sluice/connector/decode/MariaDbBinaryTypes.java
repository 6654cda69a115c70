package io.sluice.connector.decode;

/**
 * Text forms of MariaDB's fixed-size binary types, which the binlog logs as {@code BINARY(n)} with
 * trailing zero bytes removed (so shorter values are zero-padded here):
 * <ul>
 *   <li>{@code INET4} (10.10+): 4 bytes, dotted quad.</li>
 *   <li>{@code INET6} (10.5+): 16 bytes in network order, printed as MariaDB does (its
 *       {@code Inet6::to_string}, MySQL's {@code INET6_NTOA}): lower-case hex words without leading zeros,
 *       the first longest run of zero words (even a single one) as {@code ::}, and IPv4-mapped
 *       ({@code ::ffff:1.2.3.4}) and IPv4-compatible ({@code ::1.2.3.4}) addresses with a dotted tail.</li>
 *   <li>{@code UUID} (10.7+): 16 bytes. MariaDB stores UUIDs in the record with their groups reordered for
 *       index locality, but logs them "in memory" order, i.e. the order of the text
 *       ({@code plugin/type_uuid/sql_type_uuid.h}, {@code UUID::pack}), so the text is the bytes in hex.</li>
 * </ul>
 */
final class MariaDbBinaryTypes {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private MariaDbBinaryTypes() {
    }

    /** Writes the dotted quad of up to 4 bytes (missing ones are zero) into {@code out}; returns the length. */
    static int inet4(byte[] bytes, char[] out) {
        return ipv4(bytes, 0, out, 0);
    }

    /** Writes the IPv6 text of up to 16 bytes (missing ones are zero) into {@code out}; returns the length. */
    static int inet6(byte[] bytes, char[] out) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = byteAt(bytes, 2 * i) << 8 | byteAt(bytes, 2 * i + 1);
        }
        int gapPos = -1;
        int gapLength = -1;
        int runPos = -1;
        int runLength = 0;
        for (int i = 0; i < 8; i++) {
            if (words[i] != 0) {
                if (runPos >= 0 && runLength > gapLength) {
                    gapPos = runPos;
                    gapLength = runLength;
                }
                runPos = -1;
            } else if (runPos >= 0) {
                runLength++;
            } else {
                runPos = i;
                runLength = 1;
            }
        }
        if (runPos >= 0 && runLength > gapLength) {
            gapPos = runPos;
            gapLength = runLength;
        }

        int n = 0;
        for (int i = 0; i < 8; i++) {
            if (i == gapPos) {
                if (i == 0) {
                    out[n++] = ':';
                }
                out[n++] = ':';
                i += gapLength - 1;
            } else if (i == 6 && gapPos == 0 && (gapLength == 6 || (gapLength == 5 && words[5] == 0xFFFF))) {
                return ipv4(bytes, 12, out, n);
            } else {
                n = hexWord(words[i], out, n);
                if (i != 7) {
                    out[n++] = ':';
                }
            }
        }
        return n;
    }

    /** Writes the canonical 8-4-4-4-12 lower-case text of up to 16 bytes (missing ones are zero); returns 36. */
    static int uuid(byte[] bytes, char[] out) {
        int n = 0;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out[n++] = '-';
            }
            int b = byteAt(bytes, i);
            out[n++] = HEX[b >> 4];
            out[n++] = HEX[b & 0xF];
        }
        return n;
    }

    private static int ipv4(byte[] bytes, int offset, char[] out, int n) {
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                out[n++] = '.';
            }
            int b = byteAt(bytes, offset + i);
            if (b >= 100) {
                out[n++] = (char) ('0' + b / 100);
            }
            if (b >= 10) {
                out[n++] = (char) ('0' + b / 10 % 10);
            }
            out[n++] = (char) ('0' + b % 10);
        }
        return n;
    }

    private static int hexWord(int word, char[] out, int n) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int digit = (word >> shift) & 0xF;
            if (digit != 0 || started || shift == 0) {
                out[n++] = HEX[digit];
                started = true;
            }
        }
        return n;
    }

    private static int byteAt(byte[] bytes, int i) {
        return i < bytes.length ? bytes[i] & 0xFF : 0;
    }
}
