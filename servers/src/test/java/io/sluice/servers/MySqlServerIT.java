package io.sluice.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.servers.DatabaseServer.Flavor;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MySqlServerIT extends DatabaseServerContract {

    @Override
    DatabaseServer.Builder builder() {
        return DatabaseServer.builder(Flavor.MYSQL_8_0).gtid(true);
    }

    @Test
    void isMySql80WithGtids() throws SQLException {
        var variables = variables("version", "gtid_mode", "enforce_gtid_consistency");
        assertTrue(variables.get("version").startsWith("8.0."), variables.toString());
        assertEquals("ON", variables.get("gtid_mode"));
        assertEquals("ON", variables.get("enforce_gtid_consistency"));
    }
}
