package io.sluice.connector.position;

import java.util.List;
import java.util.Objects;

/**
 * How far the snapshot of one table got.
 *
 * @param database the table's database
 * @param table    the table name
 * @param where    an SQL condition limiting the rows read (an on-demand snapshot's filter), or {@code null}
 * @param lastKey  the key of the last row already emitted, one base64 text per key column holding the
 *                 bytes the server returned for it; {@code null} before the first chunk
 * @param rowsDone rows read so far (emitted, or left out because the stream carried a newer state)
 */
public record TableProgress(String database, String table, String where, List<String> lastKey, long rowsDone) {

    public TableProgress {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        lastKey = lastKey == null ? null : List.copyOf(lastKey);
    }

    /** A table not read at all yet. */
    public static TableProgress fresh(String database, String table, String where) {
        return new TableProgress(database, table, where, null, 0);
    }

    /** {@code db.table}. */
    public String qualifiedName() {
        return database + "." + table;
    }

    /** After one more chunk. */
    public TableProgress after(List<String> key, long rows) {
        return new TableProgress(database, table, where, key, rowsDone + rows);
    }
}
