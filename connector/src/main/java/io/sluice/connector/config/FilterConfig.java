package io.sluice.connector.config;

import java.util.List;

/**
 * Which changes are captured. Patterns are regular expressions matched against the whole name,
 * case-sensitively: databases as {@code db}, tables as {@code db.table}, columns as
 * {@code db.table.column}. An empty include list includes everything; excludes win over includes.
 */
public record FilterConfig(
        List<String> includeDatabases,
        List<String> excludeDatabases,
        List<String> includeTables,
        List<String> excludeTables,
        List<String> excludeColumns) {

    public FilterConfig {
        includeDatabases = List.copyOf(includeDatabases);
        excludeDatabases = List.copyOf(excludeDatabases);
        includeTables = List.copyOf(includeTables);
        excludeTables = List.copyOf(excludeTables);
        excludeColumns = List.copyOf(excludeColumns);
    }

    public static final FilterConfig EVERYTHING =
            new FilterConfig(List.of(), List.of(), List.of(), List.of(), List.of());

    /** Reads {@code sluice.filter}; every pattern must compile. */
    static FilterConfig from(ConfigReader in) {
        return new FilterConfig(
                in.patterns("include-databases"),
                in.patterns("exclude-databases"),
                in.patterns("include-tables"),
                in.patterns("exclude-tables"),
                in.patterns("exclude-columns"));
    }
}
