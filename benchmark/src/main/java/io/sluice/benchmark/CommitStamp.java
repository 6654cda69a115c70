package io.sluice.benchmark;

import java.nio.charset.StandardCharsets;

/**
 * Reads what the latency load writes into each row back out of an event: the row id from the key and
 * the {@code commit_us} column (microseconds since the epoch, taken right before the commit) from the
 * value's {@code after} image. A byte search, not a JSON parser: the benchmark's own rows are known.
 */
final class CommitStamp {

    /** The column the load fills with the commit time. */
    static final String COLUMN = "commit_us";

    private static final byte[] ID = "\"id\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMIT = ("\"" + COLUMN + "\":").getBytes(StandardCharsets.US_ASCII);

    private CommitStamp() {
    }

    /** The row id from an event key such as {@code {"id":42}}. */
    static long id(byte[] key) {
        return number(key, ID);
    }

    /** The commit time from an insert's value; its {@code before} is null, so the first match is {@code after}. */
    static long commitMicros(byte[] value) {
        return number(value, COMMIT);
    }

    private static long number(byte[] json, byte[] field) {
        int at = indexOf(json, field);
        if (at < 0) {
            throw new IllegalArgumentException("no " + new String(field, StandardCharsets.US_ASCII) + " in "
                    + new String(json, 0, Math.min(json.length, 200), StandardCharsets.UTF_8));
        }
        long value = 0;
        for (int i = at + field.length; i < json.length && json[i] >= '0' && json[i] <= '9'; i++) {
            value = value * 10 + (json[i] - '0');
        }
        return value;
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
