package io.sluice.connector.binlog;

/**
 * What the reader hands to the pipeline, in binlog order: {@link RowsChange}, {@link TransactionEnd}, and
 * the snapshot's rows placed between transactions ({@link io.sluice.connector.snapshot.SnapshotRows}).
 */
public interface StreamItem {
}
