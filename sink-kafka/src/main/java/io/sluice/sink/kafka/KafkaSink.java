package io.sluice.sink.kafka;

import io.sluice.event.ChangeEvent;
import io.sluice.event.Operation;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes each event to its table's topic with an idempotent {@link KafkaProducer}.
 *
 * <p>Threads:
 * <ul>
 *   <li>the core's publisher thread runs {@link #publish} (and the topic check on a table's first
 *       event) and {@link #flush};</li>
 *   <li>{@code kafka-producer-network-thread | <client.id>} (Kafka's) sends batches and calls the
 *       {@link PublishCallback} directly, as the SPI allows;</li>
 *   <li>{@code kafka-admin-client-thread | <client.id>-admin} (Kafka's) answers topic checks;</li>
 *   <li>{@code sluice-kafka-flush}, started by the first {@link #flush}, runs {@code producer.flush()},
 *       which has no timeout of its own, while {@link #flush} waits for the callbacks with one.</li>
 * </ul>
 *
 * <p>Back-pressure: when the producer's buffer ({@code buffer.memory}) is full, or the broker is gone
 * and the producer has to wait for metadata, {@code send} and so {@link #publish} block for up to
 * {@code max.block.ms} (about 24 days by default) and resume when the broker returns.
 */
final class KafkaSink implements Sink {

    static final String HEADER_ID = "sluice.id";
    static final String HEADER_OP = "sluice.op";
    static final String HEADER_TRANSACTION = "sluice.transaction";
    static final String TOMBSTONE_SUFFIX = "#tombstone";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    private static final int MAX_KEY_IN_MESSAGE = 200;
    /** A record batch's header and one record's framing, added to key, value and headers. */
    private static final int RECORD_OVERHEAD = 61 + 21;

    private final KafkaSinkConfig config;
    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final int maxRecordBytes;
    /** The producer's transactional id with exactly-once delivery, for the fencing message; otherwise null. */
    private final String transactionalId;
    /** One header per operation: its value never changes, so it is built once. */
    private static final Map<Operation, Header> OP_HEADERS = new EnumMap<>(Operation.class);

    static {
        for (Operation op : Operation.values()) {
            OP_HEADERS.put(op, header(HEADER_OP, op.code()));
        }
    }

    /** Topic per database.table, only touched by the publisher thread. */
    private final Map<String, String> topicByTable = new HashMap<>();
    // Events come in runs of one table and one transaction: the last table's topic and the last
    // transaction's header answer most events without a lookup or an allocation (publisher thread only).
    private String lastDatabase;
    private String lastTable;
    private String lastTopic;
    private String lastTransaction;
    private Header lastTransactionHeader;
    /** Events published whose callback has not been called yet. */
    private final AtomicLong inFlight = new AtomicLong();
    /** Notified when {@link #inFlight} reaches zero while {@link #flush} waits. */
    private final Object settled = new Object();
    private volatile boolean flushWaiting;
    private ExecutorService flusher;
    private Future<?> pendingFlush;

    KafkaSink(KafkaSinkConfig config, Producer<byte[], byte[]> producer, Topics topics) {
        this(config, producer, topics, null);
    }

    /** @param transactionalId the producer's transactional id, or {@code null} when it is not transactional */
    KafkaSink(KafkaSinkConfig config, Producer<byte[], byte[]> producer, Topics topics, String transactionalId) {
        this.transactionalId = transactionalId;
        this.config = config;
        this.producer = producer;
        this.topics = topics;
        this.maxRecordBytes = config.maxRecordBytes();
    }

    @Override
    public void publish(ChangeEvent event, PublishCallback callback) throws InterruptedException, SinkException {
        String topic = topicFor(event);
        List<Header> headers = new ArrayList<>(3);
        headers.add(header(HEADER_ID, event.id()));
        headers.add(OP_HEADERS.get(event.operation()));
        if (event.transactionId() != null) {
            headers.add(transactionHeader(event.transactionId()));
        }
        int size = event.sizeInBytes() + headerBytes(headers) + RECORD_OVERHEAD;
        if (size > maxRecordBytes) {
            String message = tooLarge(event, topic, size, maxRecordBytes + " bytes (producer max.request.size)");
            if (config.oversized() == KafkaSinkConfig.Oversized.FAIL) {
                throw new SinkException(message);
            }
            LOG.warn("Skipped, not published: {}", message);
            callback.completed(event, null);
            return;
        }
        boolean tombstone = config.tombstones() && event.operation() == Operation.DELETE && event.key() != null;
        Completion completion = new Completion(event, topic, tombstone ? 2 : 1, callback);
        inFlight.incrementAndGet();
        try {
            send(new ProducerRecord<>(topic, null, event.key(), event.value(), headers), completion);
        } catch (InterruptedException e) {
            if (tombstone) {
                completion.onCompletion(null, new InterruptException(e)); // the tombstone that is not sent
            }
            throw e;
        }
        if (tombstone) {
            List<Header> tombstoneHeaders = new ArrayList<>(2);
            tombstoneHeaders.add(header(HEADER_ID, event.id() + TOMBSTONE_SUFFIX));
            if (event.transactionId() != null) {
                tombstoneHeaders.add(transactionHeader(event.transactionId()));
            }
            send(new ProducerRecord<>(topic, null, event.key(), null, tombstoneHeaders), completion);
        }
    }

    private void send(ProducerRecord<byte[], byte[]> record, Completion completion) throws InterruptedException {
        try {
            producer.send(record, completion);
        } catch (InterruptException e) {
            // The record was not handed over; its callback will not run.
            completion.onCompletion(null, e);
            Thread.interrupted();
            throw new InterruptedException("Interrupted while the Kafka producer waited for room or metadata");
        } catch (RuntimeException e) {
            // KafkaProducer reports most failures through the callback; anything thrown still settles the event.
            completion.onCompletion(null, e);
        }
    }

    private Header transactionHeader(String transactionId) {
        if (!transactionId.equals(lastTransaction)) {
            lastTransaction = transactionId;
            lastTransactionHeader = header(HEADER_TRANSACTION, transactionId);
        }
        return lastTransactionHeader;
    }

    private String topicFor(ChangeEvent event) throws InterruptedException, SinkException {
        if (event.table().equals(lastTable) && event.database().equals(lastDatabase)) {
            return lastTopic;
        }
        String topic = lookUpTopic(event);
        lastDatabase = event.database();
        lastTable = event.table();
        lastTopic = topic;
        return topic;
    }

    private String lookUpTopic(ChangeEvent event) throws InterruptedException, SinkException {
        String table = event.database() + "." + event.table();
        String topic = topicByTable.get(table);
        if (topic == null) {
            topic = config.topic(event.database(), event.table());
            KafkaSinkConfig.checkTopicLength(topic);
            topics.ensure(topic, table);
            topicByTable.put(table, topic);
        }
        return topic;
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (inFlight.get() == 0) {
            return true;
        }
        startProducerFlush();
        synchronized (settled) {
            flushWaiting = true; // before the count is read: a callback reaching zero then notifies
            try {
                while (inFlight.get() > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(settled, left);
                }
            } finally {
                flushWaiting = false;
            }
        }
        return true;
    }

    /** Sends lingering batches now; on its own thread because {@code producer.flush()} cannot time out. */
    private void startProducerFlush() {
        if (flusher == null) {
            flusher = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sluice-kafka-flush");
                t.setDaemon(true);
                return t;
            });
        }
        if (pendingFlush == null || pendingFlush.isDone()) {
            pendingFlush = flusher.submit(producer::flush);
        }
    }

    /**
     * Whether the producer holds at least one open broker connection ({@code connection-count}).
     * The producer keeps one for its periodic metadata refresh even when idle, and drops them all
     * when the brokers are gone; it reconnects by itself when they return.
     */
    @Override
    public boolean connected() {
        for (Map.Entry<MetricName, ? extends Metric> metric : producer.metrics().entrySet()) {
            if (metric.getKey().name().equals("connection-count") && metric.getKey().group().equals("producer-metrics")
                    && metric.getValue().metricValue() instanceof Number count) {
                return count.doubleValue() > 0;
            }
        }
        return true; // a producer without the metric (a test double): nothing says it is cut off
    }

    @Override
    public void close() {
        try {
            producer.close(config.closeTimeout());
        } finally {
            topics.close();
            if (flusher != null) {
                flusher.shutdownNow();
            }
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static int headerBytes(List<Header> headers) {
        int bytes = 0;
        for (Header h : headers) {
            bytes += h.key().length() + h.value().length + 2;
        }
        return bytes;
    }

    static String tooLarge(ChangeEvent event, String topic, int size, String limit) {
        String key = event.key() == null ? "(no primary key)" : new String(event.key(), StandardCharsets.UTF_8);
        if (key.length() > MAX_KEY_IN_MESSAGE) {
            key = key.substring(0, MAX_KEY_IN_MESSAGE) + "...";
        }
        return "Event " + event.id() + " of table " + event.database() + "." + event.table() + " with key " + key
                + " is about " + size + " bytes as a Kafka record for topic " + topic + ", over the limit of " + limit
                + ". Raise the producer's max.request.size (" + KafkaSinkConfig.PATH + ".producer), the broker's "
                + "message.max.bytes and the topic's max.message.bytes, or set " + KafkaSinkConfig.PATH
                + ".oversized = log-and-skip to skip such events";
    }

    /**
     * Settles one event once all its records (the change, and a tombstone after a delete) were
     * acknowledged. Runs on the producer's I/O thread and never throws into it.
     */
    private final class Completion implements Callback {
        private final ChangeEvent event;
        private final String topic;
        private final PublishCallback callback;
        private final AtomicInteger remaining;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        Completion(ChangeEvent event, String topic, int records, PublishCallback callback) {
            this.event = event;
            this.topic = topic;
            this.remaining = new AtomicInteger(records);
            this.callback = callback;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                Exception described = describe(exception);
                // A real failure outranks a skipped oversized record of the same event.
                failure.updateAndGet(seen -> seen == null || seen instanceof SkippedTooLarge ? described : seen);
            }
            if (remaining.decrementAndGet() != 0) {
                return;
            }
            Exception failed = failure.get();
            try {
                if (failed instanceof SkippedTooLarge skipped) {
                    LOG.warn("Skipped, not published: {}", skipped.getMessage());
                    failed = null;
                }
                callback.completed(event, failed);
            } catch (Throwable t) {
                LOG.error("The publish callback for {} threw; the core's callback must not throw", event, t);
            } finally {
                if (inFlight.decrementAndGet() == 0 && flushWaiting) {
                    synchronized (settled) {
                        settled.notifyAll();
                    }
                }
            }
        }

        private Exception describe(Exception exception) {
            if (exception instanceof RecordTooLargeException) {
                String message = tooLarge(event, topic, event.sizeInBytes(),
                        "the producer or broker (" + exception.getMessage() + ")");
                if (transactionalId != null) {
                    // The refusal has already doomed the transaction: skipping the event cannot save it.
                    return new SinkException(message + ". With delivery = exactly-once a record the broker refuses "
                            + "fails its whole transaction, so it cannot be skipped: raise the limits", exception);
                }
                return config.oversized() == KafkaSinkConfig.Oversized.FAIL
                        ? new SinkException(message, exception) : new SkippedTooLarge(message);
            }
            if (transactionalId != null && TransactionalKafkaSink.fencedCause(exception)) {
                return TransactionalKafkaSink.fenced(transactionalId, exception);
            }
            return new SinkException("Kafka did not store event " + event.id() + " of table " + event.database() + "."
                    + event.table() + " in topic " + topic + ": " + exception, exception);
        }
    }

    /** Marks a record the broker refused as too large while the policy is to skip it. */
    private static final class SkippedTooLarge extends Exception {
        SkippedTooLarge(String message) {
            super(message, null, false, false);
        }
    }
}
