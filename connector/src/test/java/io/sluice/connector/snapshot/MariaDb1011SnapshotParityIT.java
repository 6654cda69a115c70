package io.sluice.connector.snapshot;

import io.sluice.servers.DatabaseServer;

/** Snapshot rows read as they stream, on MariaDB 10.11. */
class MariaDb1011SnapshotParityIT extends SnapshotParityContract {

    @Override
    protected DatabaseServer startServer() throws Exception {
        return DatabaseServer.builder(DatabaseServer.Flavor.MARIADB_10_11).start();
    }

    @Override
    protected String goldenFlavor() {
        return "mariadb";
    }
}
