package io.sluice.connector.binlog;

import io.sluice.event.Operation;

import java.io.Serializable;
import java.util.BitSet;
import java.util.List;

/**
 * The rows of one binlog rows event that survive the filters.
 *
 * @param transaction   the enclosing transaction
 * @param table         the table and its schema as the preceding TABLE_MAP described it
 * @param operation     insert, update or delete
 * @param before        the row images before the change (updates and deletes), else {@code null}
 * @param after         the row images after the change (inserts and updates), else {@code null}
 * @param beforeColumns which table columns the before images hold (all of them with a FULL row image)
 * @param afterColumns  which table columns the after images hold
 * @param firstRowIndex index within the transaction of the first row here; row {@code i} has index
 *                      {@code firstRowIndex + i}
 * @param firstRowInEvent index within the binlog rows event of the first row here (rows already
 *                      emitted before a resume are left out), so row {@code i} is row
 *                      {@code firstRowInEvent + i} of the event
 * @param eventOffset   binlog offset of the rows event
 * @param serverId      the server that wrote the event
 * @param timestampMillis when the event was written, in epoch milliseconds
 */
public record RowsChange(
        TransactionInfo transaction,
        CapturedTable table,
        Operation operation,
        List<Serializable[]> before,
        List<Serializable[]> after,
        BitSet beforeColumns,
        BitSet afterColumns,
        long firstRowIndex,
        int firstRowInEvent,
        long eventOffset,
        long serverId,
        long timestampMillis) implements StreamItem {

    public int rowCount() {
        return after != null ? after.size() : before.size();
    }
}
