package io.sluice.sink.kafka;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sluice.sink.SinkException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaSinkConfigTest {

    private static Config config(String hocon) {
        return ConfigFactory.parseString(hocon)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.kafka")).resolve();
    }

    private static String error(String hocon) {
        return assertThrows(SinkException.class, () -> KafkaSinkConfig.from(config(hocon))).getMessage();
    }

    @Test
    void defaults() throws Exception {
        KafkaSinkConfig c = KafkaSinkConfig.from(config("producer.bootstrap.servers = \"k:9092\""));
        assertEquals("sluice.shop.orders", c.topic("shop", "orders"));
        assertTrue(c.tombstones());
        assertEquals(KafkaSinkConfig.Oversized.FAIL, c.oversized());
        assertFalse(c.createTopics().enabled());
        assertEquals("all", c.producer().get("acks"));
        assertEquals(true, c.producer().get("enable.idempotence"));
        assertEquals("lz4", c.producer().get("compression.type"));
        assertEquals(2147483647, c.producer().get("delivery.timeout.ms"));
        assertEquals(1024 * 1024, c.maxRecordBytes());
        assertEquals("k:9092", c.admin().get("bootstrap.servers"));
        assertFalse(c.admin().containsKey("linger.ms"), "producer-only settings stay out of the admin client");
    }

    @Test
    void deliveryIsAtLeastOnceUnlessExactlyOnceIsAskedFor() throws Exception {
        KafkaSinkConfig plain = KafkaSinkConfig.from(config("producer.bootstrap.servers = \"k:9092\""));
        assertEquals(KafkaSinkConfig.Delivery.AT_LEAST_ONCE, plain.delivery());
        assertEquals(null, plain.transactionalId(), "derived from the checkpoint key later");
        KafkaSinkConfig exactly = KafkaSinkConfig.from(config("producer.bootstrap.servers = \"k:9092\"\n"
                + "delivery = exactly-once, exactly-once.transactional-id = shop-cdc"));
        assertEquals(KafkaSinkConfig.Delivery.EXACTLY_ONCE, exactly.delivery());
        assertEquals("shop-cdc", exactly.transactionalId());
    }

    @Test
    void exactlyOnceRefusesSettingsThatRuleOutTransactions() {
        String base = "producer.bootstrap.servers = k\ndelivery = exactly-once\n";
        assertTrue(error(base + "producer { acks = 1 }").contains("sluice.sink.kafka.producer.acks is 1, but delivery "
                + "= exactly-once needs acks = all"));
        assertTrue(error(base + "producer { enable.idempotence = false, max.in.flight.requests.per.connection = 1 }")
                .contains("sluice.sink.kafka.producer.enable.idempotence is false, but delivery = exactly-once"));
        assertTrue(error(base + "exactly-once.transactional-id = \" \"")
                .contains("sluice.sink.kafka.exactly-once.transactional-id is empty"));
        assertTrue(error("producer.bootstrap.servers = k\ndelivery = twice").contains(
                "sluice.sink.kafka.delivery is \"twice\"; write at-least-once or exactly-once"));
        assertTrue(error(base + "producer { transactional.id = x }").contains("Sluice sets it itself"));
    }

    @Test
    void producerSettingsOverrideDefaultsVerbatim() throws Exception {
        KafkaSinkConfig c = KafkaSinkConfig.from(config(
                "producer { bootstrap.servers = \"k:9092\", linger.ms = 50, compression.type = zstd, \"max.request.size\" = 2000000 }"));
        assertEquals(50, c.producer().get("linger.ms"));
        assertEquals("zstd", c.producer().get("compression.type"));
        assertEquals(2000000, c.maxRecordBytes());
    }

    @Test
    void idempotenceOffIsAcceptedWithOneRequestInFlight() throws Exception {
        KafkaSinkConfig.from(config("producer { bootstrap.servers = k, enable.idempotence = false, "
                + "acks = 1, max.in.flight.requests.per.connection = 1 }"));
    }

    @Test
    void templateFillsPlaceholdersAndReplacesIllegalCharacters() throws Exception {
        KafkaSinkConfig c = KafkaSinkConfig.from(config(
                "producer.bootstrap.servers = \"k:9092\", topic-prefix = cdc, topic-template = \"{prefix}-{table}_{database}\""));
        assertEquals("cdc-or_ders_my_shop", c.topic("my shop", "or$ders"));
    }

    @Test
    void errorsNameThePathAndTheFix() {
        assertTrue(error("").contains("sluice.sink.kafka.producer.bootstrap.servers is not set"));
        assertTrue(error("producer.bootstrap.servers = k, topic-template = \"{prefix}.{schema}.{table}\"")
                .contains("sluice.sink.kafka.topic-template has the unknown placeholder {schema}"));
        assertTrue(error("producer.bootstrap.servers = k, topic-template = \"{prefix}.{database}\"")
                .contains("without {table}"));
        assertTrue(error("producer.bootstrap.servers = k, topic-prefix = \"a b\"").contains("sluice.sink.kafka.topic-prefix"));
        assertTrue(error("producer.bootstrap.servers = k, oversized = drop").contains("write fail or log-and-skip"));
        assertTrue(error("producer { bootstrap.servers = k, value.serializer = x }")
                .contains("sluice.sink.kafka.producer.value.serializer is set"));
        assertTrue(error("producer { bootstrap.servers = k, enable.idempotence = false }")
                .contains("max.in.flight.requests.per.connection = 5: a retried batch could overtake"));
        assertTrue(error("producer.bootstrap.servers = k, create-topics.partitions = 0")
                .contains("sluice.sink.kafka.create-topics.partitions"));
    }
}
