package io.sluice.servers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.servers.DatabaseServer.Flavor;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MariaDb114ServerIT extends DatabaseServerContract {

    @Override
    DatabaseServer.Builder builder() {
        return DatabaseServer.builder(Flavor.MARIADB_11_4);
    }

    @Test
    void isMariaDb114() throws SQLException {
        String version = variables("version").get("version");
        assertTrue(version.startsWith("11.4.") && version.contains("MariaDB"), version);
    }
}
