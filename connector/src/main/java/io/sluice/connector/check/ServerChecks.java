package io.sluice.connector.check;

import io.sluice.connector.config.SourceConfig;
import io.sluice.connector.config.StartPosition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a server must meet for Sluice, as pure functions of {@link ServerFacts}: version, binlog
 * settings, GTIDs, server id and privileges. Every finding that is not OK says how to fix it, with
 * the statement for the server's flavour.
 */
final class ServerChecks {

    private static final long DAY_SECONDS = 24 * 3600;

    private ServerChecks() {
    }

    static List<Finding> check(ServerFacts server, SourceConfig source) {
        List<Finding> findings = new ArrayList<>();
        findings.add(version(server));
        findings.addAll(binlogRequirements(server));
        findings.add(rowMetadata(server));
        findings.add(gtids(server, source.start()));
        findings.add(retention(server));
        findings.add(startFile(server, source.start()));
        findings.add(serverId(server, source.serverId()));
        findings.addAll(privileges(server));
        findings.removeIf(f -> f == null);
        return findings;
    }

    /**
     * The rules without which Sluice cannot read the binlog at all, or would lose rows: the daemon
     * refuses to start when one of them fails. Null entries (rules that do not apply) are left out.
     */
    static List<Finding> binlogRequirements(ServerFacts server) {
        List<Finding> findings = new ArrayList<>();
        findings.add(logBin(server));
        findings.add(binlogFormat(server));
        findings.add(rowImage(server));
        findings.add(rowValueOptions(server));
        findings.add(binlogCompression(server));
        findings.removeIf(f -> f == null);
        return findings;
    }

    /** MariaDB's compressed binlog events cannot be decoded by the binlog client; their rows would be lost. */
    static Finding binlogCompression(ServerFacts server) {
        String compressed = server.variable("log_bin_compress");
        if (compressed == null || "OFF".equalsIgnoreCase(compressed) || "0".equals(compressed)) {
            return null;
        }
        return Finding.fail("log_bin_compress = " + compressed + ": compressed binlog events cannot be decoded",
                persist(server, "log_bin_compress", "OFF"));
    }

    static Finding version(ServerFacts server) {
        boolean supported = server.mariaDb() ? server.atLeast(10, 5) : server.atLeast(8, 0);
        if (supported) {
            return Finding.ok(server.product() + " is supported");
        }
        return Finding.fail(server.product() + " (" + server.version() + ") is not supported",
                "use MySQL 8.0 or later, or MariaDB 10.5 or later: older servers cannot write the table"
                        + " metadata Sluice relies on");
    }

    static Finding logBin(ServerFacts server) {
        if ("ON".equalsIgnoreCase(server.variable("log_bin"))) {
            return Finding.ok("binary log is on (log_bin = ON)");
        }
        return Finding.fail("binary log is off (log_bin = " + server.variable("log_bin") + "): there is nothing to read",
                server.mariaDb() ? "start the server with --log-bin (in my.cnf: log_bin = ON under [mariadb])"
                        : "start the server without --skip-log-bin / --disable-log-bin (MySQL 8 enables it by default)");
    }

    static Finding binlogFormat(ServerFacts server) {
        String format = server.variable("binlog_format");
        if ("ROW".equalsIgnoreCase(format)) {
            return Finding.ok("binlog_format = ROW");
        }
        return Finding.fail("binlog_format = " + format + ": Sluice needs row events, not statements",
                persist(server, "binlog_format", "ROW") + "; sessions already open keep their format until they"
                        + " reconnect");
    }

    static Finding rowImage(ServerFacts server) {
        String image = server.variable("binlog_row_image");
        if (image == null || "FULL".equalsIgnoreCase(image)) {
            return Finding.ok("binlog_row_image = FULL");
        }
        return Finding.fail("binlog_row_image = " + image + ": updates and deletes would lack the columns that did"
                + " not change, so events would be incomplete", persist(server, "binlog_row_image", "FULL"));
    }

    static Finding rowMetadata(ServerFacts server) {
        String metadata = server.variable("binlog_row_metadata");
        if ("FULL".equalsIgnoreCase(metadata)) {
            return Finding.ok("binlog_row_metadata = FULL: column names and keys come from the binlog itself");
        }
        return Finding.warn("binlog_row_metadata = " + (metadata == null ? "(not available)" : metadata)
                        + ": column names and primary keys must be read from the information schema, which shows"
                        + " the current schema; events read from before an ALTER TABLE may be decoded with the"
                        + " newer schema",
                persist(server, "binlog_row_metadata", "FULL") + " (only events written after the change carry it)");
    }

    static Finding rowValueOptions(ServerFacts server) {
        String options = server.variable("binlog_row_value_options");
        if (options == null || options.isBlank()) {
            return null;
        }
        if (options.toUpperCase(Locale.ROOT).contains("PARTIAL_JSON")) {
            return Finding.fail("binlog_row_value_options = " + options + ": partial JSON updates are not supported,"
                    + " the binlog would hold only JSON diffs", persist(server, "binlog_row_value_options", "''"));
        }
        return Finding.ok("binlog_row_value_options = " + options);
    }

    static Finding gtids(ServerFacts server, StartPosition start) {
        boolean wantsGtid = start.kind() == StartPosition.Kind.GTID;
        if (server.mariaDb()) {
            String strict = server.variable("gtid_strict_mode");
            String what = "MariaDB GTIDs are always written (gtid_binlog_pos = "
                    + blankAsNone(server.variable("gtid_binlog_pos")) + ")";
            return "ON".equalsIgnoreCase(strict) ? Finding.ok(what + ", gtid_strict_mode = ON")
                    : Finding.ok(what + "; gtid_strict_mode = ON is recommended so a diverged replica is refused");
        }
        String mode = server.variable("gtid_mode");
        String consistency = server.variable("enforce_gtid_consistency");
        if ("ON".equalsIgnoreCase(mode)) {
            if ("ON".equalsIgnoreCase(consistency)) {
                return Finding.ok("gtid_mode = ON, enforce_gtid_consistency = ON: positions carry GTIDs");
            }
            return Finding.warn("gtid_mode = ON but enforce_gtid_consistency = " + consistency,
                    "SET PERSIST enforce_gtid_consistency = ON");
        }
        String what = "gtid_mode = " + mode + ": positions are binlog file and offset only, which do not carry over"
                + " to another server after a failover";
        String fix = "SET PERSIST enforce_gtid_consistency = ON, then step gtid_mode through OFF_PERMISSIVE,"
                + " ON_PERMISSIVE to ON (see the MySQL manual, \"Enabling GTID Transactions Online\")";
        return wantsGtid ? Finding.fail(what + ", yet sluice.source.start.from = gtid", fix) : Finding.warn(what, fix);
    }

    static Finding retention(ServerFacts server) {
        String seconds = server.variable("binlog_expire_logs_seconds");
        String days = server.variable("expire_logs_days");
        double retained = 0;
        try {
            if (seconds != null && Double.parseDouble(seconds) > 0) {
                retained = Double.parseDouble(seconds);
            } else if (days != null) {
                retained = Double.parseDouble(days) * DAY_SECONDS;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (retained <= 0) {
            return Finding.ok("binary logs are not purged automatically");
        }
        String kept = retained >= DAY_SECONDS ? String.format(Locale.ROOT, "%.1f days", retained / DAY_SECONDS)
                : String.format(Locale.ROOT, "%.1f hours", retained / 3600);
        if (retained < DAY_SECONDS) {
            return Finding.warn("binary logs are purged after " + kept + ": a Sluice stopped for longer cannot"
                    + " resume and must start over", persist(server, "binlog_expire_logs_seconds", "604800")
                    + " (seven days) or longer");
        }
        return Finding.ok("binary logs are kept for " + kept + "; a Sluice stopped for longer cannot resume");
    }

    /** With {@code start.from = file}, the file must still be on the server. */
    static Finding startFile(ServerFacts server, StartPosition start) {
        if (start.kind() != StartPosition.Kind.FILE || server.binlogFiles() == null) {
            return null;
        }
        if (server.binlogFiles().contains(start.file())) {
            return Finding.ok("sluice.source.start.file = " + start.file() + " is on the server");
        }
        return Finding.fail("sluice.source.start.file = " + start.file() + " is not among the server's binlog files ("
                        + describeFiles(server.binlogFiles()) + ")",
                "name one of the listed files, or use start.from = earliest or current");
    }

    private static String describeFiles(List<String> files) {
        if (files.isEmpty()) {
            return "it has none";
        }
        return files.size() == 1 ? files.get(0) : files.get(0) + " to " + files.get(files.size() - 1);
    }

    static Finding serverId(ServerFacts server, long ours) {
        if (server.serverId() == ours) {
            return Finding.fail("sluice.source.server-id = " + ours + " is the server's own server_id",
                    "choose another sluice.source.server-id, unique among the server and all its replicas");
        }
        if (server.replicaServerIds() == null) {
            return Finding.ok("sluice.source.server-id = " + ours + " differs from the server's (" + server.serverId()
                    + "); other replicas could not be listed (" + server.replicasNote() + ")");
        }
        if (server.replicaServerIds().contains(ours)) {
            return Finding.warn("a replica with server id " + ours + " is already connected: two replicas with one id"
                            + " disconnect each other (ignore this if it is this same Sluice restarting)",
                    "give each Sluice instance its own sluice.source.server-id");
        }
        return Finding.ok("sluice.source.server-id = " + ours + " is not used by the server or its "
                + server.replicaServerIds().size() + " registered replica(s)");
    }

    static List<Finding> privileges(ServerFacts server) {
        Grants grants = Grants.parse(server.grants());
        List<Finding> findings = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (!grants.global("REPLICATION SLAVE", "REPLICATION REPLICA")) {
            missing.add("REPLICATION SLAVE");
        }
        String client = server.mariaDb() ? "BINLOG MONITOR" : "REPLICATION CLIENT";
        // MariaDB 10.5 renamed REPLICATION CLIENT to BINLOG MONITOR and keeps the old name as an alias.
        if (!grants.global("REPLICATION CLIENT", "BINLOG MONITOR")) {
            missing.add(client);
        }
        String rolesNote = grants.hasRoles()
                ? " (roles are granted too; SHOW GRANTS does not list their privileges, so check them)" : "";
        if (missing.isEmpty()) {
            findings.add(Finding.ok("user " + server.currentUser() + " has REPLICATION SLAVE and " + client));
        } else {
            findings.add(Finding.fail("user " + server.currentUser() + " lacks " + String.join(" and ", missing)
                            + ", needed to " + (missing.contains("REPLICATION SLAVE") ? "read the binlog"
                            : "find the binlog position") + rolesNote,
                    "GRANT " + String.join(", ", missing) + " ON *.* TO " + server.grantee() + ";"));
        }
        findings.add(select(server, grants, rolesNote));
        return findings;
    }

    private static Finding select(ServerFacts server, Grants grants, String rolesNote) {
        Set<String> scopes = grants.selectScopes();
        boolean fallback = !"FULL".equalsIgnoreCase(server.variable("binlog_row_metadata"));
        if (scopes.contains("*.*")) {
            return Finding.ok("user " + server.currentUser() + " has SELECT on *.* for the information schema");
        }
        if (!scopes.isEmpty()) {
            return Finding.ok("user " + server.currentUser() + " has SELECT on " + String.join(", ", scopes)
                    + " only: tables elsewhere are invisible in the information schema");
        }
        String what = "user " + server.currentUser() + " has no SELECT privilege, so the information schema shows"
                + " it no tables" + rolesNote;
        String fix = "GRANT SELECT ON *.* TO " + server.grantee() + "; (or on each captured database)";
        return fallback ? Finding.fail(what + "; with binlog_row_metadata = "
                + server.variable("binlog_row_metadata") + " Sluice needs it for column names", fix)
                : Finding.warn(what + "; needed only when the binlog lacks full metadata", fix);
    }

    /** The statement that changes a global setting for good, in the server's dialect. */
    private static String persist(ServerFacts server, String variable, String value) {
        return server.mariaDb()
                ? "SET GLOBAL " + variable + " = " + value + " and put " + variable + " = " + value.replace("'", "")
                        + " in the server's my.cnf so it survives a restart"
                : "SET PERSIST " + variable + " = " + value;
    }

    private static String blankAsNone(String value) {
        return value == null || value.isBlank() ? "none yet" : value;
    }
}
