package io.sluice.connector.binlog;

/** What the reader hands to the pipeline, in binlog order. */
public sealed interface StreamItem permits RowsChange, TransactionEnd {
}
