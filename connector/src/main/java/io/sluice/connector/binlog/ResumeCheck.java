package io.sluice.connector.binlog;

import io.sluice.connector.config.SourceConfig;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.GtidSyntax;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether the server can stream from a position a person chose ({@code sluice position set}): the binlog
 * file is still there and the offset is where a transaction starts, or the GTID set is of the server's
 * kind, not beyond what it executed, and needs nothing it purged. The daemon itself does not need this:
 * the positions it saves are its own.
 */
public final class ResumeCheck {

    /**
     * Events that only occur inside a transaction, after the event that opens it: starting at one of
     * them would lose the transaction's GTID, BEGIN or table maps. Row events ({@code *_rows*}) too.
     */
    private static final Set<String> INSIDE_A_TRANSACTION = Set.of("query", "table_map", "xid", "xa_prepare",
            "intvar", "rand", "user var", "begin_load_query", "execute_load_query", "append_block", "delete_file",
            "transaction_payload");

    /** The error of SHOW BINLOG EVENTS (MySQL and MariaDB) when it cannot read an event at the offset. */
    private static final int ERROR_READING_EVENTS = 1220;
    /** MySQL's error for a GTID set it cannot parse. */
    private static final int MALFORMED_GTID_SET = 1772;

    private final SourceServer server;
    private final String where;

    /** Connects once to learn the server's flavor; fails with a message naming host, user and fix. */
    public ResumeCheck(SourceConfig source) throws SQLException {
        this.server = new SourceServer(source);
        this.where = (server.isMariadb() ? "the MariaDB " : "the MySQL ") + server.version() + " server at "
                + source.host() + ":" + source.port();
    }

    /**
     * What keeps the server from streaming from {@code target}, with the fix, or {@code null} when nothing does.
     *
     * @param target a binlog file and offset, or (empty file) a GTID set alone
     */
    public String problem(BinlogPosition target) throws SQLException {
        try (Connection connection = server.connect()) {
            return target.file().isEmpty() ? gtidProblem(connection, GtidSyntax.normalize(target.gtidSet()))
                    : fileProblem(connection, target.file(), target.offset());
        }
    }

    private String fileProblem(Connection connection, String file, long offset) throws SQLException {
        Map<String, Long> files = binlogFiles(connection);
        Long size = files.get(file);
        if (size == null) {
            String first = files.keySet().stream().findFirst().orElse("(none)");
            String purged = !files.isEmpty() && file.compareTo(first) < 0
                    ? " It sorts before the oldest one, so it was probably purged: the changes in it are gone." : "";
            return "binlog file " + file + " is not on " + where + ", which has " + describe(files) + "." + purged
                    + " Choose a file from SHOW BINARY LOGS";
        }
        if (offset > size) {
            return "offset " + offset + " is past the end of " + file + " on " + where + ", which is " + size
                    + " bytes long. Choose an offset up to " + size + " (its end)";
        }
        if (offset == size) {
            return null; // the end of a file: nothing of it left to read, the stream goes on in the next one
        }
        String events = " SHOW BINLOG EVENTS IN '" + file + "' lists its events with their offsets (column Pos);"
                + " use the Pos of the Gtid or Anonymous_Gtid event that opens a transaction";
        try (PreparedStatement statement = connection.prepareStatement(
                "SHOW BINLOG EVENTS IN ? FROM " + offset + " LIMIT 1")) {
            statement.setString(1, file);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next() || rs.getLong("Pos") != offset) {
                    return notAnEvent(file, offset, null) + events;
                }
                String type = rs.getString("Event_type");
                if (insideATransaction(type)) {
                    return "offset " + offset + " of " + file + " is a " + type + " event inside a transaction:"
                            + " starting there would lose the transaction's start (its GTID, BEGIN and table maps)."
                            + events;
                }
                return null;
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != ERROR_READING_EVENTS) {
                throw e; // not about the offset, such as a missing privilege
            }
            return notAnEvent(file, offset, e) + events;
        }
    }

    private String notAnEvent(String file, long offset, SQLException cause) {
        return "offset " + offset + " of " + file + " is not where an event starts on " + where
                + (cause == null ? "" : " (" + cause.getMessage() + ")") + ".";
    }

    static boolean insideATransaction(String eventType) {
        String type = eventType.toLowerCase(Locale.ROOT);
        return INSIDE_A_TRANSACTION.contains(type) || type.contains("_rows") || type.startsWith("rows_");
    }

    private String gtidProblem(Connection connection, String set) throws SQLException {
        GtidSyntax.Flavor flavor = GtidSyntax.flavor(set);
        if (server.isMariadb() != (flavor == GtidSyntax.Flavor.MARIADB)) {
            return "\"" + set + "\" is a " + (server.isMariadb() ? "MySQL GTID set, but " : "MariaDB GTID list, but ")
                    + where + " uses the other kind. Write it as SELECT " + (server.isMariadb()
                    ? "@@global.gtid_binlog_pos shows (domain-server-sequence, such as 0-1-100)"
                    : "@@global.gtid_executed shows (uuid:1-100)");
        }
        return server.isMariadb() ? mariadbProblem(connection, set) : mysqlProblem(connection, set);
    }

    private String mysqlProblem(Connection connection, String set) throws SQLException {
        if (!"ON".equalsIgnoreCase(SourceServer.variable(connection, "gtid_mode"))) {
            return where + " has gtid_mode = " + SourceServer.variable(connection, "gtid_mode") + ", so it cannot"
                    + " find a position from GTIDs. Give a binlog file and offset instead (--file and --pos)";
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT GTID_SUBTRACT(?,"
                + " @@global.gtid_executed), GTID_SUBTRACT(@@global.gtid_purged, ?), @@global.gtid_executed,"
                + " @@global.gtid_purged")) {
            statement.setString(1, set);
            statement.setString(2, set);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return mysqlVerdict(oneLine(rs.getString(1)), oneLine(rs.getString(2)), oneLine(rs.getString(3)),
                        oneLine(rs.getString(4)));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != MALFORMED_GTID_SET) {
                throw e;
            }
            return where + " does not accept \"" + set + "\": " + e.getMessage() + " (GTID tags need MySQL 8.3 or"
                    + " later). Write the set as SELECT @@global.gtid_executed shows it";
        }
    }

    private String mysqlVerdict(String beyond, String purged, String executed, String purgedOnServer) {
        if (!beyond.isEmpty()) {
            return where + " never executed " + beyond + " of that GTID set (it executed " + executed + "): the set"
                    + " is beyond its binlog, or comes from another server. Give a set within"
                    + " SELECT @@global.gtid_executed";
        }
        if (!purged.isEmpty()) {
            return purgedMessage(purged, "SELECT @@global.gtid_purged, which is " + purgedOnServer);
        }
        return null;
    }

    private String mariadbProblem(Connection connection, String set) throws SQLException {
        Map<Long, Long> wanted = mariadbSequences(set);
        String written = scalar(connection, "SELECT @@global.gtid_binlog_pos");
        String beyond = beyond(wanted, mariadbSequences(written));
        if (beyond != null) {
            return where + " never wrote " + beyond + " to its binlog (its last GTIDs are " + written + "): the list"
                    + " is beyond its binlog, or comes from another server. Give a list within"
                    + " SELECT @@global.gtid_binlog_pos";
        }
        String oldest = binlogFiles(connection).keySet().stream().findFirst().orElse(null);
        if (oldest == null) {
            return null;
        }
        String start;
        try (PreparedStatement statement = connection.prepareStatement("SELECT BINLOG_GTID_POS(?, 4)")) {
            statement.setString(1, oldest);
            try (ResultSet rs = statement.executeQuery()) {
                start = rs.next() ? rs.getString(1) : null;
            }
        }
        String purged = start == null ? null : purged(wanted, mariadbSequences(start));
        return purged == null ? null
                : purgedMessage(purged, "the GTID position at the start of the oldest binlog " + oldest + ", " + start);
    }

    private static String purgedMessage(String missing, String oldest) {
        return "the server needs " + missing + " to stream from that GTID set, but has purged it from its binlog ("
                + oldest + "): those changes are gone. Give a set that includes everything purged, or start afresh"
                + " with a snapshot (remove the checkpoint; sluice.snapshot.mode)";
    }

    /** The first GTID of {@code wanted} that is past the last one {@code written} in its domain, or {@code null}. */
    static String beyond(Map<Long, Long> wanted, Map<Long, Long> written) {
        for (Map.Entry<Long, Long> gtid : wanted.entrySet()) {
            Long last = written.get(gtid.getKey());
            if (last == null || Long.compareUnsigned(gtid.getValue(), last) > 0) {
                return "domain " + gtid.getKey() + " up to sequence " + Long.toUnsignedString(gtid.getValue());
            }
        }
        return null;
    }

    /**
     * The transactions, per domain, that streaming from {@code wanted} needs but that come before
     * {@code oldestStart}, the state at the start of the oldest binlog; {@code null} when none do.
     */
    static String purged(Map<Long, Long> wanted, Map<Long, Long> oldestStart) {
        for (Map.Entry<Long, Long> start : oldestStart.entrySet()) {
            Long from = wanted.get(start.getKey());
            if (from == null || Long.compareUnsigned(from, start.getValue()) < 0) {
                String first = from == null ? "1" : Long.toUnsignedString(from + 1);
                return "domain " + start.getKey() + " sequences " + first + " to " + Long.toUnsignedString(start.getValue());
            }
        }
        return null;
    }

    /** A MariaDB GTID list as the last sequence of each domain; blank is empty. */
    static Map<Long, Long> mariadbSequences(String list) {
        Map<Long, Long> sequences = new LinkedHashMap<>();
        String text = list == null ? "" : GtidSyntax.normalize(list);
        if (!text.isEmpty()) {
            for (String gtid : text.split(",")) {
                String[] parts = gtid.split("-");
                sequences.put(Long.parseUnsignedLong(parts[0]), Long.parseUnsignedLong(parts[2]));
            }
        }
        return sequences;
    }

    /** The server's binlog files, oldest first, with their sizes. */
    private static Map<String, Long> binlogFiles(Connection connection) throws SQLException {
        Map<String, Long> files = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW BINARY LOGS")) {
            while (rs.next()) {
                files.put(rs.getString(1), rs.getLong(2));
            }
        }
        return files;
    }

    private static String describe(Map<String, Long> files) {
        List<String> names = new ArrayList<>(files.keySet());
        if (names.isEmpty()) {
            return "no binlog files (binary logging is off)";
        }
        return names.size() == 1 ? "only " + names.get(0) : names.get(0) + " to " + names.get(names.size() - 1);
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "");
    }
}
