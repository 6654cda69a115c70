package io.sluice.connector;

import io.sluice.servers.DatabaseServer;

class MariaDbSnapshotIT extends SnapshotContract {

    @Override
    protected DatabaseServer startServer() {
        return DatabaseServer.builder(DatabaseServer.Flavor.MARIADB_11_4).start();
    }

    @Override
    protected String goldenFlavor() {
        return "mariadb";
    }
}
