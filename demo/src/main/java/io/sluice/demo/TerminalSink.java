package io.sluice.demo;

import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints each event as {@link EventRenderer} shows it and acknowledges it once written: the demo's
 * terminal view. Writing a few lines to a terminal is quick, so it happens inside {@link #publish}, on
 * the core's publisher thread; a full pipe (a paused {@code less}) pauses the stream, as back-pressure.
 */
final class TerminalSink implements Sink {

    private final EventRenderer renderer;
    private final PrintStream out;

    TerminalSink(EventRenderer renderer, PrintStream out) {
        this.renderer = renderer;
        this.out = out;
    }

    @Override
    public void publish(ChangeEvent event, PublishCallback callback) {
        Exception failure = null;
        try {
            out.print(renderer.render(event));
            out.flush();
            if (out.checkError()) {
                failure = new IOException("cannot write to standard output (was the reading end of a pipe closed?)");
            }
        } catch (IOException e) {
            failure = e;
        }
        callback.completed(event, failure);
    }

    /** Every event was acknowledged before its publish returned. */
    @Override
    public boolean flush(Duration timeout) {
        return true;
    }

    /** Leaves standard output open: log lines and the demo's own messages follow. */
    @Override
    public void close() {
        out.flush();
    }
}
