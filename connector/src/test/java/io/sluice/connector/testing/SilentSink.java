package io.sluice.connector.testing;

import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A test sink whose broker takes events and never answers, like a broker that hung after accepting the
 * connection: no event is ever acknowledged or refused, and {@link #flush} waits out its timeout. It
 * writes each event it is handed to a file, one value per line, so that a test in another JVM can see
 * exactly which events are outstanding.
 */
final class SilentSink implements Sink {

    private static final byte NEWLINE = '\n';

    private final FileOutputStream received;

    SilentSink(Path received) throws IOException {
        this.received = new FileOutputStream(received.toFile(), true);
    }

    @Override
    public synchronized void publish(ChangeEvent event, PublishCallback callback) {
        // Unbuffered: the test reads the file after the process ended, however it ended.
        try {
            received.write(event.value());
            received.write(NEWLINE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record an event the silent sink received", e);
        }
    }

    /** Nothing ever settles: waits the whole timeout, as a client waiting for a hung broker does. */
    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        Thread.sleep(Math.max(1, timeout.toMillis()));
        return false;
    }

    @Override
    public synchronized void close() {
        try {
            received.close();
        } catch (IOException e) {
            // Every line was written unbuffered when it was received.
        }
    }
}
