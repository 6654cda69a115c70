package io.sluice.connector.snapshot;

import io.sluice.servers.DatabaseServer;

/** Snapshot rows read as they stream, on MySQL 8.0. */
class MySqlSnapshotParityIT extends SnapshotParityContract {

    @Override
    protected DatabaseServer startServer() throws Exception {
        return DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
    }

    @Override
    protected String goldenFlavor() {
        return "mysql";
    }
}
