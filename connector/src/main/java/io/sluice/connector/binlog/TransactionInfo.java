package io.sluice.connector.binlog;

/**
 * The transaction that row changes belong to, fixed when its first event is read.
 *
 * @param id         stable identity: the GTID when the server has one, else {@code file:offset}
 * @param gtid       the transaction's GTID, or {@code null}
 * @param file       binlog file holding the transaction's first event
 * @param offset     offset of that first event
 * @param gtidSetBefore GTIDs of every transaction completed before this one, or {@code null}
 */
public record TransactionInfo(String id, String gtid, String file, long offset, String gtidSetBefore) {
}
