package io.sluice.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic from the beginning with a {@code KafkaConsumer}, as a consumer of Sluice's topics would.
 * The connector reaches kafka-clients only at runtime scope (through sink-kafka), and declaring it in
 * test scope would take it out of the distribution, so the consumer is driven by reflection.
 */
public final class KafkaTopicReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One consumed record, with the headers the sink writes. */
    public record Message(String key, String json, int partition, String id, String op, String transaction) {
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
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        props.put("enable.auto.commit", "false");
        props.put("isolation.level", readCommitted ? "read_committed" : "read_uncommitted");
        props.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        props.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        Class<?> consumerClass = Class.forName("org.apache.kafka.clients.consumer.KafkaConsumer");
        Class<?> partitionClass = Class.forName("org.apache.kafka.common.TopicPartition");
        Class<?> recordClass = Class.forName("org.apache.kafka.clients.consumer.ConsumerRecord");
        Method headerValue = Class.forName("org.apache.kafka.common.header.Header").getMethod("value");
        Method lastHeader = Class.forName("org.apache.kafka.common.header.Headers").getMethod("lastHeader", String.class);
        Object consumer = consumerClass.getConstructor(Map.class).newInstance(props);
        try {
            List<Message> out = new ArrayList<>();
            long deadline = System.nanoTime() + wait.toNanos();
            List<Object> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                List<?> infos = (List<?>) consumerClass.getMethod("partitionsFor", String.class, Duration.class)
                        .invoke(consumer, topic, Duration.ofSeconds(10));
                for (Object info : infos) {
                    int p = (int) info.getClass().getMethod("partition").invoke(info);
                    partitions.add(partitionClass.getConstructor(String.class, int.class).newInstance(topic, p));
                }
                if (partitions.isEmpty()) {
                    Thread.sleep(200); // the daemon has not created the topic yet
                }
            }
            consumerClass.getMethod("assign", Collection.class).invoke(consumer, partitions);
            consumerClass.getMethod("seekToBeginning", Collection.class).invoke(consumer, partitions);
            Map<?, ?> ends = toEnd ? (Map<?, ?>) consumerClass.getMethod("endOffsets", Collection.class)
                    .invoke(consumer, partitions) : Map.of();
            Method poll = consumerClass.getMethod("poll", Duration.class);
            Method position = consumerClass.getMethod("position", partitionClass);
            while (out.size() < count && System.nanoTime() < deadline) {
                if (toEnd && reachedEnd(consumer, position, ends)) {
                    break;
                }
                for (Object r : (Iterable<?>) poll.invoke(consumer, Duration.ofMillis(200))) {
                    Object headers = recordClass.getMethod("headers").invoke(r);
                    out.add(new Message(
                            text((byte[]) recordClass.getMethod("key").invoke(r)),
                            text((byte[]) recordClass.getMethod("value").invoke(r)),
                            (int) recordClass.getMethod("partition").invoke(r),
                            header(lastHeader, headerValue, headers, "sluice.id"),
                            header(lastHeader, headerValue, headers, "sluice.op"),
                            header(lastHeader, headerValue, headers, "sluice.transaction")));
                }
            }
            return out;
        } finally {
            consumerClass.getMethod("close").invoke(consumer);
        }
    }

    private static boolean reachedEnd(Object consumer, Method position, Map<?, ?> ends) throws Exception {
        for (Map.Entry<?, ?> end : ends.entrySet()) {
            if ((long) position.invoke(consumer, end.getKey()) < (long) end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String header(Method lastHeader, Method value, Object headers, String name) throws Exception {
        Object h = lastHeader.invoke(headers, name);
        return h == null ? null : text((byte[]) value.invoke(h));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
