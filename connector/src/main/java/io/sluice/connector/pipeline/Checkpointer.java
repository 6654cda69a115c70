package io.sluice.connector.pipeline;

import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.CheckpointCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;

/**
 * Saves the safe position on its own thread ({@code sluice-checkpointer}): every {@code interval},
 * or sooner once {@code maxEvents} entries were acknowledged, and only when it changed. Saves are never
 * per event. The core owns this; sinks never checkpoint.
 */
final class Checkpointer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    private static final int MAX_CONSECUTIVE_FAILURES = 5;

    private final CheckpointStore store;
    private final InFlightEvents inFlight;
    private final Duration interval;
    private final int maxEvents;
    /** Volatile: the metrics read it while a save may hold the lock for as long as the store takes. */
    private volatile Checkpoint saved;
    private int consecutiveFailures;
    private volatile boolean stopping;
    private volatile Exception failure;
    private volatile long failedSaves;
    /** When the saved position last matched the acknowledged one, for the checkpoint-age metric. */
    private volatile long currentAt = System.nanoTime();

    Checkpointer(CheckpointStore store, InFlightEvents inFlight, Duration interval, int maxEvents,
                 Checkpoint alreadySaved) {
        this.store = store;
        this.inFlight = inFlight;
        this.interval = interval;
        this.maxEvents = maxEvents;
        this.saved = alreadySaved;
    }

    /** Ends the loop within one interval; a save in progress completes (no interrupt mid-write). */
    void stop() {
        stopping = true;
    }

    /** Why checkpointing gave up, or {@code null}. */
    Exception failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            while (!stopping && inFlight.failure() == null) {
                inFlight.awaitAdvances(inFlight.advances() + maxEvents, interval);
                if (stopping) {
                    return; // the shutdown step saves last; a save from here could come after the store closed
                }
                try {
                    saveIfMoved();
                    consecutiveFailures = 0;
                } catch (CheckpointException e) {
                    failedSaves++; // only this thread writes it
                    if (++consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                        failure = e;
                        return;
                    }
                    LOG.warn("Checkpoint save failed ({} of {} tries): {}", consecutiveFailures,
                            MAX_CONSECUTIVE_FAILURES, e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Saves the safe position if it moved since the last save; called by the final shutdown step too. */
    synchronized Checkpoint saveIfMoved() throws CheckpointException {
        Checkpoint safe = inFlight.safePosition();
        if (safe != null && !Objects.equals(safe, saved)) {
            store.save(CheckpointCodec.encode(safe));
            saved = safe;
        }
        currentAt = System.nanoTime();
        return saved;
    }

    /** The position saved last, or the one found at start-up. */
    Checkpoint saved() {
        return saved;
    }

    /** Nanoseconds since the saved position last caught up with the acknowledged one. */
    long ageNanos() {
        return System.nanoTime() - currentAt;
    }

    /** Saves the store refused so far (each retried; several in a row stop the daemon). */
    long failedSaves() {
        return failedSaves;
    }
}
