package io.sluice.connector.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sluice.event.Operation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;

/**
 * Every metric of one daemon, in its own registry (several daemons may share a JVM in tests).
 *
 * <p>Counters that the hot path feeds are looked up once per table ({@link #table}); everything that
 * is a state rather than a count (queue depth, positions, lag) is read by a callback when scraped,
 * so it costs nothing between scrapes. Names follow Prometheus conventions: {@code _total} for
 * counters, base units (seconds, bytes).
 */
public final class SluiceMetrics {

    /** Publish-to-acknowledgement buckets, 0.5 ms to about 16 s. */
    private static final double[] LATENCY_BUCKETS_SECONDS = {0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032,
            0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192, 16.384};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter events;
    private final Counter bytes;
    private final Histogram sinkLatency;
    /** Only the publisher thread looks tables up, so a plain map will do. */
    private final Map<String, Map<String, TableCounters>> tables = new HashMap<>();

    public SluiceMetrics() {
        events = Counter.builder().name("sluice_events_published_total")
                .help("Change events handed to the sink, by source table and operation (c, u, d, r)")
                .labelNames("database", "table", "op").register(registry);
        bytes = Counter.builder().name("sluice_event_bytes_published_total")
                .help("Encoded bytes (key and value) of the events handed to the sink")
                .labelNames("database", "table", "op").register(registry);
        sinkLatency = Histogram.builder().name("sluice_sink_latency_seconds")
                .help("Time from handing an event to the sink until the broker acknowledged it;"
                        + " the count is the number of acknowledged events")
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS_SECONDS).register(registry);
        JvmMetrics.builder().register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** The counters of one table; call from one thread only (the publisher). */
    public TableCounters table(String database, String table) {
        Map<String, TableCounters> ofDatabase = tables.get(database);
        TableCounters found = ofDatabase == null ? null : ofDatabase.get(table);
        return found != null ? found : register(database, table);
    }

    private TableCounters register(String database, String table) {
        return tables.computeIfAbsent(database, d -> new HashMap<>()).computeIfAbsent(table, t -> {
            Operation[] operations = Operation.values();
            CounterDataPoint[] eventPoints = new CounterDataPoint[operations.length];
            CounterDataPoint[] bytePoints = new CounterDataPoint[operations.length];
            for (Operation operation : operations) {
                eventPoints[operation.ordinal()] = events.labelValues(database, t, operation.code());
                bytePoints[operation.ordinal()] = bytes.labelValues(database, t, operation.code());
            }
            return new TableCounters(eventPoints, bytePoints);
        });
    }

    /** Records one publish-to-acknowledgement time, in nanoseconds. */
    public LongConsumer sinkLatency() {
        return nanos -> sinkLatency.observe(nanos / 1e9);
    }

    /** A value read when scraped, such as a queue depth or a position. */
    public void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help)
                .callback(callback -> callback.call(value.getAsDouble())).register(registry);
    }

    /** A gauge with one series per value of {@code label}, each read when scraped. */
    public void gauge(String name, String help, String label, Map<String, DoubleSupplier> series) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(label)
                .callback(callback -> series.forEach((value, supplier) -> callback.call(supplier.getAsDouble(), value)))
                .register(registry);
    }

    /** A gauge whose series and labels are produced when scraped, such as one per table being snapshotted. */
    public void gauge(String name, String help, String[] labels, java.util.function.Consumer<GaugeWithCallback.Callback> series) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(labels).callback(series).register(registry);
    }

    /** A count kept elsewhere, one series per value of {@code label}, read when scraped. */
    public void counter(String name, String help, String label, Map<String, DoubleSupplier> series) {
        CounterWithCallback.builder().name(name).help(help).labelNames(label)
                .callback(callback -> series.forEach((value, supplier) -> callback.call(supplier.getAsDouble(), value)))
                .register(registry);
    }
}
