package io.sluice.connector.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkFactory;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * Sink type {@code stdout}: one JSON event per line on standard output ({@code pretty = true}: indented
 * over several lines); log lines go to standard error.
 */
public final class StdoutSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "stdout";
    }

    @Override
    public Sink create(Config config) {
        // Bypass System.out: it is synchronised and flushes on every println.
        BufferedOutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        boolean pretty = config.hasPath("pretty") && config.getBoolean("pretty");
        JsonLinesSink.Layout layout = pretty ? StdoutSinkFactory::indent : value -> value;
        return new JsonLinesSink(out, out::flush, layout, out::flush, "standard output");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** For reading by eye: the event over several indented lines. */
    private static byte[] indent(byte[] value) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.readTree(value));
    }
}
