package io.sluice.connector.config;

import java.time.Duration;

/**
 * Bounds between the pipeline stages. When a bound is reached, reading from the binlog pauses: a
 * slow sink slows reading instead of growing memory.
 *
 * @param queueEvents      row changes that may wait between reader and encoder
 * @param maxInFlightBytes encoded bytes handed to the sink and not yet acknowledged
 * @param shutdownTimeout  how long a graceful stop may take to drain and checkpoint
 */
public record PipelineConfig(int queueEvents, long maxInFlightBytes, Duration shutdownTimeout) {
}
