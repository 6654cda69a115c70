package io.sluice.sink.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import io.sluice.sink.nats.NatsSinkConfig.OversizedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events to JetStream with {@code publishAsync} and reports each stream acknowledgement.
 *
 * <p>Every message carries {@code Nats-Msg-Id} = the event id, so an event published again after a
 * crash is dropped by the stream's duplicate window, and the headers {@value #ID_HEADER} (the event
 * id), {@value #OP_HEADER} (c, u, d or r) and {@value #KEY_HEADER} (the primary key as JSON, non-ASCII
 * characters written as {@code \}{@code uXXXX} escapes; absent for tables without a key). The payload
 * is the event value.
 *
 * <p>Threads: {@link #publish} runs on the core's publisher thread. Acknowledgements complete on
 * jnats's dispatcher thread, time-outs on its scheduler thread; both call the {@link PublishCallback}
 * and never throw. A permit of {@code max-in-flight} is held from publish until the callback returned.
 *
 * <p>A publish that fails (no acknowledgement within {@code ack-timeout}, connection closed, stream
 * error) is reported as a failure and never acknowledged, so the core stops without checkpointing
 * past it and the next start publishes it again. While the connection is down, publish waits for
 * jnats to reconnect.
 */
final class NatsSink implements Sink {

    static final String MSG_ID_HEADER = "Nats-Msg-Id";
    static final String ID_HEADER = "Sluice-Id";
    static final String OP_HEADER = "Sluice-Op";
    static final String KEY_HEADER = "Sluice-Key";

    private static final Logger LOG = LoggerFactory.getLogger(NatsSink.class);
    private static final long PAUSE_MILLIS = 50;

    private final Connection connection;
    private final JetStream jetStream;
    private final NatsSinkConfig config;
    private final Semaphore permits;
    /** Subjects by database and table; only the publisher thread touches it. */
    private final Map<String, Map<String, String>> subjects = new HashMap<>();
    private volatile boolean closed;

    NatsSink(Connection connection, JetStream jetStream, NatsSinkConfig config) {
        this.connection = connection;
        this.jetStream = jetStream;
        this.config = config;
        this.permits = new Semaphore(config.maxInFlight());
    }

    @Override
    public void publish(ChangeEvent event, PublishCallback callback) throws InterruptedException, SinkException {
        if (closed) {
            throw new SinkException("the NATS sink is closed; " + event + " was not published");
        }
        String subject = subjects.computeIfAbsent(event.database(), d -> new HashMap<>())
                .computeIfAbsent(event.table(), t -> config.subjects().subject(event.database(), t));
        Headers headers = new Headers()
                .put(MSG_ID_HEADER, event.id())
                .put(ID_HEADER, event.id())
                .put(OP_HEADER, event.operation().code());
        if (event.key() != null) {
            headers.put(KEY_HEADER, asciiJson(event.key()));
        }
        long size = (long) event.value().length + headers.serializedLength();
        long limit = connection.getMaxPayload();
        if (limit > 0 && size > limit) {
            String problem = "the event " + event.id() + " of table " + event.database() + "." + event.table()
                    + " with key " + (event.key() == null ? "(none)" : new String(event.key(), StandardCharsets.UTF_8))
                    + " is " + size + " bytes with headers, over the NATS server's max_payload of " + limit
                    + " bytes; raise max_payload on the server (at most 64MB), exclude large columns with"
                    + " sluice.filter.exclude-columns, or set sluice.sink.nats.on-oversized = skip";
            if (config.onOversized() == OversizedPolicy.FAIL) {
                throw new SinkException(problem);
            }
            LOG.warn("skipped, as sluice.sink.nats.on-oversized = skip: {}", problem);
            callback.completed(event, null);
            return;
        }
        permits.acquire();
        CompletableFuture<PublishAck> future;
        try {
            future = send(subject, headers, event);
        } catch (InterruptedException | SinkException | RuntimeException e) {
            permits.release();
            throw e;
        }
        future.whenComplete((ack, error) -> settle(event, subject, callback, ack, error));
    }

    /** Hands the message to jnats, waiting while the connection is down or jnats's buffers are full. */
    private CompletableFuture<PublishAck> send(String subject, Headers headers, ChangeEvent event)
            throws InterruptedException, SinkException {
        boolean waited = false;
        while (true) {
            if (closed || connection.getStatus() == Connection.Status.CLOSED) {
                throw new SinkException("the connection to NATS is closed; " + event + " was not published");
            }
            if (connection.getStatus() == Connection.Status.CONNECTED) {
                try {
                    return jetStream.publishAsync(subject, headers, event.value());
                } catch (IllegalArgumentException e) {
                    throw new SinkException("jnats refused " + event + " on subject " + subject + ": " + e.getMessage(), e);
                } catch (IllegalStateException e) {
                    // Nothing was queued (outgoing queue full, or the connection dropped just now): try again.
                    if (!waited) {
                        LOG.debug("publishing paused: {}", e.getMessage());
                    }
                }
            }
            waited = true;
            Thread.sleep(PAUSE_MILLIS);
        }
    }

    private void settle(ChangeEvent event, String subject, PublishCallback callback, PublishAck ack, Throwable error) {
        try {
            Exception failure = null;
            if (error != null) {
                failure = failure(event, subject, error);
            } else if (!config.stream().name().equals(ack.getStream())) {
                failure = new SinkException(event + " on subject " + subject + " was stored in the stream \""
                        + ack.getStream() + "\", not in sluice.sink.nats.stream.name = \"" + config.stream().name()
                        + "\": remove the subject from the other stream");
            }
            callback.completed(event, failure);
        } catch (RuntimeException e) {
            LOG.error("the publish callback for {} threw; the core's callbacks must not throw", event, e);
        } finally {
            permits.release();
        }
    }

    private Exception failure(ChangeEvent event, String subject, Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || (cause instanceof RuntimeException && cause.getClass() == RuntimeException.class))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CancellationException || cause instanceof TimeoutException) {
            return new SinkException("JetStream did not acknowledge " + event + " on subject " + subject
                    + " within sluice.sink.nats.ack-timeout = " + config.ackTimeout() + (closed ? " before the"
                    + " sink was closed" : "") + "; it is published again on the next start (the stream's duplicate"
                    + " window drops it if it was stored after all)", cause);
        }
        return new SinkException("JetStream refused " + event + " on subject " + subject + ": " + cause.getMessage(),
                cause);
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        int all = config.maxInFlight();
        if (permits.tryAcquire(all, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            permits.release(all);
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The key as a JSON header value: NATS header values are ASCII, so other characters become escapes. */
    static String asciiJson(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = c > 126 || c < 32;
            if (escape && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
