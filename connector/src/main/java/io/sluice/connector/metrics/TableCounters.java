package io.sluice.connector.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.sluice.event.Operation;

/**
 * The published-events and published-bytes counters of one table, one pair per operation, looked up
 * once per table so that counting an event costs no label lookup.
 */
public final class TableCounters {

    private final CounterDataPoint[] events;
    private final CounterDataPoint[] bytes;

    TableCounters(CounterDataPoint[] events, CounterDataPoint[] bytes) {
        this.events = events;
        this.bytes = bytes;
    }

    /** Counts {@code count} events of one operation holding {@code size} encoded bytes in all. */
    public void published(Operation operation, long count, long size) {
        events[operation.ordinal()].inc(count);
        bytes[operation.ordinal()].inc(size);
    }
}
