package io.sluice.benchmark;

import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;

import java.time.Duration;

/**
 * Sink type {@code latency}: passes every event to a real sink unchanged and, when that sink reports
 * the broker's acknowledgement, records the delay since the row's commit ({@link CommitStamp}).
 * The delay is taken on the sink's callback thread before the core's callback runs, so it is the
 * broker's acknowledgement as the sink sees it, not the checkpoint.
 */
final class LatencySink implements Sink {

    private final Sink sink;
    private final LatencyRecorder recorder;

    LatencySink(Sink sink, LatencyRecorder recorder) {
        this.sink = sink;
        this.recorder = recorder;
    }

    @Override
    public void publish(ChangeEvent event, PublishCallback callback) throws InterruptedException, SinkException {
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
}
