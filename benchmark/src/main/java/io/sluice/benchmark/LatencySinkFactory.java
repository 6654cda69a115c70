package io.sluice.benchmark;

import com.typesafe.config.Config;
import io.sluice.connector.sink.Plugins;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import io.sluice.sink.SinkFactory;
import io.sluice.sink.TransactionalSink;

/**
 * Registers {@link LatencySink} as sink type {@code latency}. Its settings name the real sink and
 * carry that sink's own subtree: {@code { sink = kafka, kafka { ... } }}. The real sink is created
 * through its own {@link SinkFactory}, found by type like any other.
 */
public final class LatencySinkFactory implements SinkFactory {

    /** Where the measured process finds the recorder; set before the daemon starts. */
    static volatile LatencyRecorder recorder;

    @Override
    public String type() {
        return "latency";
    }

    @Override
    public Sink create(Config config) throws SinkException {
        String inner = config.getString("sink");
        Sink sink = Plugins.sink(inner).create(config.getConfig(inner));
        System.out.println("SINK READY " + inner);
        return sink instanceof TransactionalSink transactional
                ? new LatencySink.Transactional(transactional, recorder) : new LatencySink(sink, recorder);
    }
}
