package io.sluice.connector.binlog;

import io.sluice.connector.config.SourceConfig;
import io.sluice.connector.config.StartPosition;
import io.sluice.connector.position.BinlogPosition;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * SQL access to the source server: what it is and where its binlog stands. Whether the binlog is
 * readable is a rule of {@link io.sluice.connector.check.Preflight}. Not used on the hot path.
 */
public final class SourceServer {

    private final SourceConfig config;
    private final boolean mariadb;
    private final String version;

    /** Connects once to learn the server's flavor; fails with a message naming host, user and fix. */
    public SourceServer(SourceConfig config) throws SQLException {
        this.config = config;
        try (Connection connection = connect()) {
            this.version = scalar(connection, "SELECT VERSION()");
            this.mariadb = version.toLowerCase().contains("mariadb");
        }
    }

    /** Opens a JDBC connection; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        properties.setProperty("password", config.password().reveal());
        properties.setProperty("connectTimeout", Long.toString(config.connectTimeout().toMillis()));
        properties.setProperty("allowPublicKeyRetrieval", "true");
        properties.setProperty("useSSL", "false");
        String url = "jdbc:mysql://" + config.host() + ":" + config.port() + "/";
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new SQLException("cannot connect to " + config.host() + ":" + config.port() + " as '" + config.user()
                    + "': " + e.getMessage() + ". Check sluice.source.host, port, user and password.",
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    public boolean isMariadb() {
        return mariadb;
    }

    public String version() {
        return version;
    }

    /** Resolves a configured start into a concrete position. */
    public BinlogPosition resolve(StartPosition start) throws SQLException {
        switch (start.kind()) {
            case FILE:
                return new BinlogPosition(start.file(), Math.max(4, start.offset()), 0, null);
            case GTID:
                // An empty file makes the reader ask the server to find the position from the GTID set.
                return new BinlogPosition("", 4, 0, start.gtidSet());
            case EARLIEST:
                return earliest();
            case CURRENT:
            default:
                return current();
        }
    }

    private BinlogPosition current() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = binaryLogStatus(statement)) {
                if (!rs.next()) {
                    throw new SQLException(where() + " reports no binlog position: binary logging is off."
                            + " Start the server with --log-bin.");
                }
                return new BinlogPosition(rs.getString(1), rs.getLong(2), 0, gtidSet(connection));
            }
        }
    }

    /**
     * The end of the server's binlog now (file and offset only), read on the caller's connection; a
     * snapshot's watermarks. Cheap: no GTID lookup.
     */
    public static BinlogPosition binlogEnd(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = binaryLogStatus(statement)) {
            if (!rs.next()) {
                throw new SQLException("the server reports no binlog position: binary logging is off");
            }
            return new BinlogPosition(rs.getString(1), rs.getLong(2), 0, null);
        }
    }

    /**
     * Whether the server still has the binlog from {@code position} on: its file is still listed, or for a
     * position by GTID set alone (MySQL), no purged transaction is missing from that set.
     */
    public boolean stillHas(BinlogPosition position) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            if (!position.file().isEmpty()) {
                try (ResultSet rs = statement.executeQuery("SHOW BINARY LOGS")) {
                    while (rs.next()) {
                        if (rs.getString(1).equals(position.file())) {
                            return true;
                        }
                    }
                    return false;
                }
            }
            if (mariadb || position.gtidSet() == null) {
                return true; // the server decides when reading starts; a purged position fails there
            }
            String purged = emptyToNull(variable(connection, "gtid_purged"));
            return purged == null || new com.github.shyiko.mysql.binlog.GtidSet(purged)
                    .isContainedWithin(new com.github.shyiko.mysql.binlog.GtidSet(position.gtidSet()));
        }
    }

    /** Every base table of the server outside its system schemas, as {database, table}, in name order. */
    public java.util.List<String[]> baseTables() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
                     + " WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN"
                     + " ('mysql', 'sys', 'performance_schema', 'information_schema')"
                     + " ORDER BY TABLE_SCHEMA, TABLE_NAME")) {
            java.util.List<String[]> tables = new java.util.ArrayList<>();
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            return tables;
        }
    }

    private static ResultSet binaryLogStatus(Statement statement) throws SQLException {
        try {
            return statement.executeQuery("SHOW BINARY LOG STATUS");
        } catch (SQLException e) {
            return statement.executeQuery("SHOW MASTER STATUS"); // before MySQL 8.2 / MariaDB 10.5.2
        }
    }

    private BinlogPosition earliest() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW BINARY LOGS")) {
            if (!rs.next()) {
                throw new SQLException(where() + " has no binlog files. Start the server with --log-bin.");
            }
            String purged = mariadb ? null : emptyToNull(variable(connection, "gtid_purged"));
            return new BinlogPosition(rs.getString(1), 4, 0, purged);
        }
    }

    private String gtidSet(Connection connection) throws SQLException {
        if (mariadb) {
            return emptyToNull(scalar(connection, "SELECT @@global.gtid_binlog_pos"));
        }
        String mode = variable(connection, "gtid_mode");
        return "ON".equalsIgnoreCase(mode) ? emptyToNull(scalar(connection, "SELECT @@global.gtid_executed")) : null;
    }

    private String where() {
        return "the server at " + config.host() + ":" + config.port();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.replace("\n", "");
    }

    static String variable(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name + "'")) {
            return rs.next() ? rs.getString(2) : null;
        }
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
