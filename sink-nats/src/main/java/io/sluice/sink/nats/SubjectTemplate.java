package io.sluice.sink.nats;

import java.util.List;

/**
 * Forms an event's subject from {@code subject-template}: {@code {prefix}}, {@code {database}} and
 * {@code {table}} are replaced, other text is kept. Database and table names may hold characters a
 * subject token cannot ({@code .}, {@code *}, {@code >}, white space); those are written as {@code _},
 * so one table always maps to one subject of the same shape.
 */
final class SubjectTemplate {

    private static final String PREFIX = "{prefix}";
    private static final String DATABASE = "{database}";
    private static final String TABLE = "{table}";

    private final String template;
    private final String withPrefix;
    private final String wildcard;

    /** @throws IllegalArgumentException saying what is wrong with the template */
    SubjectTemplate(String template, String prefix) {
        this.template = template;
        if (prefix.isEmpty() && template.contains(PREFIX)) {
            throw new IllegalArgumentException("uses {prefix}, but subject-prefix is empty");
        }
        for (String token : prefix.split("\\.", -1)) {
            if (!prefix.isEmpty() && !validToken(token)) {
                throw new IllegalArgumentException("has the prefix \"" + prefix
                        + "\", which is not a subject: use tokens of letters, digits, - and _ separated by dots");
            }
        }
        this.withPrefix = template.replace(PREFIX, prefix);
        String probe = withPrefix.replace(DATABASE, "d").replace(TABLE, "t");
        if (probe.indexOf('{') >= 0 || probe.indexOf('}') >= 0) {
            throw new IllegalArgumentException("\"" + template + "\" has an unknown placeholder; the placeholders are "
                    + PREFIX + ", " + DATABASE + " and " + TABLE);
        }
        for (String token : probe.split("\\.", -1)) {
            if (!validToken(token)) {
                throw new IllegalArgumentException("\"" + template + "\" does not form a subject: every token between"
                        + " dots must be non-empty, without white space, * or >");
            }
        }
        StringBuilder wild = new StringBuilder();
        for (String token : withPrefix.split("\\.", -1)) {
            wild.append(wild.length() == 0 ? "" : ".")
                    .append(token.contains(DATABASE) || token.contains(TABLE) ? "*" : token);
        }
        this.wildcard = wild.toString();
    }

    /** The subject of one table's events. */
    String subject(String database, String table) {
        return withPrefix.replace(DATABASE, token(database)).replace(TABLE, token(table));
    }

    /** Every subject the template can produce, as a subject filter: placeholders' tokens become {@code *}. */
    String wildcard() {
        return wildcard;
    }

    /** Whether every subject of this template matches one of {@code filters} (stream subjects). */
    boolean coveredBy(List<String> filters) {
        for (String filter : filters) {
            if (covers(filter, wildcard)) {
                return true;
            }
        }
        return false;
    }

    /** Whether subject filter {@code filter} matches every subject that {@code pattern} matches. */
    static boolean covers(String filter, String pattern) {
        String[] f = filter.split("\\.", -1);
        String[] p = pattern.split("\\.", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals(">")) {
                return p.length > i;
            }
            if (i >= p.length) {
                return false;
            }
            if (f[i].equals("*")) {
                if (p[i].equals(">")) {
                    return false;
                }
            } else if (!f[i].equals(p[i])) {
                return false;
            }
        }
        return f.length == p.length;
    }

    private static boolean validToken(String token) {
        return !token.isEmpty() && token.chars().noneMatch(c -> c <= ' ' || c == '*' || c == '>' || c == 127);
    }

    private static String token(String name) {
        if (name.isEmpty()) {
            return "_";
        }
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean bad = c <= ' ' || c == '.' || c == '*' || c == '>' || c == 127;
            if (bad && out == null) {
                out = new StringBuilder(name.length()).append(name, 0, i);
            }
            if (out != null) {
                out.append(bad ? '_' : c);
            }
        }
        return out == null ? name : out.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
