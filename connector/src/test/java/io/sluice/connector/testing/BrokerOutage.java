package io.sluice.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connector.Daemon;
import io.sluice.connector.operations.HealthCheck;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.CheckpointCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared part of the sinks' outage tests: the broker is stopped for a while as rows go on being
 * written, then started again. While it is away the daemon keeps running and its checkpoint file does
 * not move; afterwards every change is delivered once, in order per key, every event the checkpoint
 * kept during the outage covers was stored before the broker returned, and the checkpoint moves on.
 * Readiness follows the broker: its sink check fails while the broker is away and passes once it is back.
 */
public final class BrokerOutage {

    /** What the outage left: the checkpoint kept during it, and how many changes were written. */
    public record Result(String frozenCheckpoint, long writtenBefore, long written, Instant restarted) {
    }

    /** One delivered event as the broker stored it. */
    public record Stored(String id, JsonNode value, Instant storedAt) {
    }

    private BrokerOutage() {
    }

    /**
     * Stops the broker for {@code outage}, checking the daemon and its checkpoint meanwhile, starts it
     * again and stops the workload a few seconds later.
     *
     * @param broker "broker" or "server", for the messages
     */
    public static Result run(RunningDaemon daemon, ContinuousWorkload workload, Path checkpoint, Duration outage,
                             Runnable stop, Runnable start, String broker) throws Exception {
        stop.run();
        Thread.sleep(1000); // acknowledgements that came before the stop are saved (every 200 ms)
        String frozen = read(checkpoint);
        long writtenBefore = workload.changes();
        long outageEnd = System.nanoTime() + outage.toNanos();
        boolean seenNotReady = false;
        while (System.nanoTime() < outageEnd) {
            assertEquals(Daemon.State.RUNNING, daemon.daemon().state(), "the daemon waits for the " + broker);
            assertEquals(frozen, read(checkpoint), "the checkpoint moved while the " + broker + " was down,"
                    + " past events that cannot have been acknowledged");
            seenNotReady |= !sinkCheck(daemon).ok();
            Thread.sleep(500);
        }
        assertTrue(seenNotReady, "readiness reported the sink as cut off during the outage: " + sinkCheck(daemon));
        assertTrue(workload.changes() > writtenBefore + 100, "rows were written during the outage");
        Instant restarted = Instant.now();
        start.run();
        Thread.sleep(3000); // rows are written after the return too
        RunningDaemon.waitFor(Duration.ofSeconds(60), () -> daemon.daemon().readiness().ready());
        return new Result(frozen, writtenBefore, workload.stop(), restarted);
    }

    private static HealthCheck sinkCheck(RunningDaemon daemon) {
        return daemon.daemon().readiness().checks().stream().filter(c -> c.name().equals("sink")).findFirst()
                .orElseThrow(() -> new AssertionError("no sink check in " + daemon.daemon().readiness()));
    }

    /**
     * Checks what was delivered and waits for the checkpoint to move on; returns how many events the
     * checkpoint kept during the outage covers.
     *
     * @param store "broker" or "stream", for the messages
     */
    public static int verify(Result result, List<Stored> delivered, ContinuousWorkload workload, Path checkpoint,
                             String store) throws InterruptedException {
        List<ContinuousWorkload.Change> changes = new ArrayList<>();
        BinlogPosition covered = CheckpointCodec.decode(result.frozenCheckpoint()).binlog();
        int coveredEvents = 0;
        for (Stored event : delivered) {
            changes.add(new ContinuousWorkload.Change(event.id(), event.value().at("/after/id").asInt(),
                    event.value().at("/after/v").asInt()));
            if (CheckpointCoverage.covers(covered, event.value())) {
                coveredEvents++;
                assertTrue(event.storedAt().isBefore(result.restarted()), "the checkpoint saved during the outage, "
                        + covered.describe() + ", covers " + event.id() + ", which the " + store
                        + " only stored after it returned");
            }
        }
        assertTrue(coveredEvents > 0, "the checkpoint saved before the outage covers events");
        workload.assertDeliveredExactlyOnceInOrder(changes);
        RunningDaemon.waitFor(Duration.ofSeconds(30), () -> !read(checkpoint).equals(result.frozenCheckpoint()));
        return coveredEvents;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
