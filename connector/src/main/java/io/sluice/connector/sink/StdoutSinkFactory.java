package io.sluice.connector.sink;

import com.typesafe.config.Config;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkFactory;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/** Sink type {@code stdout}: one JSON event per line on standard output; log lines go to standard error. */
public final class StdoutSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "stdout";
    }

    @Override
    public Sink create(Config config) {
        // Bypass System.out: it is synchronised and flushes on every println.
        BufferedOutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        return new JsonLinesSink(out, out::flush, "standard output");
    }
}
