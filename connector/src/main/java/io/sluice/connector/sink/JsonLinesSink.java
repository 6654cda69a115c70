package io.sluice.connector.sink;

import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes each event's value as one JSON line to a stream. A writer thread ({@code sluice-jsonl-writer})
 * takes whatever has queued up, writes it in one go, makes it durable (flush, and fsync for files),
 * and only then acknowledges the whole group: durability costs one sync per group, not per event.
 */
final class JsonLinesSink implements Sink {

    /** Makes written bytes durable: a flush for stdout, flush plus fsync for a file. */
    interface Durability {
        void sync() throws IOException;
    }

    /** Turns an event's value into the bytes written; the identity for one-line JSON. */
    interface Layout {
        byte[] apply(byte[] value) throws IOException;
    }

    private static final int MAX_GROUP = 4096;
    private static final byte NEWLINE = '\n';

    private record Pending(ChangeEvent event, PublishCallback callback) {
    }

    private final OutputStream out;
    private final Durability durability;
    private final Layout layout;
    private final java.io.Closeable release;
    private final String description;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(2 * MAX_GROUP);
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesSink.class);

    private final Thread writer;
    private final Object settled = new Object();
    private long published;
    private long completed;
    private volatile boolean closed;

    /** @param release what closing the sink does to the stream: close a file, only flush standard output */
    JsonLinesSink(OutputStream out, Durability durability, Layout layout, java.io.Closeable release,
                  String description) {
        this.out = out;
        this.release = release;
        this.durability = durability;
        this.layout = layout;
        this.description = description;
        this.writer = new Thread(this::writeLoop, "sluice-jsonl-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void publish(ChangeEvent event, PublishCallback callback) throws InterruptedException, SinkException {
        if (closed) {
            throw new SinkException(description + " is closed");
        }
        queue.put(new Pending(event, callback));
        synchronized (settled) {
            published++;
        }
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                Exception failure = write(group);
                for (Pending pending : group) {
                    pending.callback.completed(pending.event, failure);
                }
                synchronized (settled) {
                    completed += group.size();
                    settled.notifyAll();
                }
                group.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The first write failure; every later event fails too, so a failed group is never followed by more lines. */
    private Exception writeFailure;

    private Exception write(List<Pending> group) {
        if (writeFailure != null) {
            return writeFailure;
        }
        try {
            for (Pending pending : group) {
                out.write(layout.apply(pending.event.value()));
                out.write(NEWLINE);
            }
            durability.sync();
            return null;
        } catch (IOException e) {
            writeFailure = new IOException("cannot write to " + description + ": " + e.getMessage(), e);
            return writeFailure;
        }
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (settled) {
            long target = published;
            while (completed < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(settled, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            // Closing would wait for the stream the writer holds, for ever: leave it to the process exit.
            LOG.warn("{} is blocked writing (a reader that stopped reading, or a stalled disk); left open. The"
                    + " events it holds were not acknowledged and are published again on restart", description);
            return;
        }
        try {
            release.close();
        } catch (IOException e) {
            // Every acknowledged line was already flushed; nothing is lost by a failed close.
        }
    }
}
