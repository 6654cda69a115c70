package io.sluice.servers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.servers.DatabaseServer.Flavor;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MariaDb1011ServerIT extends DatabaseServerContract {

    @Override
    DatabaseServer.Builder builder() {
        return DatabaseServer.builder(Flavor.MARIADB_10_11);
    }

    @Test
    void isMariaDb1011WritingGtids() throws SQLException {
        db.execute("CREATE DATABASE IF NOT EXISTS gtid_check");
        var variables = variables("version", "gtid_binlog_pos");
        assertTrue(variables.get("version").startsWith("10.11."), variables.toString());
        assertFalse(variables.get("gtid_binlog_pos").isEmpty(), "MariaDB writes GTIDs: " + variables);
    }
}
