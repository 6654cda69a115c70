package io.sluice.sink.kafka.checkpoint;

import com.typesafe.config.Config;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.checkpoint.CheckpointStoreFactory;
import io.sluice.sink.kafka.KafkaErrors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Store type {@code kafka}: parses {@code sluice.checkpoint.kafka}, builds the three clients and checks
 * (or creates) the compacted topic, so a wrong topic fails at start-up, before the first event.
 */
public final class KafkaCheckpointStoreFactory implements CheckpointStoreFactory {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public CheckpointStore create(Config config) throws CheckpointException {
        KafkaCheckpointConfig settings = KafkaCheckpointConfig.from(config);
        Map<String, Object> producerProps = new HashMap<>(settings.producer());
        producerProps.putIfAbsent("client.id", "sluice-checkpoint");
        // Bounds the wait for metadata inside send(), which the save's own timeout does not cover.
        producerProps.putIfAbsent("max.block.ms", settings.timeout().toMillis());
        String clientId = String.valueOf(producerProps.get("client.id"));
        Map<String, Object> consumerProps = new HashMap<>(settings.consumer());
        consumerProps.putIfAbsent("client.id", clientId + "-consumer");
        consumerProps.put("enable.auto.commit", false); // assigned, not in a group: nothing to commit
        // Never a position from an aborted transaction (exactly-once writes the checkpoint in the sink's).
        consumerProps.put("isolation.level", "read_committed");
        Map<String, Object> adminProps = new HashMap<>(settings.admin());
        adminProps.putIfAbsent("client.id", clientId + "-admin");

        KafkaProducer<String, String> producer = null;
        KafkaConsumer<String, String> consumer = null;
        Admin admin = null;
        try {
            producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
            consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
            admin = Admin.create(adminProps);
            CheckpointTopic.ensure(admin, settings);
            return new KafkaCheckpointStore(settings, producer, consumer, admin);
        } catch (KafkaException | CheckpointException e) {
            if (producer != null) {
                producer.close(CLOSE_TIMEOUT);
            }
            if (consumer != null) {
                consumer.close(CLOSE_TIMEOUT);
            }
            if (admin != null) {
                admin.close(CLOSE_TIMEOUT);
            }
            if (e instanceof CheckpointException c) {
                throw c;
            }
            throw new CheckpointException("Cannot create the Kafka clients of the checkpoint store from "
                    + KafkaCheckpointConfig.PATH + ".producer, .consumer and .admin: " + KafkaErrors.messageChain(e)
                    + ". Fix the setting named above", e);
        }
    }
}
