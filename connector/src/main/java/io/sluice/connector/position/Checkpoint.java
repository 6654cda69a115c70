package io.sluice.connector.position;

import java.util.Objects;

/**
 * Everything a restart needs: where the binlog stream stands and, while a snapshot runs, how far it got.
 *
 * @param binlog   the stream's position
 * @param snapshot the snapshot's progress at that point of the stream, or {@code null} when none runs
 */
public record Checkpoint(BinlogPosition binlog, SnapshotProgress snapshot) {

    public Checkpoint {
        Objects.requireNonNull(binlog, "binlog");
    }

    /** A checkpoint of the stream alone. */
    public static Checkpoint of(BinlogPosition binlog) {
        return new Checkpoint(binlog, null);
    }

    /** For logs: the position, and the snapshot's tables when one runs. */
    public String describe() {
        if (snapshot == null) {
            return binlog.describe();
        }
        return binlog.describe() + ", snapshot of " + snapshot.tables().size() + " table(s) pending from "
                + snapshot.tables().get(0).qualifiedName();
    }
}
