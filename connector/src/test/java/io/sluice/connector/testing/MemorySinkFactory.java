package io.sluice.connector.testing;

import com.typesafe.config.Config;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkFactory;

/** Sink type {@code memory}, for tests: settings {@code name} and optional {@code fail-at}. */
public final class MemorySinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public Sink create(Config config) {
        return MemorySink.create(config.getString("name"), config.hasPath("fail-at") ? config.getLong("fail-at") : -1);
    }
}
