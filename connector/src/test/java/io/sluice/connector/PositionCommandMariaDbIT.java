package io.sluice.connector;

import io.sluice.servers.DatabaseServer;

/** The position commands on MariaDB 11.4, whose GTID positions are lists of domain-server-sequence. */
class PositionCommandMariaDbIT extends PositionCommandContract {

    @Override
    protected DatabaseServer startServer() {
        return DatabaseServer.builder(DatabaseServer.Flavor.MARIADB_11_4).start();
    }

    @Override
    protected String gtidPosition() throws Exception {
        return scalar("SELECT @@global.gtid_binlog_pos");
    }

    @Override
    protected String gtidsBeyond() {
        return "0-1-1000000";
    }

    @Override
    protected String firstGtid() {
        return "0-1-1";
    }

    @Override
    protected String gtidsOfTheOtherKind() {
        return "3e11fa47-71ca-11e1-9e33-c80aa9429562:1";
    }
}
