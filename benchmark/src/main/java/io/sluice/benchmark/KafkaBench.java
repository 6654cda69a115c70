package io.sluice.benchmark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** Kafka mode of the benchmark: topic set-up, broker warm-up, acknowledged-record counts, and the bare-producer baseline. */
final class KafkaBench {

    /** The daemon's topic: topic-prefix {@code bench}, database {@code bench}, table {@code orders}. */
    static final String TOPIC = "bench.bench.orders";
    static final String BASELINE_TOPIC = "bench-baseline";
    static final int PARTITIONS = 3;

    private KafkaBench() {
    }

    static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(2, TimeUnit.MINUTES);
        }
    }

    /**
     * A fresh broker may take a while to hand its first idempotent producer an id; that is the broker
     * starting, not what is measured, so one acknowledged write happens before.
     */
    static void warmUp(String bootstrap) throws Exception {
        Map<String, Object> settings = Map.of("bootstrap.servers", bootstrap, "enable.idempotence", true,
                "acks", "all", "max.block.ms", 120_000, "delivery.timeout.ms", 120_000, "request.timeout.ms", 30_000);
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("sluice-warm-up", new byte[] {1})).get(2, TimeUnit.MINUTES);
        }
    }

    /**
     * Sum of the topic's end offsets. Read uncommitted, this is the high watermark: with acks=all a
     * record is below it only once every in-sync replica has it, i.e. once it was acknowledged.
     */
    static long endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        long sum = 0;
        for (var info : admin.listOffsets(request).all().get(1, TimeUnit.MINUTES).values()) {
            sum += info.offset();
        }
        return sum;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "fetch.max.bytes", 8 << 20,
                "max.partition.fetch.bytes", 2 << 20, "enable.auto.commit", false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads the topic from beginning to end; returns {records, key+value bytes}. */
    static long[] countBytes(String bootstrap, String topic) {
        long records = 0;
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    records++;
                    bytes += (record.key() == null ? 0 : record.key().length) + record.value().length;
                }
            }
        }
        return new long[] {records, bytes};
    }

    /**
     * Records commit-to-visible delays on a thread of its own ({@code bench-visible-consumer}): a
     * {@code read_committed} consumer reads the topic from the beginning and records each row when
     * {@code poll} returns it. With exactly-once delivery that is when the transaction committed;
     * with at-least-once, soon after the acknowledgement. The thread ends once every measured row was recorded.
     */
    static Thread visibleLatency(String bootstrap, LatencyRecorder recorder) {
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = readCommitted(bootstrap)) {
                while (!recorder.isComplete()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        if (record.value() != null) {
                            recorder.record(CommitStamp.id(record.key()), CommitStamp.commitMicros(record.value()));
                        }
                    }
                }
            }
        }, "bench-visible-consumer");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Counts the topic's committed records into {@code count} on a daemon thread of its own
     * ({@code bench-committed-counter}), with a {@code read_committed} consumer from the beginning:
     * with transactions, end offsets also count the commit markers, so they cannot be compared with N.
     */
    static void committedRecords(String bootstrap, AtomicLong count) {
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = readCommitted(bootstrap)) {
                while (true) {
                    count.addAndGet(consumer.poll(Duration.ofMillis(100)).count());
                }
            }
        }, "bench-committed-counter");
        thread.setDaemon(true);
        thread.start();
    }

    /** A consumer of every partition of the daemon's topic, from the beginning, that sees committed records only. */
    private static KafkaConsumer<byte[], byte[]> readCommitted(String bootstrap) {
        Map<String, Object> settings = new HashMap<>(Map.of("bootstrap.servers", bootstrap,
                "enable.auto.commit", false, "isolation.level", "read_committed",
                // Return what is there at once rather than waiting to fill a fetch.
                "fetch.min.bytes", 1, "fetch.max.wait.ms", 100));
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(TOPIC, p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /**
     * How the broker stored a topic: record batches and records, read from the partitions' log
     * segments under the broker's data directory (record batch format v2: the batch length is the
     * int at byte 8, the record count the int at byte 57). Shows how full the producer's batches were.
     */
    static String batchStatistics(Path brokerDataDir, String topic) throws IOException {
        long batches = 0;
        long records = 0;
        long bytes = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            Path partition;
            try (Stream<Path> dirs = Files.walk(brokerDataDir)) {
                String name = topic + "-" + p;
                partition = dirs.filter(d -> d.getFileName().toString().equals(name)).findFirst()
                        .orElseThrow(() -> new IOException("no directory " + name + " under " + brokerDataDir));
            }
            List<Path> segments;
            try (Stream<Path> files = Files.list(partition)) {
                segments = files.filter(f -> f.toString().endsWith(".log")).toList();
            }
            for (Path segment : segments) {
                try (FileChannel channel = FileChannel.open(segment)) {
                    ByteBuffer header = ByteBuffer.allocate(61);
                    long position = 0;
                    while (position + 61 <= channel.size()) {
                        header.clear();
                        channel.read(header, position);
                        int length = header.getInt(8);
                        if (length <= 0) {
                            break;
                        }
                        batches++;
                        records += header.getInt(57);
                        bytes += 12 + length;
                        position += 12 + length;
                    }
                }
            }
        }
        return String.format("BATCHES topic=%s batches=%d records=%d records-per-batch=%.0f bytes-per-batch=%.0f",
                topic, batches, records, batches == 0 ? 0.0 : (double) records / batches,
                batches == 0 ? 0.0 : (double) bytes / batches);
    }

    /** The first {@code count} records of partition 0: real events, so the baseline compresses as they do. */
    private static List<ProducerRecord<byte[], byte[]>> samples(String bootstrap, int count) {
        List<ProducerRecord<byte[], byte[]>> samples = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (samples.size() < count) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (samples.size() < count) {
                        samples.add(new ProducerRecord<>(BASELINE_TOPIC, null, record.key(), record.value(),
                                record.headers()));
                    }
                }
            }
        }
        return samples;
    }

    /**
     * The bare producer with the kafka sink's producer settings (by default idempotent, acks=all, lz4,
     * linger 5 ms, 256 KiB batches; {@code bench.sink.config} overrides apply here too) sending {@code rows} records copied from the daemon's topic (keys, values and
     * headers), timed from the first send to the acknowledgement of the last.
     */
    static void baseline(String bootstrap, int rows) throws Exception {
        createTopic(bootstrap, BASELINE_TOPIC);
        List<ProducerRecord<byte[], byte[]>> samples = samples(bootstrap, 1000);
        Map<String, Object> settings = new HashMap<>();
        // The daemon's producer settings: the sink's defaults and any bench.sink.config overrides of them.
        Config producerSettings = ConfigFactory.parseString(System.getProperty("bench.sink.config", ""))
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.kafka")).getConfig("producer");
        for (Map.Entry<String, ConfigValue> entry : producerSettings.entrySet()) {
            settings.put(entry.getKey(), entry.getValue().unwrapped().toString());
        }
        settings.put("bootstrap.servers", bootstrap);
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            // The producer id is fetched on the first send; the daemon's first-to-last starts at its first ack too.
            producer.send(samples.get(0)).get(2, TimeUnit.MINUTES);
            long started = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                ProducerRecord<byte[], byte[]> record = samples.get(i % samples.size());
                bytes += record.key().length + record.value().length;
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (failure.get() != null) {
                throw failure.get();
            }
            System.out.printf("BASELINE events=%d seconds=%.2f events/s=%.0f MB/s=%.1f avg-event-bytes=%d"
                            + " (bare KafkaProducer, sink defaults: %s)%n", acknowledged.get(), seconds,
                    rows / seconds, bytes / 1e6 / seconds, bytes / rows, settings);
        }
    }
}
