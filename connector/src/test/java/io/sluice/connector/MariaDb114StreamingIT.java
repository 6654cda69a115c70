package io.sluice.connector;

import io.sluice.servers.DatabaseServer;

/** The streaming contract on MariaDB 11.4. */
class MariaDb114StreamingIT extends StreamingContract {

    @Override
    protected DatabaseServer startServer() throws Exception {
        return DatabaseServer.builder(DatabaseServer.Flavor.MARIADB_11_4).start();
    }

    @Override
    protected String goldenFlavor() {
        return "mariadb";
    }

    @Override
    protected String goldenVersion() {
        return "11.4";
    }
}
