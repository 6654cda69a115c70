package io.sluice.benchmark;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Commit-to-acknowledgement delays of the measured rows, kept one by one (about 300,000 longs for a
 * minute at 5,000 rows/s), so the percentiles are exact rather than bucketed.
 *
 * <p>Rows are numbered by the load from 1; the first {@code warmUpRows} are not recorded. Thread-safe:
 * sink and consumer threads record, the main thread waits and reads.
 */
final class LatencyRecorder {

    private final String name;
    private final long warmUpRows;
    private final long measuredRows;
    private final long[] micros;
    private final CountDownLatch done = new CountDownLatch(1);
    private int count;

    LatencyRecorder(String name, long warmUpRows, long measuredRows) {
        this.name = name;
        this.warmUpRows = warmUpRows;
        this.measuredRows = measuredRows;
        this.micros = new long[Math.toIntExact(measuredRows)];
    }

    /** Now, in microseconds since the epoch: the same clock the load reads before each commit. */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** Records that row {@code id}, committed at {@code commitMicros}, was acknowledged now. */
    void record(long id, long commitMicros) {
        long delay = nowMicros() - commitMicros;
        if (id <= warmUpRows || id > warmUpRows + measuredRows) {
            return;
        }
        synchronized (this) {
            if (count < micros.length) {
                micros[count++] = delay;
                if (count == micros.length) {
                    done.countDown();
                }
            }
        }
    }

    /** Waits until every measured row was recorded once; duplicates (replays) are not expected here. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    /** Whether every measured row was recorded. */
    boolean isComplete() {
        return done.getCount() == 0;
    }

    synchronized int count() {
        return count;
    }

    /** One line in the benchmark's style: {@code LATENCY <name> rows=... p50-ms=... p99-ms=... p99.9-ms=... max-ms=...}. */
    synchronized String summary() {
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        return String.format("LATENCY %s rows=%d p50-ms=%.2f p99-ms=%.2f p99.9-ms=%.2f max-ms=%.2f mean-ms=%.2f",
                name, count, percentile(sorted, 50) / 1e3, percentile(sorted, 99) / 1e3,
                percentile(sorted, 99.9) / 1e3, (count == 0 ? 0 : sorted[count - 1]) / 1e3,
                Arrays.stream(sorted).average().orElse(0) / 1e3);
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} percent of values at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
