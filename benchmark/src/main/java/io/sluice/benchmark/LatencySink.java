package io.sluice.benchmark;

import io.sluice.checkpoint.CheckpointStore;
import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import io.sluice.sink.TransactionalSink;

import java.time.Duration;

/**
 * Sink type {@code latency}: passes every event to a real sink unchanged and, when that sink reports
 * the broker's acknowledgement, records the delay since the row's commit ({@link CommitStamp}); with
 * no recorder it only passes events on (and times commits, see {@link Transactional}).
 * The delay is taken on the sink's callback thread before the core's callback runs, so it is the
 * broker's acknowledgement as the sink sees it, not the checkpoint.
 *
 * <p>A transactional sink is wrapped by {@link Transactional}, so the core still sees it as one.
 */
class LatencySink implements Sink {

    private final Sink sink;
    private final LatencyRecorder recorder;

    LatencySink(Sink sink, LatencyRecorder recorder) {
        this.sink = sink;
        this.recorder = recorder;
    }

    @Override
    public void publish(ChangeEvent event, PublishCallback callback) throws InterruptedException, SinkException {
        if (recorder == null) {
            sink.publish(event, callback);
            return;
        }
        // Parsed here, on the publisher thread, so the callback thread only reads the clock.
        long id = CommitStamp.id(event.key());
        long commitMicros = CommitStamp.commitMicros(event.value());
        sink.publish(event, (published, failure) -> {
            if (failure == null) {
                recorder.record(id, commitMicros);
            }
            callback.completed(published, failure);
        });
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        return sink.flush(timeout);
    }

    @Override
    public void close() {
        sink.close();
    }

    /**
     * The same for a {@link TransactionalSink} (Kafka exactly-once): the core hands it the checkpoints
     * and commits. Its callbacks report the send, before the commit makes the event visible; the
     * benchmark measures visibility with a {@code read_committed} consumer.
     */
    static final class Transactional extends LatencySink implements TransactionalSink {

        /** Commits, their total and their longest duration in nanoseconds; one process runs one daemon. */
        private static final long[] COMMITS = new long[3];

        private final TransactionalSink sink;

        Transactional(TransactionalSink sink, LatencyRecorder recorder) {
            super(sink, recorder);
            this.sink = sink;
        }

        @Override
        public void adoptCheckpoints(CheckpointStore store) throws SinkException, InterruptedException {
            sink.adoptCheckpoints(store);
        }

        @Override
        public java.time.Duration maxCommitInterval() {
            return sink.maxCommitInterval();
        }

        @Override
        public String maxCommitIntervalSetting() {
            return sink.maxCommitIntervalSetting();
        }

        @Override
        public void commit(String checkpoint) throws SinkException, InterruptedException {
            long started = System.nanoTime();
            sink.commit(checkpoint);
            long nanos = System.nanoTime() - started;
            synchronized (COMMITS) {
                COMMITS[0]++;
                COMMITS[1] += nanos;
                COMMITS[2] = Math.max(COMMITS[2], nanos);
            }
        }

        /**
         * How the core's commits went: each runs on the publisher thread, which publishes nothing
         * while it waits, so their total is time the pipeline stood still.
         */
        static String commits() {
            synchronized (COMMITS) {
                return String.format("COMMITS transactions=%d total-s=%.2f mean-ms=%.1f max-ms=%.1f", COMMITS[0],
                        COMMITS[1] / 1e9, COMMITS[0] == 0 ? 0.0 : COMMITS[1] / 1e6 / COMMITS[0], COMMITS[2] / 1e6);
            }
        }
    }
}
