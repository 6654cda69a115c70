package io.sluice.connector.position;

import java.util.Objects;

/**
 * A point between two row changes of the binlog, precise enough to resume from.
 *
 * <p>Binlog offsets only mark event boundaries, and one transaction may hold a million rows. So a
 * position names the start of the enclosing transaction and how many of its rows were already
 * emitted: resuming re-reads the transaction from its start (including the TABLE_MAP events its rows
 * need) and skips that many rows.
 *
 * @param file       binlog file holding the transaction's first event
 * @param offset     offset of that first event (the GTID or BEGIN event), or of the next transaction
 *                   when {@code rowsToSkip} is 0 and the previous one is complete
 * @param rowsToSkip rows of the transaction at {@code offset} already emitted
 * @param gtidSet    GTIDs of every transaction completed before {@code offset} (MySQL {@code uuid:n-m},
 *                   MariaDB {@code domain-server-seq}), or {@code null} when the server has no GTIDs
 */
public record BinlogPosition(String file, long offset, long rowsToSkip, String gtidSet) {

    public BinlogPosition {
        Objects.requireNonNull(file, "file");
        if (offset < 0 || rowsToSkip < 0) {
            throw new IllegalArgumentException("negative offset or row count in " + file + ":" + offset);
        }
    }

    /** For logs and error messages: {@code mysql-bin.000003:1234 (+5 rows)}. */
    public String describe() {
        String text = file + ":" + offset + (rowsToSkip > 0 ? " (+" + rowsToSkip + " rows)" : "");
        return gtidSet == null || gtidSet.isEmpty() ? text : text + " gtid " + gtidSet;
    }
}
