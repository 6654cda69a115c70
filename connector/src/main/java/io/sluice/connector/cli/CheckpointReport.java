package io.sluice.connector.cli;

import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.config.SnapshotConfig;
import io.sluice.connector.config.StartPosition;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.TableProgress;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** A checkpoint, or its absence, in words for the people who run {@code sluice position}. */
final class CheckpointReport {

    private CheckpointReport() {
    }

    /** Every part of {@code checkpoint}, one per line, under a heading naming the store. */
    static List<String> lines(String store, Checkpoint checkpoint) {
        BinlogPosition position = checkpoint.binlog();
        List<String> lines = new ArrayList<>();
        lines.add("Checkpoint in " + store + ":");
        if (position.file().isEmpty()) {
            lines.add("  binlog file   (none yet: the server finds it from the GTID set)");
        } else {
            lines.add("  binlog file   " + position.file());
            lines.add("  offset        " + position.offset());
        }
        lines.add("  rows to skip  " + position.rowsToSkip() + (position.rowsToSkip() == 0 ? ""
                : " (rows of the transaction starting at that offset already emitted)"));
        lines.add("  GTID set      " + (position.gtidSet() == null || position.gtidSet().isEmpty() ? "(none)"
                : position.gtidSet()));
        if (checkpoint.snapshot() == null) {
            lines.add("  snapshot      none in progress");
        } else {
            lines.add("  snapshot      in progress, " + checkpoint.snapshot().tables().size()
                    + " table(s) left, read in this order:");
            for (TableProgress table : checkpoint.snapshot().tables()) {
                lines.add("    " + table(table));
            }
        }
        return lines;
    }

    /** The position on one line: {@code binlog.000003:1234, 5 rows in, GTID set ...}. */
    static String oneLine(BinlogPosition position) {
        String where = position.file().isEmpty() ? "the first transaction not in the GTID set"
                : position.file() + ":" + position.offset();
        String rows = position.rowsToSkip() > 0 ? ", " + position.rowsToSkip() + " rows into its transaction" : "";
        String gtids = position.gtidSet() == null || position.gtidSet().isEmpty() ? ""
                : (position.file().isEmpty() ? " " : ", GTID set ") + position.gtidSet();
        return where + rows + gtids;
    }

    /** {@code shop.orders where ...: last key [1042], 8192 rows done}. */
    static String table(TableProgress table) {
        String name = table.qualifiedName() + (table.where() == null ? "" : " where " + table.where());
        if (table.lastKey() == null) {
            return name + ": not started";
        }
        List<String> key = new ArrayList<>();
        for (String cell : table.lastKey()) {
            key.add(keyCell(cell));
        }
        return name + ": last key [" + String.join(", ", key) + "], " + table.rowsDone() + " rows done";
    }

    /**
     * A key cell as text when its bytes are printable UTF-8, as numbers and most strings are, else as
     * the base64 the checkpoint holds.
     */
    private static String keyCell(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.codePoints().allMatch(c -> !Character.isISOControl(c)) ? text : "base64:" + base64;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return "base64:" + base64;
        }
    }

    /** Where the daemon starts without a checkpoint: {@code sluice.source.start}, and whether it snapshots. */
    static String start(SluiceConfig config) {
        StartPosition start = config.source().start();
        String from = switch (start.kind()) {
            case CURRENT -> "the current end of the binlog";
            case EARLIEST -> "the oldest binlog file the server still has";
            case FILE -> start.file() + ":" + start.offset();
            case GTID -> "the first transaction not in GTID set " + start.gtidSet();
        };
        SnapshotConfig.Mode mode = config.snapshot().mode();
        String snapshot = mode == SnapshotConfig.Mode.NEVER ? "without a snapshot"
                : "with a snapshot of every captured table alongside";
        return "The daemon would start from sluice.source.start: " + from + " (from = "
                + start.kind().name().toLowerCase(Locale.ROOT) + "), " + snapshot + " (sluice.snapshot.mode = "
                + mode.name().toLowerCase(Locale.ROOT).replace('_', '-') + ").";
    }
}
