package io.sluice.connector.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privileges in the lines of {@code SHOW GRANTS}, as far as Sluice cares: which are global (on
 * {@code *.*}), where SELECT is granted, and whether roles are involved (their privileges are not
 * expanded in the output). MySQL and MariaDB print the same shape; only some privilege names differ.
 */
final class Grants {

    private static final Pattern PRIVILEGE_GRANT = Pattern.compile(
            "^GRANT\\s+(.+?)\\s+ON\\s+(?:(?:TABLE|FUNCTION|PROCEDURE|PACKAGE BODY|PACKAGE)\\s+)?(\\S+)\\s+TO\\s+",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> global = new LinkedHashSet<>();
    private final Set<String> selectScopes = new LinkedHashSet<>();
    private int roleGrants;

    private Grants() {
    }

    static Grants parse(List<String> lines) {
        Grants grants = new Grants();
        for (String line : lines) {
            Matcher m = PRIVILEGE_GRANT.matcher(line.trim());
            if (!m.find()) {
                if (line.trim().toUpperCase(Locale.ROOT).startsWith("GRANT ")) {
                    grants.roleGrants++;
                }
                continue;
            }
            String scope = m.group(2).replace("`", "").replace("\"", "");
            for (String privilege : privileges(m.group(1))) {
                if (scope.equals("*.*")) {
                    grants.global.add(privilege);
                }
                if (privilege.equals("SELECT") || privilege.equals("ALL PRIVILEGES") || privilege.equals("ALL")) {
                    grants.selectScopes.add(scope);
                }
            }
        }
        return grants;
    }

    /** {@code true} when any of {@code names} is granted on {@code *.*}, directly or through ALL. */
    boolean global(String... names) {
        if (global.contains("ALL PRIVILEGES") || global.contains("ALL")) {
            return true;
        }
        for (String name : names) {
            if (global.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Where SELECT is granted: {@code *.*}, {@code db.*} or {@code db.table}, in grant order. */
    Set<String> selectScopes() {
        return selectScopes;
    }

    /** {@code true} when roles are granted, whose privileges {@code SHOW GRANTS} does not list. */
    boolean hasRoles() {
        return roleGrants > 0;
    }

    /** Upper-case privilege names, column lists removed: "SELECT (a, b), INSERT" gives SELECT, INSERT. */
    private static List<String> privileges(String list) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : list.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                result.add(normalize(current));
                current.setLength(0);
            } else if (depth == 0) {
                current.append(c);
            }
        }
        result.add(normalize(current));
        return result;
    }

    private static String normalize(CharSequence privilege) {
        return privilege.toString().trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
