package io.sluice.connector;

import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.CheckpointCodec;
import io.sluice.connector.position.TableProgress;
import io.sluice.connector.testing.ChildDaemon;
import io.sluice.connector.testing.SnapshotTables;
import io.sluice.connector.testing.TableReplay;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A snapshot survives SIGKILL: the daemon runs as a separate JVM with the file sink and is killed 0.3 to
 * 1.8 s after each start while it snapshots a table of {@value #ROWS} rows under concurrent writes. Every
 * restart must continue after the chunk its checkpoint saved (the saved row count never goes back), and
 * in the end the events, applied in file order, rebuild the table exactly. Rerun a failure with the
 * printed {@code -Dcrash.seed}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SnapshotCrashIT {

    private static final int ROWS = 300_000;
    private static final String DB = "snapcrash";
    /**
     * A run's first chunk waits half a second for its low watermark, and a busy 2-core machine can stretch
     * that several times over, so some runs save nothing: allow for many.
     */
    private static final int MAX_RUNS = 60;
    private static final Duration STARTS_WITHIN = Duration.ofSeconds(60);

    private DatabaseServer mysql;
    @TempDir
    Path temp;

    @BeforeAll
    void startDatabase() {
        mysql = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start();
    }

    @AfterAll
    void stopDatabase() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @Test
    void snapshotResumesFromItsSavedChunkAfterEveryKill() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("SnapshotCrashIT seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        mysql.execute("CREATE DATABASE " + DB);
        SnapshotTables.createBig(mysql, DB, ROWS);
        mysql.execute("CREATE TABLE " + DB + ".marker (id INT PRIMARY KEY)");
        Path checkpoint = temp.resolve("checkpoint.json");
        Path events = temp.resolve("events.jsonl");
        Path config = writeConfig(checkpoint, events);

        SnapshotTables.Workload workload = new SnapshotTables.Workload(mysql, DB, ROWS, seed);
        CompletableFuture<Void> writes = CompletableFuture.runAsync(workload);
        int kills = 0;
        long lastSaved = 0;
        List<Long> savedRows = new ArrayList<>();
        while (!SnapshotContract.snapshotDone(checkpoint)) {
            if (kills >= MAX_RUNS) {
                fail("the snapshot did not finish within " + MAX_RUNS + " runs; saved rows per run: " + savedRows);
            }
            ChildDaemon daemon = launch(config, kills);
            try {
                daemon.awaitLog("Snapshot of " + DB + ".", STARTS_WITHIN);
                Thread.sleep(300 + random.nextInt(1500));
            } finally {
                daemon.kill();
            }
            kills++;
            long saved = savedRowsOfBig(checkpoint);
            savedRows.add(saved);
            assertTrue(saved >= lastSaved, "the saved row count went back from " + lastSaved + " to " + saved
                    + " after kill " + kills + ": the snapshot started over instead of resuming");
            if (saved > 0 && saved < ROWS && !SnapshotContract.snapshotDone(checkpoint)) {
                // The next run must say where it continues.
                lastSaved = saved;
            }
        }
        workload.stop();
        writes.join();
        mysql.execute("INSERT INTO " + DB + ".marker VALUES (1)");
        ChildDaemon last = launch(config, kills);
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(events) || !Files.readString(events).contains("\"table\":\"marker\"")) {
                if (System.nanoTime() > deadline || !last.isAlive()) {
                    fail("the marker row did not arrive; see " + temp);
                }
                Thread.sleep(200);
            }
        } finally {
            last.kill();
        }
        System.out.println("SnapshotCrashIT: " + kills + " kills during the snapshot, saved rows of big after each: "
                + savedRows + "; " + workload.changes() + " concurrent changes");
        assertTrue(kills >= 3, "only " + kills + " kills fell into the snapshot");
        assertTrue(savedRows.stream().filter(r -> r > 0 && r < ROWS).count() >= 2,
                "at least two kills fell between chunks of big: " + savedRows);
        assertTrue(Files.readString(temp.resolve("daemon-1.log")).contains("continuing after")
                        || savedRows.get(0) == 0,
                "the second run continued from the first run's saved chunk; see " + temp);

        TableReplay replay = new TableReplay(mysql, List.of(DB + ".big", DB + ".marker"));
        for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
            com.fasterxml.jackson.databind.JsonNode source = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(line).get("source");
            replay.apply(source.get("db").asText() + "." + source.get("table").asText(), line.getBytes(StandardCharsets.UTF_8));
        }
        replay.assertEqualsTables(mysql);
    }

    private static long savedRowsOfBig(Path checkpoint) throws Exception {
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        Checkpoint saved = CheckpointCodec.decode(Files.readString(checkpoint));
        if (saved.snapshot() == null) {
            return ROWS; // done
        }
        TableProgress big = saved.snapshot().find(DB + ".big");
        return big == null ? ROWS : big.rowsDone();
    }

    private Path writeConfig(Path checkpoint, Path events) throws Exception {
        String hocon = String.join("\n",
                "sluice {",
                "  source { host = \"" + mysql.host() + "\", port = " + mysql.port() + ", user = \"" + mysql.user()
                        + "\", password = \"" + mysql.password() + "\", server-id = 6403 }",
                "  filter.include-databases = [" + DB + "]",
                "  sink { type = file, file { path = \"" + events + "\" } }",
                "  checkpoint { store = file, file { path = \"" + checkpoint + "\" }, interval = 200ms }",
                "  snapshot { mode = initial, chunk-size = 2000 }",
                "  http.port = 0",
                "}");
        Path file = temp.resolve("snapshot-crash.conf");
        Files.writeString(file, hocon);
        return file;
    }

    private ChildDaemon launch(Path config, int run) throws Exception {
        return ChildDaemon.launch(config, temp.resolve("daemon-" + run + ".log"));
    }
}
