package io.sluice.connector.snapshot;

import io.sluice.connector.binlog.RowsChange;
import io.sluice.connector.binlog.StreamItem;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.SnapshotProgress;

/**
 * Snapshot rows placed into the stream at a transaction boundary, or a change of the snapshot's
 * progress alone. The publisher emits the rows (op {@code r}) and, once the last of them is
 * acknowledged, the checkpoint carries {@code after}; every event published later carries it too.
 *
 * @param rows  the rows as a change of operation READ, or {@code null} when only the progress changes
 * @param at    the stream position the rows were placed at (the end of the last transaction before
 *              them); {@code null} when {@code rows} is
 * @param after the snapshot's progress once these rows are delivered; {@code null} when the snapshot is done
 */
public record SnapshotRows(RowsChange rows, BinlogPosition at, SnapshotProgress after) implements StreamItem {
}
