package io.sluice.connector.snapshot;

import io.sluice.connector.schema.ColumnSchema;
import io.sluice.connector.schema.TableSchema;

import java.util.List;
import java.util.StringJoiner;

/**
 * The SQL that reads one chunk of a table in key order: every column (as {@link SnapshotCells} selects
 * it), after the last key read, at most {@code LIMIT ?} rows. The condition is the row comparison
 * {@code (k1, k2, k3) > (?, ?, ?)} written out as
 * <pre>
 * k1 &gt; ? OR (k1 = ? AND k2 &gt; ?) OR (k1 = ? AND k2 = ? AND k3 &gt; ?)
 * </pre>
 * because neither MySQL 8.0 nor MariaDB range-scans a row comparison: they walk the key from its
 * start on every chunk, which makes reading a table quadratic, while the expanded form is a range
 * that starts at the last key. The first chunk has no {@code WHERE}. Key parameters are bound in the
 * order of the terms ({@link #keyParameterColumns()}), then the limit.
 *
 * <p>The key is the table's primary key, or the unique index over NOT NULL columns the core keys its
 * events by ({@link TableSchema#keyColumns()}); its values are never NULL, so no comparison meets an
 * unknown. A table without such a key has no order to resume from: it is read whole, in one query
 * without {@code ORDER BY} or {@code LIMIT}.
 */
final class KeysetQuery {

    private final String first;
    private final String next;
    private final int[] parameterColumns;

    KeysetQuery(TableSchema table) {
        this(table, null);
    }

    /** @param where an SQL condition every row read must meet, or {@code null} */
    KeysetQuery(TableSchema table, String where) {
        StringJoiner columns = new StringJoiner(", ");
        for (ColumnSchema column : table.columns()) {
            columns.add(SnapshotCells.selectExpression(column));
        }
        String from = "SELECT " + columns + " FROM " + quote(table.database()) + "." + quote(table.table());
        int[] key = table.keyColumns();
        String filter = where == null ? "" : "(" + where + ")";
        if (key.length == 0) {
            first = filter.isEmpty() ? from : from + " WHERE " + filter;
            next = null;
            parameterColumns = new int[0];
            return;
        }
        List<ColumnSchema> all = table.columns();
        StringJoiner order = new StringJoiner(", ", " ORDER BY ", " LIMIT ?");
        for (int position : key) {
            order.add(quote(all.get(position).name()));
        }
        StringJoiner terms = new StringJoiner(" OR ");
        parameterColumns = new int[key.length * (key.length + 1) / 2];
        int parameter = 0;
        for (int last = 0; last < key.length; last++) {
            StringJoiner term = new StringJoiner(" AND ");
            for (int k = 0; k <= last; k++) {
                ColumnSchema column = all.get(key[k]);
                term.add(quote(column.name()) + (k < last ? " = " : " > ") + KeyParameters.placeholder(column));
                parameterColumns[parameter++] = k;
            }
            terms.add(last == 0 || key.length == 1 ? term.toString() : "(" + term + ")");
        }
        first = (filter.isEmpty() ? from : from + " WHERE " + filter) + order;
        next = from + " WHERE " + (filter.isEmpty() ? terms.toString() : filter + " AND (" + terms + ")") + order;
    }

    /** The query for the first chunk: no key parameters; a {@code LIMIT ?} parameter when the table has a key. */
    String first() {
        return first;
    }

    /**
     * The query for a chunk after a key: the parameters of {@link #keyParameterColumns()}, then the limit.
     *
     * @throws IllegalStateException for a table without a key, which is read in one chunk
     */
    String after() {
        if (next == null) {
            throw new IllegalStateException("a table without a key is read in one chunk; there is no chunk after it");
        }
        return next;
    }

    /** For each key parameter of {@link #after()}, in order, which key column (index into the key) it binds. */
    int[] keyParameterColumns() {
        return parameterColumns.clone();
    }

    /** A MySQL identifier in backticks, with backticks inside doubled. */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
