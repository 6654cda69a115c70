package io.sluice.connector.check;

import io.sluice.connector.config.SourceConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Opens a JDBC connection with the source settings and reads the {@link ServerFacts}. */
final class ServerProbe {

    /** The variables the rules look at; asking only for these keeps the probe cheap. */
    static final List<String> VARIABLES = List.of(
            "log_bin", "binlog_format", "binlog_row_image", "binlog_row_metadata", "binlog_row_value_options",
            "gtid_mode", "enforce_gtid_consistency", "gtid_strict_mode", "gtid_binlog_pos",
            "binlog_expire_logs_seconds", "expire_logs_days", "log_bin_compress");

    private ServerProbe() {
    }

    /** @throws SQLException when the server cannot be reached or refuses the user */
    static Connection connect(SourceConfig source) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", source.user());
        properties.setProperty("password", source.password().reveal());
        return DriverManager.getConnection(url(source), properties);
    }

    /** The JDBC URL; it carries no credentials, so it may appear in messages. */
    static String url(SourceConfig source) {
        String host = source.host().contains(":") ? "[" + source.host() + "]" : source.host();
        long connectMillis = Math.max(1, source.connectTimeout().toMillis());
        // Queries here are tiny: a socket timeout well above the connect timeout only guards against a hang.
        long socketMillis = Math.max(connectMillis * 3, Duration.ofSeconds(30).toMillis());
        return "jdbc:mysql://" + host + ":" + source.port() + "/?allowPublicKeyRetrieval=true&useSSL=false"
                + "&connectTimeout=" + connectMillis + "&socketTimeout=" + socketMillis;
    }

    /** Reads everything the rules need over one connection. */
    static ServerFacts facts(Connection connection) throws SQLException {
        String version;
        long serverId;
        String currentUser;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT VERSION(), @@server_id, CURRENT_USER()")) {
            row.next();
            version = row.getString(1);
            serverId = row.getLong(2);
            currentUser = row.getString(3);
        }
        Map<String, String> variables = new HashMap<>();
        String names = String.join("', '", VARIABLES);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('" + names + "')")) {
            while (rows.next()) {
                variables.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2));
            }
        }
        List<String> grants = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GRANTS")) {
            while (rows.next()) {
                grants.add(rows.getString(1));
            }
        }
        boolean mariaDb = version.toLowerCase(Locale.ROOT).contains("mariadb");
        List<Long> replicas = null;
        String replicasNote = null;
        // MySQL renamed the statement in 8.0.22 and deprecated the old name; MariaDB keeps the old one.
        List<String> statements = mariaDb ? List.of("SHOW SLAVE HOSTS") : List.of("SHOW REPLICAS", "SHOW SLAVE HOSTS");
        for (String sql : statements) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(sql)) {
                replicas = new ArrayList<>();
                while (rows.next()) {
                    replicas.add(rows.getLong(1));
                }
                replicasNote = null;
                break;
            } catch (SQLException e) {
                replicasNote = sql + " failed: " + e.getMessage();
            }
        }
        List<String> binlogFiles = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW BINARY LOGS")) {
            while (rows.next()) {
                binlogFiles.add(rows.getString(1));
            }
        } catch (SQLException e) {
            // Missing REPLICATION CLIENT, or the binlog is off: both are reported by their own rules.
            binlogFiles = null;
        }
        return new ServerFacts(version, serverId, currentUser, variables, grants, replicas, replicasNote,
                binlogFiles);
    }
}
