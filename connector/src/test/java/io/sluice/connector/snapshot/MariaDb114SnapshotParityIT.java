package io.sluice.connector.snapshot;

import io.sluice.servers.DatabaseServer;

/** Snapshot rows read as they stream, on MariaDB 11.4. */
class MariaDb114SnapshotParityIT extends SnapshotParityContract {

    @Override
    protected DatabaseServer startServer() throws Exception {
        return DatabaseServer.builder(DatabaseServer.Flavor.MARIADB_11_4).start();
    }

    @Override
    protected String goldenFlavor() {
        return "mariadb";
    }
}
