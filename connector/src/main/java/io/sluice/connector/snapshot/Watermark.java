package io.sluice.connector.snapshot;

import io.sluice.connector.position.BinlogPosition;

/**
 * A point of the binlog (file and offset), ordered as the server writes them: files by their numeric
 * extension ({@code binlog.000009} before {@code binlog.000010}), then by offset. A point in a file whose
 * name is unknown (a stream started from a GTID set has read none yet) is before every other.
 */
record Watermark(String file, long offset) implements Comparable<Watermark> {

    static final Watermark NONE = new Watermark("", 0);

    static Watermark of(BinlogPosition position) {
        return new Watermark(position.file(), position.offset());
    }

    @Override
    public int compareTo(Watermark other) {
        if (!file.equals(other.file)) {
            if (file.isEmpty() || other.file.isEmpty()) {
                return file.isEmpty() ? -1 : 1;
            }
            int byNumber = Long.compare(sequence(file), sequence(other.file));
            return byNumber != 0 ? byNumber : file.compareTo(other.file);
        }
        return Long.compare(offset, other.offset);
    }

    boolean atOrAfter(Watermark other) {
        return compareTo(other) >= 0;
    }

    static Watermark max(Watermark a, Watermark b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long sequence(String file) {
        int dot = file.lastIndexOf('.');
        try {
            return Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return file + ":" + offset;
    }
}
