package io.sluice.connector.config;

import java.time.Duration;

/**
 * Bounds between the pipeline stages. When a bound is reached, reading from the binlog pauses: a
 * slow sink slows reading instead of growing memory.
 *
 * @param queueEvents      row changes (rows, not binlog events) that may wait between reader and encoder
 * @param maxInFlightBytes encoded bytes handed to the sink and not yet acknowledged
 * @param shutdownTimeout  how long a graceful stop may take to drain and checkpoint
 */
public record PipelineConfig(int queueEvents, long maxInFlightBytes, Duration shutdownTimeout) {

    /** Largest {@code queue-events}: the queue is allocated up front, so the bound is also memory. */
    static final int MAX_QUEUE_EVENTS = 1 << 20;

    /** Reads {@code sluice.pipeline}. */
    static PipelineConfig from(ConfigReader in) {
        return new PipelineConfig(
                in.integer("queue-events", 1, MAX_QUEUE_EVENTS),
                in.bytes("max-in-flight-bytes", 1024, Long.MAX_VALUE),
                in.duration("shutdown-timeout", Duration.ofMillis(1)));
    }
}
