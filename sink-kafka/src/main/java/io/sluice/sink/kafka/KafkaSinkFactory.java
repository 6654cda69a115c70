package io.sluice.sink.kafka;

import com.typesafe.config.Config;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import io.sluice.sink.SinkFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Map;

/** Sink type {@code kafka}: parses {@code sluice.sink.kafka} and builds the producer and admin client. */
public final class KafkaSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public Sink create(Config config) throws SinkException {
        KafkaSinkConfig settings = KafkaSinkConfig.from(config);
        Map<String, Object> producerProps = new HashMap<>(settings.producer());
        producerProps.putIfAbsent("client.id", "sluice");
        if (settings.delivery() == KafkaSinkConfig.Delivery.EXACTLY_ONCE) {
            Admin admin = admin(settings, producerProps, null);
            // The producer follows in adoptCheckpoints: its transactional id may come from the checkpoint key.
            return new TransactionalKafkaSink(settings, producerProps, admin,
                    new Topics(admin, settings.createTopics(), settings.topicCheckTimeout()));
        }
        KafkaProducer<byte[], byte[]> producer;
        try {
            producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            throw new SinkException("Cannot create the Kafka producer from " + KafkaSinkConfig.PATH + ".producer: "
                    + KafkaErrors.messageChain(e) + ". Fix the setting named above", e);
        }
        Admin admin = admin(settings, producerProps, producer);
        return new KafkaSink(settings, producer, new Topics(admin, settings.createTopics(), settings.topicCheckTimeout()));
    }

    /** @param producer closed when the admin client cannot be created, or {@code null} */
    private static Admin admin(KafkaSinkConfig settings, Map<String, Object> producerProps,
                               KafkaProducer<byte[], byte[]> producer) throws SinkException {
        try {
            Map<String, Object> adminProps = new HashMap<>(settings.admin());
            adminProps.putIfAbsent("client.id", producerProps.get("client.id") + "-admin");
            return Admin.create(adminProps);
        } catch (KafkaException e) {
            if (producer != null) {
                producer.close();
            }
            throw new SinkException("Cannot create the Kafka admin client from " + KafkaSinkConfig.PATH
                    + ".producer and .admin: " + KafkaErrors.messageChain(e) + ". Fix the setting named above", e);
        }
    }
}
