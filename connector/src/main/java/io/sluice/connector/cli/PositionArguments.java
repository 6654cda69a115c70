package io.sluice.connector.cli;

import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.GtidSyntax;
import picocli.CommandLine.Option;

/**
 * Where {@code sluice position set} moves the position, as given on its command line: a binlog file and
 * offset, or a GTID set. Checked here for form only; whether the server has it is
 * {@link io.sluice.connector.binlog.ResumeCheck}'s question.
 */
final class PositionArguments {

    /** The smallest offset of an event: every binlog file starts with a 4-byte magic number. */
    static final long FIRST_OFFSET = 4;

    @Option(names = "--file", paramLabel = "NAME",
            description = "The binlog file to resume in, as SHOW BINARY LOGS lists it (binlog.000042).")
    String file;

    @Option(names = "--pos", paramLabel = "N", description = "The offset in that file: where a transaction starts"
            + " (the Pos of its Gtid or Anonymous_Gtid event in SHOW BINLOG EVENTS IN 'NAME'), 4 for the file's start,"
            + " or its end.")
    Long pos;

    @Option(names = "--gtid-set", paramLabel = "SET", description = "Instead, resume after these transactions: a MySQL"
            + " GTID set as SELECT @@global.gtid_executed shows it (uuid:1-100,...), or a MariaDB GTID list as SELECT"
            + " @@global.gtid_binlog_pos shows it (domain-server-sequence,...).")
    String gtidSet;

    /**
     * The position to write: the file and offset with no rows to skip and no GTID set (the reader resumes by
     * file when it has one), or an empty file and the GTID set, which makes the server find the file.
     *
     * @throws IllegalArgumentException naming the option that is missing, extra or malformed
     */
    BinlogPosition target() {
        boolean byFile = file != null || pos != null;
        if (byFile && gtidSet != null) {
            throw new IllegalArgumentException("give either --file and --pos, or --gtid-set, not both");
        }
        if (!byFile && gtidSet == null) {
            throw new IllegalArgumentException("say where to move the position: --file NAME --pos N (a binlog file"
                    + " and an offset in it), or --gtid-set SET");
        }
        if (gtidSet != null) {
            try {
                GtidSyntax.flavor(gtidSet);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--gtid-set " + e.getMessage(), e);
            }
            return new BinlogPosition("", FIRST_OFFSET, 0, GtidSyntax.normalize(gtidSet));
        }
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("--pos needs --file: the binlog file the offset is in, as SHOW BINARY"
                    + " LOGS lists it (binlog.000042)");
        }
        if (file.contains("/") || file.contains("\\")) {
            throw new IllegalArgumentException("--file " + file + " is a path; give the binlog file's name alone, as"
                    + " SHOW BINARY LOGS lists it (binlog.000042)");
        }
        if (pos == null) {
            throw new IllegalArgumentException("--file needs --pos: the offset in " + file + ", " + FIRST_OFFSET
                    + " for its start");
        }
        if (pos < FIRST_OFFSET) {
            throw new IllegalArgumentException("--pos " + pos + " is not an offset an event can start at: the first"
                    + " event of a binlog file is at " + FIRST_OFFSET + ", after the file's 4-byte header");
        }
        return new BinlogPosition(file.strip(), pos, 0, null);
    }
}
