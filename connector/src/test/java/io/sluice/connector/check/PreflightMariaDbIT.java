package io.sluice.connector.check;

import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link Preflight} against MariaDB 11.4, where REPLICATION CLIENT is called BINLOG MONITOR and
 * GTIDs are always on.
 */
class PreflightMariaDbIT extends PreflightContract {

    private static DatabaseServer server;

    @BeforeAll
    static void start() {
        server = DatabaseServer.builder(DatabaseServer.Flavor.MARIADB_11_4).start();
        createUsers(server, "BINLOG MONITOR");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    DatabaseServer server() {
        return server;
    }
}
