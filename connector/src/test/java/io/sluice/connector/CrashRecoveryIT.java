package io.sluice.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The daemon runs as a separate JVM, launched the way users launch it, and is killed with SIGKILL at
 * random points while a workload of 200,000 changes runs; then it is restarted. In the end the file
 * sink must hold every change at least once, in order per key, with no gap, and every replayed event
 * must be identical to its first delivery (same id, same content).
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {

    private static final int TABLES = 4;
    private static final int KEYS_PER_TABLE = 500;
    private static final int CHANGES = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void everyChangeArrivesInOrderPerKeyAcrossKills() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryIT seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        try (DatabaseServer server = DatabaseServer.builder(DatabaseServer.Flavor.MYSQL_8_0).gtid(true).start()) {
            server.execute("CREATE DATABASE crash");
            for (int t = 0; t < TABLES; t++) {
                server.execute("CREATE TABLE crash.t" + t + " (id INT PRIMARY KEY, v INT NOT NULL, pad VARCHAR(100))");
            }
            Path events = temp.resolve("events.jsonl");
            Path config = writeConfig(server, events, temp.resolve("checkpoint.json"));

            CompletableFuture<Void> workload = CompletableFuture.runAsync(() -> runWorkload(server, seed));
            int kills = 0;
            while (!workload.isDone()) {
                Process daemon = launch(config, kills);
                Thread.sleep(300 + random.nextInt(2500));
                daemon.destroyForcibly(); // SIGKILL
                daemon.waitFor();
                kills++;
            }
            workload.join();

            Process last = launch(config, kills);
            try {
                awaitLines(events, CHANGES, last);
            } finally {
                last.destroyForcibly();
                last.waitFor();
            }
            System.out.println("CrashRecoveryIT: killed the daemon " + kills + " times");
            assertTrue(kills >= 3, "the workload outlasted only " + kills + " kills");
            verify(events, finalValues(server));
        }
    }

    /** Inserts every key with v = 0, then updates random keys to v + 1, in transactions of 1 to 50 rows. */
    private static void runWorkload(DatabaseServer server, long seed) {
        Random random = new Random(seed + 1);
        try (Connection connection = server.connect("crash"); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            int done = 0;
            for (int t = 0; t < TABLES; t++) {
                for (int k = 0; k < KEYS_PER_TABLE; k += 50) {
                    StringBuilder insert = new StringBuilder("INSERT INTO t" + t + " VALUES ");
                    for (int i = k; i < k + 50; i++) {
                        insert.append(i == k ? "" : ",").append('(').append(i).append(",0,REPEAT('x',80))");
                    }
                    statement.execute(insert.toString());
                    connection.commit();
                    done += 50;
                }
            }
            while (done < CHANGES) {
                int size = Math.min(1 + random.nextInt(50), CHANGES - done);
                for (int i = 0; i < size; i++) {
                    statement.execute("UPDATE t" + random.nextInt(TABLES) + " SET v = v + 1 WHERE id = "
                            + random.nextInt(KEYS_PER_TABLE));
                }
                connection.commit();
                done += size;
            }
        } catch (Exception e) {
            throw new IllegalStateException("workload failed", e);
        }
    }

    private Process launch(Path config, int run) throws IOException {
        Path log = temp.resolve("daemon-" + run + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "io.sluice.connector.cli.Main", "run", "--config", config.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return builder.start();
    }

    private static Path writeConfig(DatabaseServer server, Path events, Path checkpoint) throws IOException {
        String hocon = String.join("\n",
                "sluice {",
                "  source { host = \"" + server.host() + "\", port = " + server.port() + ", user = \"" + server.user()
                        + "\", password = \"" + server.password() + "\", server-id = 6402",
                "    start.from = earliest }",
                "  filter.include-databases = [crash]",
                "  sink { type = file, file { path = \"" + events + "\" } }",
                "  checkpoint { store = file, file { path = \"" + checkpoint + "\" }, interval = 100ms }",
                "}");
        Path file = events.resolveSibling("crash.conf");
        Files.writeString(file, hocon);
        return file;
    }

    private static void awaitLines(Path events, int distinct, Process daemon) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (Files.exists(events) && distinctIds(events) >= distinct) {
                return;
            }
            if (!daemon.isAlive()) {
                fail("the daemon exited with " + daemon.exitValue() + " before every change arrived");
            }
            Thread.sleep(500);
        }
        fail("not every change arrived within 5 minutes; distinct ids: " + distinctIds(events));
    }

    private static long distinctIds(Path events) throws IOException {
        return read(events).stream().map(e -> e.id).distinct().count();
    }

    private record Line(String id, String key, String op, int v, String text) {
    }

    private static List<Line> read(Path events) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                JsonNode node = JSON.readTree(text);
                JsonNode row = node.get("after");
                String key = node.at("/source/table").asText() + "/" + row.get("id").asInt();
                String id = node.at("/transaction/id").asText() + "#" + (node.at("/transaction/total_order").asLong() - 1);
                // ts_ms is when the event was emitted: the one field allowed to differ on replay
                ((ObjectNode) node).remove("ts_ms");
                lines.add(new Line(id, key, node.get("op").asText(), row.get("v").asInt(), node.toString()));
            }
        }
        return lines;
    }

    private static void verify(Path events, Map<String, Integer> finalValues) throws IOException {
        List<Line> lines = read(events);
        Map<String, Line> firstById = new HashMap<>();
        Map<String, Integer> lastValue = new HashMap<>();
        int replays = 0;
        for (Line line : lines) {
            Line first = firstById.putIfAbsent(line.id, line);
            if (first != null) {
                replays++;
                assertEquals(first.text, line.text, "a replayed event differs from its first delivery: " + line.id);
                continue;
            }
            Integer previous = lastValue.get(line.key);
            int expected = previous == null ? 0 : previous + 1;
            assertEquals(expected, line.v, "change of " + line.key + " out of order or missing before event " + line.id);
            lastValue.put(line.key, line.v);
        }
        assertEquals(CHANGES, firstById.size(), "distinct changes delivered");
        assertEquals(finalValues, lastValue, "the last event of every key shows the row's final value");
        System.out.println("CrashRecoveryIT: " + lines.size() + " lines, " + firstById.size() + " distinct changes, "
                + replays + " replayed after kills");
    }

    private static Map<String, Integer> finalValues(DatabaseServer server) throws Exception {
        Map<String, Integer> values = new HashMap<>();
        try (Connection connection = server.connect("crash"); Statement statement = connection.createStatement()) {
            for (int t = 0; t < TABLES; t++) {
                try (ResultSet rs = statement.executeQuery("SELECT id, v FROM t" + t)) {
                    while (rs.next()) {
                        values.put("t" + t + "/" + rs.getInt(1), rs.getInt(2));
                    }
                }
            }
        }
        return values;
    }
}
