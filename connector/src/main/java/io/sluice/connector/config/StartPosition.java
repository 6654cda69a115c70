package io.sluice.connector.config;

/**
 * Where streaming begins when no checkpoint has been saved yet.
 *
 * @param kind     which of the forms below is used
 * @param file     binlog file name, for {@link Kind#FILE}
 * @param offset   offset within that file, for {@link Kind#FILE}
 * @param gtidSet  GTID set already processed, for {@link Kind#GTID}
 */
public record StartPosition(Kind kind, String file, long offset, String gtidSet) {

    public enum Kind {
        /** The server's current end of the binlog: only changes from now on. */
        CURRENT,
        /** The oldest binlog file the server still has. */
        EARLIEST,
        /** An explicit binlog file and offset. */
        FILE,
        /** Everything after an explicit GTID set. */
        GTID
    }

    public static final StartPosition CURRENT_POSITION = new StartPosition(Kind.CURRENT, null, 0, null);

    /** Reads {@code sluice.source.start}; the fields that {@code from} needs are required. */
    static StartPosition from(ConfigReader in) {
        Kind kind = in.choice("from", Kind.class);
        return switch (kind) {
            case CURRENT, EARLIEST -> new StartPosition(kind, null, 0, null);
            case FILE -> new StartPosition(kind,
                    in.string("file", "the binlog file to start in when from = file, for example \"binlog.000042\""),
                    in.number("offset", 4, Long.MAX_VALUE), null);
            case GTID -> new StartPosition(kind, null, 0,
                    in.string("gtid-set", "the GTID set already processed when from = gtid"));
        };
    }
}
