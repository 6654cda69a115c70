package io.sluice.sink.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import io.sluice.sink.nats.NatsSinkConfig.OversizedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

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
 * <p>Connection loss: while the connection is down, publish waits for jnats to reconnect. Events whose
 * acknowledgement was lost with the connection (no answer, or "no responders" while the server's
 * JetStream comes back) are kept and sent again, oldest first and before any newer event, once the
 * connection is back; the stream's duplicate window drops those it had stored already. Each message
 * also names its predecessor ({@value #EXPECTED_LAST_HEADER}), so one that would overtake a lost
 * predecessor (jnats sends what it still had queued first) is refused and sent again in order: a
 * server restart neither loses nor reorders anything and does not stop the stream. The stream must
 * therefore be written by Sluice alone. A failure without a
 * connection loss (no acknowledgement within {@code ack-timeout} from a connected server, a refusal)
 * is reported and never acknowledged, so the core stops without checkpointing past it and the next
 * start publishes it again. A {@code sluice-nats-resend} thread sends again when no new event comes.
 */
final class NatsSink implements Sink {

    static final String MSG_ID_HEADER = "Nats-Msg-Id";
    /** The stream stores a message only right after this one: it keeps the stream in publish order. */
    static final String EXPECTED_LAST_HEADER = "Nats-Expected-Last-Msg-Id";
    /** JetStream's error for a message whose {@link #EXPECTED_LAST_HEADER} is not the stream's last. */
    private static final int WRONG_LAST_MSG_ID = 10070;
    static final String ID_HEADER = "Sluice-Id";
    static final String OP_HEADER = "Sluice-Op";
    static final String KEY_HEADER = "Sluice-Key";

    private static final Logger LOG = LoggerFactory.getLogger(NatsSink.class);
    private static final long PAUSE_MILLIS = 50;
    private static final long RESEND_CHECK_MILLIS = 200;

    private final Connection connection;
    private final JetStream jetStream;
    private final NatsSinkConfig config;
    private final Semaphore permits;
    /** Subjects by database and table; only the publisher thread touches it. */
    private final Map<String, Map<String, String>> subjects = new HashMap<>();
    /** Events handed to jnats and not yet settled, by the core's sequence: oldest first. */
    private final ConcurrentSkipListMap<Long, Outstanding> pending = new ConcurrentSkipListMap<>();
    /** Held while sending, so that a resend and a new event never interleave. */
    private final ReentrantLock sending = new ReentrantLock();
    private final ScheduledExecutorService resender;
    /** Set when an event lost its acknowledgement with the connection; cleared by the resend. */
    private volatile boolean resendNeeded;
    /** The connection's reconnect count at the last resend: a new connection has lost every answer pending. */
    private volatile long epochResent;
    private volatile boolean closed;
    /** The id of the last event handed to jnats in this run; only the publisher thread touches it. */
    private String lastPublishedId;

    NatsSink(Connection connection, JetStream jetStream, NatsSinkConfig config) {
        this.connection = connection;
        this.jetStream = jetStream;
        this.config = config;
        this.permits = new Semaphore(config.maxInFlight());
        this.epochResent = reconnects();
        this.resender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-nats-resend");
            t.setDaemon(true);
            return t;
        });
        resender.scheduleWithFixedDelay(this::resendWhileIdle, RESEND_CHECK_MILLIS, RESEND_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** An event handed to jnats and not yet settled, with what it takes to send it again. */
    private static final class Outstanding {
        final ChangeEvent event;
        final String subject;
        final Headers headers;
        final PublishCallback callback;
        // guarded by the instance's monitor
        long epoch = -1; // the connection's reconnect count when last sent
        long connectedLossSince; // System.nanoTime() of the first loss seen on a live connection, or 0
        int attempt; // answers to older attempts are ignored once the event was sent again
        boolean lost; // its answer was lost with the connection: send it again
        boolean settled;

        Outstanding(ChangeEvent event, String subject, Headers headers, PublishCallback callback) {
            this.event = event;
            this.subject = subject;
            this.headers = headers;
            this.callback = callback;
        }
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
        // Chained ids: a message that would overtake a lost predecessor (jnats sends what it still queued
        // before Sluice can send the lost ones again) is refused by the stream and sent again in order.
        // Duplicates are detected before the chain is checked, so a replay after a restart passes.
        if (lastPublishedId != null) {
            headers.put(EXPECTED_LAST_HEADER, lastPublishedId);
        }
        permits.acquire();
        Outstanding outstanding = new Outstanding(event, subject, headers, callback);
        pending.put(event.sequence(), outstanding);
        try {
            sending.lockInterruptibly();
            try {
                transmit(outstanding);
            } finally {
                sending.unlock();
            }
        } catch (InterruptedException | SinkException | RuntimeException e) {
            pending.remove(event.sequence());
            permits.release();
            throw e;
        }
        lastPublishedId = event.id();
    }

    /**
     * Sends one new event, waiting while the connection is down or jnats's buffers are full. Events that
     * lost their acknowledgement go first, in order. Called with {@link #sending} held.
     */
    private void transmit(Outstanding next) throws InterruptedException, SinkException {
        boolean waited = false;
        while (true) {
            if (closed || connection.getStatus() == Connection.Status.CLOSED) {
                throw new SinkException("the connection to NATS is closed; " + next.event + " was not published");
            }
            if (connection.getStatus() == Connection.Status.CONNECTED) {
                try {
                    if (resendDue()) {
                        resendLost(next.event.sequence());
                    }
                    send(next);
                    return;
                } catch (IllegalArgumentException e) {
                    throw new SinkException("jnats refused " + next.event + " on subject " + next.subject + ": "
                            + e.getMessage(), e);
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

    /** Sends again, oldest first, every event before {@code before} whose answer was lost. Holds {@link #sending}. */
    private void resendLost(long before) {
        resendNeeded = false;
        int resent = 0;
        long epoch = reconnects();
        epochResent = epoch;
        for (Outstanding o : pending.headMap(before).values()) {
            boolean again;
            synchronized (o) {
                again = !o.settled && (o.lost || o.epoch != epoch);
            }
            if (again) {
                try {
                    send(o);
                    resent++;
                } catch (RuntimeException e) {
                    resendNeeded = true; // the connection dropped again: the rest waits for the next try
                    throw e;
                }
            }
        }
        if (resent > 0) {
            LOG.info("sent {} events again whose acknowledgement was lost with the connection; the stream's "
                    + "duplicate window drops those it had stored", resent);
        }
    }

    /** Resends for a publisher that has nothing new to send; runs on {@code sluice-nats-resend}. */
    private void resendWhileIdle() {
        if (!resendDue() || closed || connection.getStatus() != Connection.Status.CONNECTED || !sending.tryLock()) {
            return;
        }
        try {
            resendLost(Long.MAX_VALUE);
        } catch (RuntimeException e) {
            LOG.debug("resending paused: {}", e.getMessage());
        } finally {
            sending.unlock();
        }
    }

    /** An answer was lost, or the connection was re-established since the last resend. */
    private boolean resendDue() {
        return resendNeeded || reconnects() != epochResent;
    }

    private void send(Outstanding o) {
        int attempt;
        synchronized (o) {
            attempt = ++o.attempt;
            o.epoch = reconnects();
            o.lost = false;
        }
        CompletableFuture<PublishAck> future;
        try {
            future = jetStream.publishAsync(o.subject, o.headers, o.event.value());
        } catch (RuntimeException e) {
            synchronized (o) {
                o.lost = true; // nothing was queued: it must go out with the next resend
            }
            resendNeeded = true;
            throw e;
        }
        future.whenComplete((ack, error) -> settle(o, attempt, ack, error));
    }

    private long reconnects() {
        return connection.getStatistics().getReconnects();
    }

    private void settle(Outstanding o, int attempt, PublishAck ack, Throwable error) {
        synchronized (o) {
            if (o.settled || (error != null && attempt != o.attempt)) {
                return; // settled already, or a failed answer to a transmission sent again since
            }
            if (error != null && !closed && sendAgain(o, error)) {
                o.lost = true;
                resendNeeded = true;
                return;
            }
            o.settled = true;
        }
        pending.remove(o.event.sequence());
        try {
            Exception failure = null;
            if (error != null) {
                failure = failure(o.event, o.subject, error);
            } else if (!config.stream().name().equals(ack.getStream())) {
                failure = new SinkException(o.event + " on subject " + o.subject + " was stored in the stream \""
                        + ack.getStream() + "\", not in sluice.sink.nats.stream.name = \"" + config.stream().name()
                        + "\": remove the subject from the other stream");
            }
            o.callback.completed(o.event, failure);
        } catch (RuntimeException e) {
            LOG.error("the publish callback for {} threw; the core's callbacks must not throw", o.event, e);
        } finally {
            permits.release();
        }
    }

    /**
     * Whether a failed answer means "send it again" rather than a refusal. Yes when the connection dropped
     * since the event was sent; and for a refusal that is only for now ("no responders" while the
     * restarted server's JetStream recovers, or a message that overtook a lost predecessor), unless that
     * has gone on for longer than ack-timeout on a connection that stayed up: then it is no longer a
     * reconnect (a stream deleted, another writer breaking the chain of ids). No when jnats closed the
     * connection for good. Called holding the event's monitor.
     */
    private boolean sendAgain(Outstanding o, Throwable error) {
        Connection.Status status = connection.getStatus();
        if (status == Connection.Status.CLOSED) {
            return false; // jnats gave up (for example credentials refused on reconnect): a real failure
        }
        if (o.epoch != reconnects() || status != Connection.Status.CONNECTED) {
            o.connectedLossSince = 0;
            return true;
        }
        Throwable cause = unwrap(error);
        boolean noResponders = cause instanceof IOException && String.valueOf(cause.getMessage()).contains("503");
        boolean overtook = cause instanceof JetStreamApiException api && api.getApiErrorCode() == WRONG_LAST_MSG_ID;
        if (!noResponders && !overtook) {
            return false;
        }
        long now = System.nanoTime();
        if (o.connectedLossSince == 0) {
            o.connectedLossSince = now;
        }
        return now - o.connectedLossSince <= config.ackTimeout().toNanos();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || (cause instanceof RuntimeException && cause.getClass() == RuntimeException.class))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private Exception failure(ChangeEvent event, String subject, Throwable error) {
        Throwable cause = unwrap(error);
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

    /** The client's own view: it reconnects by itself, and says CONNECTED only with a live server. */
    @Override
    public boolean connected() {
        return connection.getStatus() == Connection.Status.CONNECTED;
    }

    @Override
    public void close() {
        closed = true;
        resender.shutdownNow();
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
