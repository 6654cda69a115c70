package io.sluice.connector;

import io.sluice.servers.DatabaseServer;

/** The streaming contract on MariaDB 10.11 (Debian's package). */
class MariaDb1011StreamingIT extends StreamingContract {

    @Override
    protected DatabaseServer startServer() throws Exception {
        return DatabaseServer.builder(DatabaseServer.Flavor.MARIADB_10_11).start();
    }

    @Override
    protected String goldenFlavor() {
        return "mariadb";
    }

    @Override
    protected String goldenVersion() {
        return "10.11";
    }
}
