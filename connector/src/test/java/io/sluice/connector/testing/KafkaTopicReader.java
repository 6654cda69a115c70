package io.sluice.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic from the beginning with a {@code KafkaConsumer}, as a consumer of Sluice's topics would.
 * (kafka-clients reaches the connector at runtime scope through sink-kafka, which the test classpath includes.)
 */
public final class KafkaTopicReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One consumed record, with the headers the sink writes and the record's timestamp (the producer's
     * send time, or the broker's append time where the topic has message.timestamp.type = LogAppendTime).
     */
    public record Message(String key, String json, int partition, String id, String op, String transaction,
                          long timestamp) {
        public JsonNode value() throws Exception {
            return JSON.readTree(json);
        }
    }

    private final String bootstrap;
    private final boolean readCommitted;

    private KafkaTopicReader(String bootstrap, boolean readCommitted) {
        this.bootstrap = bootstrap;
        this.readCommitted = readCommitted;
    }

    /** A reader that sees records of aborted and open transactions too (Kafka's default). */
    public static KafkaTopicReader uncommitted(String bootstrap) {
        return new KafkaTopicReader(bootstrap, false);
    }

    /** A reader with {@code isolation.level = read_committed}, as exactly-once consumers use. */
    public static KafkaTopicReader committed(String bootstrap) {
        return new KafkaTopicReader(bootstrap, true);
    }

    /** The older form: an uncommitted read of {@code count} records, waiting up to {@code wait}. */
    public static List<Message> read(String bootstrap, String topic, int count, Duration wait) throws Exception {
        return uncommitted(bootstrap).atLeast(topic, count, wait);
    }

    /** Records from the beginning, returned once {@code count} arrived or {@code wait} passed. */
    public List<Message> atLeast(String topic, int count, Duration wait) throws Exception {
        return consume(topic, count, wait, false);
    }

    /**
     * Every record up to the end of each partition as it stands now (for a read_committed reader: up to
     * the last committed transaction), waiting up to {@code wait} for the topic to exist.
     */
    public List<Message> all(String topic, Duration wait) throws Exception {
        return consume(topic, Integer.MAX_VALUE, wait, true);
    }

    private List<Message> consume(String topic, int count, Duration wait, boolean toEnd) throws Exception {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<Message> out = new ArrayList<>();
            long deadline = System.nanoTime() + wait.toNanos();
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
                if (partitions.isEmpty()) {
                    Thread.sleep(200); // the daemon has not created the topic yet
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = toEnd ? consumer.endOffsets(partitions) : Map.of();
            while (out.size() < count && System.nanoTime() < deadline) {
                if (toEnd && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(new Message(text(r.key()), text(r.value()), r.partition(), header(r, "sluice.id"),
                            header(r, "sluice.op"), header(r, "sluice.transaction"), r.timestamp()));
                }
            }
            return out;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : text(h.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
