package io.sluice.benchmark;

import com.typesafe.config.Config;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkFactory;

/** Registers {@link CountingSink} as sink type {@code counting}. */
public final class CountingSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "counting";
    }

    @Override
    public Sink create(Config config) {
        return new CountingSink();
    }
}
