package io.sluice.connector.snapshot;

import io.sluice.connector.schema.ColumnSchema;
import io.sluice.connector.schema.TableSchema;

import java.util.List;
import java.util.StringJoiner;

/**
 * The SQL that reads one chunk of a table in key order: every column (as {@link SnapshotCells} selects
 * it), after the last key read, at most {@code LIMIT ?} rows:
 * <pre>
 * SELECT ... FROM `db`.`t` WHERE (`k1`, `k2`) &gt; (?, ?) ORDER BY `k1`, `k2` LIMIT ?
 * </pre>
 * The first chunk has no {@code WHERE}. The key is the table's primary key, or the unique index over NOT
 * NULL columns the core keys its events by ({@link TableSchema#keyColumns()}); its values are never NULL,
 * so the row comparison never meets an unknown. A table without such a key has no order to resume
 * from: it is read whole, in one query without {@code ORDER BY} or {@code LIMIT}.
 */
final class KeysetQuery {

    private final String first;
    private final String next;

    KeysetQuery(TableSchema table) {
        StringJoiner columns = new StringJoiner(", ");
        for (ColumnSchema column : table.columns()) {
            columns.add(SnapshotCells.selectExpression(column));
        }
        String from = "SELECT " + columns + " FROM " + quote(table.database()) + "." + quote(table.table());
        if (!table.hasKey()) {
            first = from;
            next = null;
            return;
        }
        List<ColumnSchema> all = table.columns();
        StringJoiner keys = new StringJoiner(", ");
        StringJoiner placeholders = new StringJoiner(", ");
        for (int position : table.keyColumns()) {
            keys.add(quote(all.get(position).name()));
            placeholders.add(KeyParameters.placeholder(all.get(position)));
        }
        String order = " ORDER BY " + keys + " LIMIT ?";
        first = from + order;
        String comparison = table.keyColumns().length == 1
                ? keys + " > " + placeholders
                : "(" + keys + ") > (" + placeholders + ")";
        next = from + " WHERE " + comparison + order;
    }

    /** The query for the first chunk: no key parameters; a {@code LIMIT ?} parameter when the table has a key. */
    String first() {
        return first;
    }

    /**
     * The query for a chunk after a key: one parameter per key column, in key order, then the limit.
     *
     * @throws IllegalStateException for a table without a key, which is read in one chunk
     */
    String after() {
        if (next == null) {
            throw new IllegalStateException("a table without a key is read in one chunk; there is no chunk after it");
        }
        return next;
    }

    /** A MySQL identifier in backticks, with backticks inside doubled. */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
