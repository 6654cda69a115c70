package io.sluice.connector;

import io.sluice.connector.cli.Main;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.testing.MemorySink;
import io.sluice.connector.testing.RunningDaemon;
import io.sluice.connector.testing.TestConfigs;
import io.sluice.servers.DatabaseServer;
import io.sluice.servers.NatsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.sluice.connector.testing.RunningDaemon.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The position commands on MySQL 8.0 with GTIDs on, and with the NATS KV checkpoint store. */
class PositionCommandIT extends PositionCommandContract {

    private NatsServer nats;

    @Override
    protected DatabaseServer startServer() {
        return DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
    }

    @Override
    protected String gtidPosition() throws Exception {
        return scalar("SELECT @@global.gtid_executed");
    }

    @Override
    protected String gtidsBeyond() throws Exception {
        return scalar("SELECT @@server_uuid") + ":1-1000000";
    }

    @Override
    protected String firstGtid() throws Exception {
        return scalar("SELECT @@server_uuid") + ":1";
    }

    @Override
    protected String gtidsOfTheOtherKind() {
        return "0-1-5";
    }

    @BeforeAll
    void startNats() {
        nats = NatsServer.builder().start();
    }

    @AfterAll
    void stopNats() {
        if (nats != null) {
            nats.close();
        }
    }

    /**
     * The NATS KV store: the commands read and write the bucket, and a daemon that kept running while
     * the position moved (nothing else detects it here) stops at its next save instead of overwriting it.
     */
    @Test
    void withANatsKvStoreTheCommandsUseTheBucketAndARunningDaemonStopsAtItsNextSave() throws Exception {
        String db = table("nats_kv");
        Path conf = Files.writeString(temp.resolve(db + ".conf"), source() + "sluice.checkpoint { store = nats-kv,"
                + " nats-kv { servers = [\"" + nats.url() + "\"], key = " + db + " } }\n");
        try (RunningDaemon daemon = RunningDaemon.start(TestConfigs.memoryWithNatsKv(server, db, db + "-1",
                nats.url()))) {
            insert(db, 1);
            BinlogPosition end = binlogEnd();
            waitFor(WAIT, () -> MemorySink.named(db + "-1").size() >= 1);
            waitFor(WAIT, () -> sluice.run("position", "-c", conf.toString()) == Main.OK
                    && sluice.out().contains("  offset        " + end.offset() + "\n"));
            assertTrue(sluice.out().startsWith("Checkpoint in NATS KV bucket sluice-checkpoints key " + db),
                    sluice.out());

            assertEquals(Main.OK, sluice.run("position", "set", "-c", conf.toString(), "--file", end.file(), "--pos",
                    "4"), sluice.err());
            insert(db, 2);
            Throwable failure = daemon.awaitFailure(WAIT);
            assertNotNull(failure, "the daemon may not overwrite the position set meanwhile");
            assertTrue(failure.getMessage().contains("checkpoint key " + db), failure.getMessage());
        }
        assertEquals(Main.OK, sluice.run("position", "-c", conf.toString()), sluice.err());
        assertTrue(sluice.out().contains("  offset        4\n"), sluice.out());
    }

}
