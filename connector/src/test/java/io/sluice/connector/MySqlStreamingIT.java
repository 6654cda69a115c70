package io.sluice.connector;

import io.sluice.servers.DatabaseServer;

/** The streaming contract on MySQL 8.0 with GTIDs on. */
class MySqlStreamingIT extends StreamingContract {

    @Override
    protected DatabaseServer startServer() throws Exception {
        return DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
    }

    @Override
    protected String goldenFlavor() {
        return "mysql";
    }

    @Override
    protected String goldenVersion() {
        return "8.0";
    }
}
