package io.sluice.connector.testing;

import com.typesafe.config.Config;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import io.sluice.sink.SinkFactory;

import java.io.IOException;
import java.nio.file.Path;

/** Sink type {@code silent}, for tests: a broker that never acknowledges; setting {@code received}, a file. */
public final class SilentSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "silent";
    }

    @Override
    public Sink create(Config config) throws SinkException {
        Path received = Path.of(config.getString("received"));
        try {
            return new SilentSink(received);
        } catch (IOException e) {
            throw new SinkException("cannot open " + received + " to record received events: " + e.getMessage(), e);
        }
    }
}
