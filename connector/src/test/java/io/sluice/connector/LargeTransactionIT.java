package io.sluice.connector;

import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.CheckpointCodec;
import io.sluice.connector.testing.ChildDaemon;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A transaction of 1,000,000 rows streams through a daemon whose heap is capped at 64 MB: rows are
 * handed on as they are read, never collected per transaction. The checkpoint reaching the end of the
 * transaction proves every row was published and acknowledged.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LargeTransactionIT {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path temp;

    @Test
    void millionRowTransactionStreamsInBoundedMemory() throws Exception {
        try (DatabaseServer server = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).start()) {
            server.execute("CREATE DATABASE big", "CREATE TABLE big.t (id INT PRIMARY KEY, pad VARCHAR(60))");
            Path checkpoint = temp.resolve("checkpoint.json");
            Path config = temp.resolve("big.conf");
            Files.writeString(config, String.join("\n",
                    "sluice {",
                    "  source { host = \"" + server.host() + "\", port = " + server.port() + ", user = root,",
                    "    server-id = 6403 }",
                    "  filter.include-databases = [big]",
                    "  http.port = 0",
                    "  sink { type = file, file { path = \"/dev/null\", fsync = false } }",
                    "  checkpoint { store = file, file { path = \"" + checkpoint + "\" }, interval = 200ms }",
                    "}"));
            ChildDaemon daemon = ChildDaemon.launch(config, temp.resolve("daemon.log"), "64m");
            try {
                awaitCheckpoint(checkpoint, daemon);
                try (Connection connection = server.connect("big"); Statement statement = connection.createStatement()) {
                    statement.execute("SET SESSION cte_max_recursion_depth = " + (ROWS + 1));
                    statement.execute("INSERT INTO t WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq"
                            + " WHERE n < " + ROWS + ") SELECT n, REPEAT('x', 50) FROM seq");
                    BinlogPosition end = masterStatus(statement);
                    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                    while (true) {
                        BinlogPosition saved = CheckpointCodec.decode(Files.readString(checkpoint)).binlog();
                        if (saved.file().equals(end.file()) && saved.offset() == end.offset() && saved.rowsToSkip() == 0) {
                            break;
                        }
                        if (!daemon.isAlive()) {
                            fail("the daemon died (out of memory?): see " + daemon.logFile() + "\n" + daemon.log());
                        }
                        if (System.nanoTime() > deadline) {
                            fail("the checkpoint did not reach the end of the transaction: " + saved.describe());
                        }
                        Thread.sleep(200);
                    }
                    long peakMegabytes = peakRssMegabytes(daemon.pid());
                    System.out.println("LargeTransactionIT: 1,000,000 rows in one transaction, daemon peak RSS "
                            + peakMegabytes + " MB with -Xmx64m");
                    assertTrue(daemon.isAlive(), "the daemon keeps running");
                }
            } finally {
                int exit = daemon.terminate(Duration.ofSeconds(30));
                assertEquals(0, exit, () -> "graceful stop exits 0; daemon log:\n" + daemon.log());
            }
        }
    }

    private static void awaitCheckpoint(Path checkpoint, ChildDaemon daemon) throws Exception {
        // The daemon saves its start position once it runs; only then is the load guaranteed to be read.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(checkpoint)) {
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                fail("the daemon did not start; exit " + (daemon.isAlive() ? "none" : daemon.exitValue()));
            }
            Thread.sleep(100);
        }
    }

    private static BinlogPosition masterStatus(Statement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery("SHOW MASTER STATUS")) {
            rs.next();
            return new BinlogPosition(rs.getString(1), rs.getLong(2), 0, null);
        }
    }

    private static long peakRssMegabytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
