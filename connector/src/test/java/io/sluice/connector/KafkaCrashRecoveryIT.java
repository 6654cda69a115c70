package io.sluice.connector;

import io.sluice.servers.KafkaServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The crash contract through the {@code kafka} sink (idempotent producer, at least once) with the
 * {@code kafka} checkpoint store, on one broker. The topics are read back partition by partition: a
 * key's changes are all in one partition, so that keeps their order. A change's id is its
 * {@code sluice.id} header; a replay must repeat the record key and headers as well as the envelope.
 */
class KafkaCrashRecoveryIT extends CrashRecoveryContract {

    private static final String PREFIX = "crash";
    private static final int PARTITIONS = 3;

    protected KafkaServer kafka;

    @BeforeAll
    void startKafka() throws Exception {
        kafka = KafkaServer.builder().start();
    }

    @AfterAll
    void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    protected Guarantee guarantee() {
        return Guarantee.AT_LEAST_ONCE;
    }

    /** Extra settings of {@code sluice.sink.kafka}, one per line. */
    protected String deliverySettings() {
        return "";
    }

    /** How the topics are read back: uncommitted records count for an at-least-once sink. */
    protected String isolationLevel() {
        return "read_uncommitted";
    }

    @Override
    protected String sinkAndCheckpoint(Path dir) {
        String producer = "producer { bootstrap.servers = \"" + kafka.bootstrapServers() + "\" }";
        return String.join("\n",
                "  sink { type = kafka, kafka {",
                "    topic-prefix = " + PREFIX,
                "    create-topics { enabled = true, partitions = " + PARTITIONS + " }",
                "    " + deliverySettings(),
                "    " + producer + " } }",
                "  checkpoint { store = kafka, interval = 100ms, kafka { topic = crash-checkpoints, key = crash,",
                "    " + producer + " } }");
    }

    @Override
    protected DeliveryReader reader(Path dir) {
        return new TopicReader(kafka.bootstrapServers(), isolationLevel());
    }

    /** Reads the table topics from their beginning, up to their end offsets at each call. */
    private static final class TopicReader implements DeliveryReader {

        private static final long READ_MINUTES = 2;

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<TopicPartition> partitions = new ArrayList<>();

        TopicReader(String bootstrap, String isolationLevel) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            for (int t = 0; t < TABLES; t++) {
                String topic = PREFIX + "." + DATABASE + ".t" + t;
                for (int p = 0; p < PARTITIONS; p++) {
                    partitions.add(new TopicPartition(topic, p));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        @Override
        public List<Delivered> next() throws Exception {
            List<Delivered> out = new ArrayList<>();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(READ_MINUTES);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read the topics up to " + ends + " within " + READ_MINUTES
                            + " minutes");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String id = header(r, "sluice.id");
                    String extra = "key=" + new String(r.key(), StandardCharsets.UTF_8) + " op=" + header(r, "sluice.op")
                            + " transaction=" + header(r, "sluice.transaction") + " partition=" + r.partition() + " ";
                    out.add(parse(id, r.value(), extra));
                }
            }
            return out;
        }

        private static String header(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
