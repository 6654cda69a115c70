package io.sluice.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.CheckpointCodec;
import io.sluice.connector.testing.CheckpointCoverage;
import io.sluice.connector.testing.ChildDaemon;
import io.sluice.connector.testing.ContinuousWorkload;
import io.sluice.connector.testing.TableReplay;
import io.sluice.servers.DatabaseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * SIGTERM stops the daemon gracefully: it stops reading, publishes what it read, waits for the sink,
 * saves the final checkpoint and exits 0, all within {@code sluice.pipeline.shutdown-timeout} plus the
 * margin {@code sluice run} allows beyond it. The daemon runs as a separate JVM, launched the way users
 * launch it, against MySQL 8 with GTIDs while rows are written all along. With the file sink, which
 * acknowledges every event once it is on disk, a stop leaves nothing beyond the checkpoint, so stops
 * and restarts deliver every change exactly once. With a sink that never answers, the stop ends at the
 * deadline, says how much it left, and keeps the checkpoint before it. Rerun a failure with the
 * printed {@code -Dshutdown.seed}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GracefulShutdownIT {

    /** What {@code sluice run} allows beyond the shutdown timeout for the final checkpoint and closing. */
    private static final Duration MARGIN = Duration.ofSeconds(5);
    /** Ample for a sink that acknowledges: a stop that reaches it has hung. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Short, for the sink that never answers: the stop runs into it every time. */
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STARTS_WITHIN = Duration.ofSeconds(60);
    private static final Duration CATCHES_UP_WITHIN = Duration.ofSeconds(60);
    private static final String STREAMING = "Reading the binlog of";
    private static final String STOPPED = "Stopped; the checkpoint stands at ";
    private static final int STOPS_UNDER_LOAD = 3;
    private static final Pattern UNACKNOWLEDGED = Pattern.compile("(\\d+) events were not acknowledged by the sink"
            + " within the shutdown timeout; they will be published again on restart");
    private static final Pattern UNSENT = Pattern.compile("(\\d+) items stay unsent and will be read again from the"
            + " binlog on restart");
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * Three stops while rows are written, at random points after the run published its first event,
     * then a last run that catches up and is stopped too. After every stop the saved checkpoint covers
     * every event in the file; in the end the file holds each change once, in order per key, and
     * rebuilds the table.
     */
    @Test
    void everyStopCheckpointsAllItPublishedSoRestartsDeliverEachChangeOnce() throws Exception {
        long seed = Long.getLong("shutdown.seed", System.nanoTime());
        System.out.println("GracefulShutdownIT seed " + seed + " (rerun with -Dshutdown.seed=" + seed + ")");
        Random random = new Random(seed);
        mysql.execute("CREATE DATABASE graceful", "CREATE TABLE graceful.t (id INT PRIMARY KEY, v INT NOT NULL)");
        Path events = temp.resolve("graceful.jsonl");
        Path checkpoint = temp.resolve("graceful-checkpoint.json");
        Path config = writeConfig("graceful", 6410, fileSink(events), checkpoint, shutdownTimeout(TIMEOUT));
        List<Long> stopMillis = new ArrayList<>();
        try (ContinuousWorkload workload = ContinuousWorkload.start(mysql, "graceful.t")) {
            for (int run = 0; run < STOPS_UNDER_LOAD; run++) {
                long before = lineCount(events);
                try (ChildDaemon daemon = ChildDaemon.launch(config, temp.resolve("graceful-" + run + ".log"))) {
                    daemon.awaitLog(STREAMING, STARTS_WITHIN);
                    awaitLines(events, before + 1, daemon); // the stop falls while this run publishes
                    Thread.sleep(random.nextInt(1000));
                    stopMillis.add(stopCoveringEveryEvent(daemon, TIMEOUT, events, checkpoint));
                }
            }
            long written = workload.stop();
            try (ChildDaemon last = ChildDaemon.launch(config, temp.resolve("graceful-last.log"))) {
                awaitLines(events, written, last);
                stopMillis.add(stopCoveringEveryEvent(last, TIMEOUT, events, checkpoint));
            }
            workload.assertDeliveredExactlyOnceInOrder(changes(events));
            System.out.println("GracefulShutdownIT: " + STOPS_UNDER_LOAD + " stops under load and one after it, "
                    + written + " changes delivered once each; SIGTERM to exit took " + stopMillis + " ms");
        }
        TableReplay replay = new TableReplay(mysql, List.of("graceful.t"));
        for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
            replay.apply("graceful.t", line.getBytes(StandardCharsets.UTF_8));
        }
        replay.assertEqualsTables(mysql);
    }

    /**
     * A sink that takes events and never acknowledges them, with {@code shutdown-timeout = 2s} and small
     * pipeline bounds, so that at the stop events wait in the sink and items wait in the queue. The stop
     * gives up at the deadline, exits 0 (nothing is lost: what was left is read again), names both counts,
     * and the checkpoint covers none of the events the sink was given. A restart with the file sink then
     * delivers every change exactly once.
     */
    @Test
    void aSinkThatNeverAnswersEndsTheStopAtTheDeadlineWithTheCheckpointBeforeItsEvents() throws Exception {
        mysql.execute("CREATE DATABASE deadline", "CREATE TABLE deadline.t (id INT PRIMARY KEY, v INT NOT NULL)");
        Path received = temp.resolve("silent-received.jsonl");
        Path events = temp.resolve("deadline.jsonl");
        Path checkpoint = temp.resolve("deadline-checkpoint.json");
        Path silent = writeConfig("deadline", 6411,
                "sink { type = silent, silent.received = \"" + received + "\" }", checkpoint,
                shutdownTimeout(SHORT_TIMEOUT) + ", max-in-flight-bytes = 8KiB, queue-events = 16");
        try (ContinuousWorkload workload = ContinuousWorkload.start(mysql, "deadline.t")) {
            Stop stop;
            try (ChildDaemon daemon = ChildDaemon.launch(silent, temp.resolve("deadline-silent.log"))) {
                daemon.awaitLog(STREAMING, STARTS_WITHIN);
                awaitLines(received, 1, daemon);
                Thread.sleep(1000); // the in-flight bound is reached and the queue fills
                stop = stop(daemon, SHORT_TIMEOUT, checkpoint);
            }
            assertTrue(stop.millis() >= SHORT_TIMEOUT.toMillis(), "the stop waited for the sink until the deadline, but"
                    + " ended after " + stop.millis() + " ms");
            List<JsonNode> outstanding = read(received);
            assertEquals(outstanding.size(), count(UNACKNOWLEDGED, stop.log()), "the log counts the events the sink"
                    + " was given and never acknowledged; log:\n" + stop.log());
            int unsent = count(UNSENT, stop.log());
            assertTrue(unsent > 0, "the log counts the items left in the queue; log:\n" + stop.log());
            for (JsonNode event : outstanding) {
                assertFalse(CheckpointCoverage.covers(stop.checkpoint().binlog(), event), "the checkpoint "
                        + stop.checkpoint().describe() + " moved past the unacknowledged event "
                        + event.get("transaction"));
            }

            long written = workload.stop();
            Path file = writeConfig("deadline", 6412, fileSink(events), checkpoint, shutdownTimeout(TIMEOUT));
            try (ChildDaemon restart = ChildDaemon.launch(file, temp.resolve("deadline-restart.log"))) {
                awaitLines(events, written, restart);
                stopCoveringEveryEvent(restart, TIMEOUT, events, checkpoint);
            }
            workload.assertDeliveredExactlyOnceInOrder(changes(events));
            System.out.println("GracefulShutdownIT deadline: SIGTERM to exit took " + stop.millis() + " ms with "
                    + shutdownTimeout(SHORT_TIMEOUT) + "; " + outstanding.size() + " events unacknowledged and " + unsent
                    + " items unsent, all of the " + written + " changes delivered once after the restart");
        }
    }

    /** What a SIGTERM left: how long the daemon took to exit, its log, and the checkpoint it saved. */
    private record Stop(long millis, String log, Checkpoint checkpoint) {
    }

    /**
     * Sends SIGTERM and checks what every stop must do, whatever the sink did: exit 0 within the timeout
     * and margin (a stop that left events to be read again loses nothing), and log where the saved
     * checkpoint stands.
     */
    private static Stop stop(ChildDaemon daemon, Duration timeout, Path checkpoint) throws Exception {
        long started = System.nanoTime();
        int exit = daemon.terminate(timeout.plus(MARGIN));
        long millis = (System.nanoTime() - started) / 1_000_000;
        String log = daemon.log();
        assertEquals(0, exit, "a graceful stop exits 0; log:\n" + log);
        Checkpoint saved = CheckpointCodec.decode(Files.readString(checkpoint));
        assertTrue(log.contains(STOPPED + saved.describe() + "\n"), "the log says where the checkpoint stands, "
                + saved.describe() + "; log:\n" + log);
        return new Stop(millis, log, saved);
    }

    /**
     * {@link #stop}s a daemon whose sink acknowledges everything and checks that the saved checkpoint
     * covers every event in the file, so a restart publishes none of them again.
     *
     * @return milliseconds from SIGTERM to exit
     */
    private static long stopCoveringEveryEvent(ChildDaemon daemon, Duration timeout, Path events, Path checkpoint)
            throws Exception {
        Stop stop = stop(daemon, timeout, checkpoint);
        for (JsonNode event : read(events)) {
            if (!CheckpointCoverage.covers(stop.checkpoint().binlog(), event)) {
                fail("the final checkpoint " + stop.checkpoint().describe() + " does not cover the event "
                        + event.get("transaction") + " the sink acknowledged: a restart would publish it again; see "
                        + daemon.logFile());
            }
        }
        return stop.millis();
    }

    private Path writeConfig(String database, int serverId, String sink, Path checkpoint, String pipeline)
            throws IOException {
        String hocon = String.join("\n",
                "sluice {",
                "  source { host = \"" + mysql.host() + "\", port = " + mysql.port() + ", user = \"" + mysql.user()
                        + "\", password = \"" + mysql.password() + "\", server-id = " + serverId,
                "    start.from = earliest }",
                "  snapshot.mode = never",
                "  http.port = 0",
                "  filter.include-databases = [" + database + "]",
                "  " + sink,
                "  checkpoint { store = file, file { path = \"" + checkpoint + "\" }, interval = 200ms }",
                "  pipeline { " + pipeline + " }",
                "}");
        Path file = temp.resolve(database + "-" + serverId + ".conf");
        Files.writeString(file, hocon);
        return file;
    }

    private static String shutdownTimeout(Duration timeout) {
        return "shutdown-timeout = " + timeout.toMillis() + "ms";
    }

    private static String fileSink(Path events) {
        return "sink { type = file, file { path = \"" + events + "\" } }";
    }

    /** The number in the first line of the log that matches {@code pattern}; fails when there is none. */
    private static int count(Pattern pattern, String log) {
        Matcher matcher = pattern.matcher(log);
        if (!matcher.find()) {
            fail("the log has no line like '" + pattern.pattern() + "'; log:\n" + log);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Waits until {@code file} holds at least {@code lines} complete lines; fails when the daemon exits first. */
    private static void awaitLines(Path file, long lines, ChildDaemon daemon) throws Exception {
        long deadline = System.nanoTime() + CATCHES_UP_WITHIN.toNanos();
        while (lineCount(file) < lines) {
            if (!daemon.isAlive()) {
                fail("the daemon exited with " + daemon.exitValue() + " before " + file.getFileName() + " held "
                        + lines + " events; see " + daemon.logFile());
            }
            if (System.nanoTime() > deadline) {
                fail(file.getFileName() + " holds " + lineCount(file) + " events, not " + lines + ", after "
                        + CATCHES_UP_WITHIN.toSeconds() + " s; see " + daemon.logFile());
            }
            Thread.sleep(50);
        }
    }

    /** Complete lines only: the daemon may be writing the next one. */
    private static long lineCount(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long lines = 0;
        for (byte b : Files.readAllBytes(file)) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    /** The workload's changes in file order, each named by its transaction and place in it. */
    private static List<ContinuousWorkload.Change> changes(Path events) throws IOException {
        List<ContinuousWorkload.Change> changes = new ArrayList<>();
        for (JsonNode event : read(events)) {
            changes.add(new ContinuousWorkload.Change(event.at("/transaction/id").asText() + "#"
                    + event.at("/transaction/total_order").asLong(), event.at("/after/id").asInt(),
                    event.at("/after/v").asInt()));
        }
        return changes;
    }
}
