package io.sluice.connector.check;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the pre-flight learnt from the server, gathered once so every rule is a pure function of it.
 *
 * @param version          {@code VERSION()}, for example {@code 8.0.31} or {@code 11.4.5-MariaDB-log}
 * @param serverId         the server's own {@code @@server_id}
 * @param currentUser      {@code CURRENT_USER()} as {@code user@host}, the account whose grants apply
 * @param variables        global variables, lower-case names to values; absent ones are missing
 * @param grants           the lines of {@code SHOW GRANTS}; may contain password hashes, never print them
 * @param replicaServerIds server ids of the replicas registered with the server, or {@code null} when
 *                         the list could not be read
 * @param replicasNote     why the replica list could not be read, or {@code null}
 * @param binlogFiles      the binlog files the server still has, oldest first ({@code SHOW BINARY LOGS}),
 *                         or {@code null} when they could not be listed
 */
record ServerFacts(
        String version,
        long serverId,
        String currentUser,
        Map<String, String> variables,
        List<String> grants,
        List<Long> replicaServerIds,
        String replicasNote,
        List<String> binlogFiles) {

    private static final Pattern NUMBERS = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    ServerFacts {
        variables = Map.copyOf(variables);
        grants = List.copyOf(grants);
        replicaServerIds = replicaServerIds == null ? null : List.copyOf(replicaServerIds);
        binlogFiles = binlogFiles == null ? null : List.copyOf(binlogFiles);
    }

    boolean mariaDb() {
        return version.toLowerCase(Locale.ROOT).contains("mariadb");
    }

    /** "MySQL 8.0.31" or "MariaDB 11.4.5". */
    String product() {
        int dash = version.indexOf('-');
        return (mariaDb() ? "MariaDB " : "MySQL ") + (dash > 0 ? version.substring(0, dash) : version);
    }

    /** {@code true} when the version is at least {@code major.minor}; unparseable versions are not. */
    boolean atLeast(int major, int minor) {
        Matcher m = NUMBERS.matcher(version);
        if (!m.find()) {
            return false;
        }
        int actualMajor = Integer.parseInt(m.group(1));
        int actualMinor = Integer.parseInt(m.group(2));
        return actualMajor > major || (actualMajor == major && actualMinor >= minor);
    }

    /** A global variable's value, or {@code null} when the server does not have it. */
    String variable(String name) {
        return variables.get(name.toLowerCase(Locale.ROOT));
    }

    /** The user part of {@link #currentUser()}, quoted for a GRANT statement: {@code 'sluice'@'%'}. */
    String grantee() {
        int at = currentUser.lastIndexOf('@');
        return at < 0 ? "'" + currentUser + "'"
                : "'" + currentUser.substring(0, at) + "'@'" + currentUser.substring(at + 1) + "'";
    }
}
