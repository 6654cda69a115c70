package io.sluice.connector.check;

import io.sluice.connector.config.SourceConfig;

import java.sql.SQLException;

/**
 * Turns a JDBC failure into a finding that says which of the usual causes it is. MySQL and MariaDB
 * share the error codes used here.
 */
final class ConnectionFailures {

    /** ER_ACCESS_DENIED_ERROR: unknown user or wrong password. */
    private static final int ACCESS_DENIED = 1045;
    /** ER_HOST_NOT_PRIVILEGED: the user exists, but not for the host Sluice connects from. */
    private static final int HOST_NOT_ALLOWED = 1130;
    /** ER_DBACCESS_DENIED_ERROR and friends: connected, but a query was refused. */
    private static final int SPECIFIC_ACCESS_DENIED = 1227;

    private ConnectionFailures() {
    }

    static Finding describe(SQLException e, SourceConfig source) {
        String target = source.host() + ":" + source.port();
        String user = "'" + source.user() + "'";
        // The server's own text ("Access denied for user 'x'@'y' (using password: YES)") is safe to show:
        // neither MySQL nor MariaDB ever echo the password.
        String reason = firstLine(e.getMessage());
        switch (e.getErrorCode()) {
            case ACCESS_DENIED:
                return Finding.fail("the server at " + target + " refused user " + user + ": wrong user name or"
                                + " password (" + reason + ")",
                        "check sluice.source.user and sluice.source.password (or SLUICE_SOURCE_PASSWORD, or the"
                                + " variable your file substitutes); the password is " + describe(source));
            case HOST_NOT_ALLOWED:
                return Finding.fail("the server at " + target + " does not let user " + user + " connect from this"
                        + " host (" + reason + ")", "create the user for this host, for example CREATE USER "
                        + user + "@'%' IDENTIFIED BY '...', and grant it the replication privileges");
            case SPECIFIC_ACCESS_DENIED:
                return Finding.fail("connected to " + target + ", but a check query was refused (" + reason + ")",
                        "grant user " + user + " REPLICATION CLIENT (MariaDB: BINLOG MONITOR) ON *.*");
            default:
                break;
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return Finding.fail("cannot reach a server at " + target + " (" + reason + ")",
                    "check sluice.source.host and sluice.source.port, that the server is running and listening"
                            + " on TCP (not only a socket), and that no firewall is in the way");
        }
        return Finding.fail("checking the server at " + target + " failed: " + reason
                        + (e.getErrorCode() != 0 ? " (error " + e.getErrorCode() + ")" : ""),
                "see the server's error log; run sluice check again once it is fixed");
    }

    /** Whether a password was configured at all: an empty one is the commonest cause of a refusal. */
    private static String describe(SourceConfig source) {
        return source.password().reveal().isEmpty() ? "currently empty" : "set (not shown)";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
