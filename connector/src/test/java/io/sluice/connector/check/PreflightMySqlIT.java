package io.sluice.connector.check;

import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Preflight} against MySQL 8.0 with GTIDs on. */
class PreflightMySqlIT extends PreflightContract {

    private static DatabaseServer server;

    @BeforeAll
    static void start() {
        server = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
        createUsers(server, "REPLICATION CLIENT");
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

    @Test
    void partialJsonUpdatesFail() {
        server.execute("SET GLOBAL binlog_row_value_options = PARTIAL_JSON");
        try {
            List<Finding> failures = failures(preflight("sluice", PASSWORD));

            assertEquals(1, failures.size(), failures.toString());
            assertEquals("SET PERSIST binlog_row_value_options = ''", failures.get(0).fix());
        } finally {
            server.execute("SET GLOBAL binlog_row_value_options = ''");
        }
    }

    @Test
    void theServersOwnServerIdFails() {
        List<Finding> failures = failures(new Preflight(config("sluice", PASSWORD, "sluice.source.server-id=1")).run());

        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).what().contains("is the server's own server_id"), failures.get(0).what());
    }
}
