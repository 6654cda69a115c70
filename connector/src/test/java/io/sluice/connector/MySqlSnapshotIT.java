package io.sluice.connector;

import io.sluice.servers.DatabaseServer;

class MySqlSnapshotIT extends SnapshotContract {

    @Override
    protected DatabaseServer startServer() {
        return DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
    }

    @Override
    protected String goldenFlavor() {
        return "mysql";
    }
}
