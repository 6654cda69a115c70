package io.sluice.sink.kafka.checkpoint;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sluice.checkpoint.CheckpointException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaCheckpointConfigTest {

    private static Config config(String hocon) {
        return ConfigFactory.parseString(hocon)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.checkpoint.kafka")).resolve();
    }

    private static String error(String hocon) {
        return assertThrows(CheckpointException.class, () -> KafkaCheckpointConfig.from(config(hocon))).getMessage();
    }

    @Test
    void defaults() throws Exception {
        KafkaCheckpointConfig c = KafkaCheckpointConfig.from(config("key = shop, producer.bootstrap.servers = \"k:9092\""));
        assertEquals("sluice-checkpoints", c.topic());
        assertEquals("shop", c.key());
        assertTrue(c.createTopic());
        assertEquals(-1, c.replicationFactor());
        assertEquals(Duration.ofSeconds(30), c.timeout());
        assertEquals("all", c.producer().get("acks"));
        assertEquals(true, c.producer().get("enable.idempotence"));
        assertEquals("k:9092", c.consumer().get("bootstrap.servers"));
        assertEquals("k:9092", c.admin().get("bootstrap.servers"));
        assertFalse(c.consumer().containsKey("linger.ms"), "producer-only settings stay out of the consumer");
        assertFalse(c.admin().containsKey("acks"), "producer-only settings stay out of the admin client");
    }

    @Test
    void connectionSettingsAreSharedAndBlocksOverrideThem() throws Exception {
        KafkaCheckpointConfig c = KafkaCheckpointConfig.from(config("key = k, producer { bootstrap.servers = [\"a:1\", \"b:2\"], "
                + "security.protocol = SSL, ssl.truststore.location = /t }, admin { security.protocol = PLAINTEXT }"));
        assertEquals("a:1,b:2", c.servers());
        assertEquals("SSL", c.consumer().get("security.protocol"));
        assertEquals("/t", c.consumer().get("ssl.truststore.location"));
        assertEquals("PLAINTEXT", c.admin().get("security.protocol"));
    }

    @Test
    void errorsNameThePathAndTheFix() {
        assertTrue(error("producer.bootstrap.servers = k").contains("sluice.checkpoint.kafka.key is not set"));
        assertTrue(error("key = k").contains("sluice.checkpoint.kafka.producer.bootstrap.servers is not set"));
        assertTrue(error("key = k, producer { bootstrap.servers = k, acks = 1 }")
                .contains("sluice.checkpoint.kafka.producer.acks is 1"));
        assertTrue(error("key = k, producer.bootstrap.servers = k, topic = \"a b\"")
                .contains("sluice.checkpoint.kafka.topic is \"a b\""));
        assertTrue(error("key = k, producer.bootstrap.servers = k, replication-factor = 0")
                .contains("sluice.checkpoint.kafka.replication-factor"));
        assertTrue(error("key = k, producer.bootstrap.servers = k, timeout = 0s")
                .contains("sluice.checkpoint.kafka.timeout"));
        assertTrue(error("key = k, producer.bootstrap.servers = k, consumer.value.deserializer = x")
                .contains("sluice.checkpoint.kafka.consumer.value.deserializer is set"));
    }
}
