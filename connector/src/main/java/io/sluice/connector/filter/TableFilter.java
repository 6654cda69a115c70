package io.sluice.connector.filter;

import io.sluice.connector.config.FilterConfig;
import io.sluice.connector.schema.ColumnSchema;
import io.sluice.connector.schema.TableSchema;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides, from {@link FilterConfig}, which tables are captured and which of their columns are left
 * out of events. Called once per table definition, not per row.
 */
public final class TableFilter {

    private final List<Pattern> includeDatabases;
    private final List<Pattern> excludeDatabases;
    private final List<Pattern> includeTables;
    private final List<Pattern> excludeTables;
    private final List<Pattern> excludeColumns;

    /** Captured whatever the patterns say (a snapshot signal table), as {@code db.table}, or {@code null}. */
    private final String alwaysCaptured;

    public TableFilter(FilterConfig config) {
        this(config, null);
    }

    /** @param alwaysCaptured a table captured whatever the patterns say, as {@code db.table}, or {@code null} */
    public TableFilter(FilterConfig config, String alwaysCaptured) {
        this.alwaysCaptured = alwaysCaptured;
        includeDatabases = compile(config.includeDatabases());
        excludeDatabases = compile(config.excludeDatabases());
        includeTables = compile(config.includeTables());
        excludeTables = compile(config.excludeTables());
        excludeColumns = compile(config.excludeColumns());
    }

    /** Whether changes to {@code database.table} are captured. */
    public boolean captures(String database, String table) {
        if (SystemSchemas.isSystem(database)) {
            return false;
        }
        String qualified = database + "." + table;
        if (qualified.equals(alwaysCaptured)) {
            return true;
        }
        return included(includeDatabases, database) && !matchesAny(excludeDatabases, database)
                && included(includeTables, qualified) && !matchesAny(excludeTables, qualified);
    }

    /** Positions of the columns of {@code table} that are left out of events; empty when none are. */
    public BitSet excludedColumns(TableSchema table) {
        BitSet excluded = new BitSet();
        if (excludeColumns.isEmpty()) {
            return excluded;
        }
        for (ColumnSchema column : table.columns()) {
            if (matchesAny(excludeColumns, table.qualifiedName() + "." + column.name())) {
                excluded.set(column.position());
            }
        }
        return excluded;
    }

    private static boolean included(List<Pattern> includes, String name) {
        return includes.isEmpty() || matchesAny(includes, name);
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(Pattern::compile).toList();
    }

    /** The server's own schemas, whose changes are bookkeeping rather than user data. */
    private static final class SystemSchemas {
        static boolean isSystem(String database) {
            switch (database) {
                case "mysql":
                case "sys":
                case "performance_schema":
                case "information_schema":
                    return true;
                default:
                    return false;
            }
        }
    }
}
