package io.sluice.connector.binlog;

import io.sluice.connector.position.BinlogPosition;

/**
 * A transaction (or DDL statement) has ended; {@code next} is where the following one starts. It lets
 * the checkpoint move even when the filters dropped every row of the transaction.
 */
public record TransactionEnd(BinlogPosition next) implements StreamItem {
}
