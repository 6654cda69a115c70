package io.sluice.connector.snapshot;

import java.io.Serializable;
import java.util.List;

/**
 * One chunk of a table, in key order.
 *
 * @param rows    the rows, every one a full row image with one cell per column in table order, each cell
 *                as the binlog decoding produces it
 * @param lastKey the key cells (in key order) of the last row, to pass to the next read; {@code null}
 *                when the chunk is empty
 * @param last    whether the table has no rows after this chunk (as of the query)
 * @param lastKeyBytes the bytes the server returned for {@code lastKey}'s cells, to save in a checkpoint and
 *                turn back into cells with {@link ChunkReader#keyFromBytes}; {@code null} when the chunk is empty
 */
public record Chunk(List<Serializable[]> rows, Serializable[] lastKey, boolean last, byte[][] lastKeyBytes) {

    public Chunk {
        rows = List.copyOf(rows);
    }
}
