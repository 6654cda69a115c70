package io.sluice.connector.snapshot;

import io.sluice.connector.binlog.CapturedTable;

import java.io.Serializable;
import java.util.List;

/**
 * A chunk read and waiting to be placed into the stream once the reader has passed {@code high}.
 *
 * @param table    the table as read, with the columns the filter leaves out
 * @param rows     the rows in key order
 * @param lastKey  the new saved key (base64 of the server's bytes per key column), {@code null} for a table
 *                 without a key
 * @param last     whether this chunk ends the table
 * @param low      the stream point from which every changed key is left out of the chunk
 * @param high     the server's binlog end after the chunk was read; the rows go into the stream after it
 */
record ReadyChunk(CapturedTable table, List<Serializable[]> rows, List<String> lastKey, boolean last,
                  Watermark low, Watermark high) {

    String name() {
        return table.schema().qualifiedName();
    }
}
