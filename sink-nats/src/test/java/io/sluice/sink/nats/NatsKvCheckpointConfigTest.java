package io.sluice.sink.nats;

import com.typesafe.config.ConfigFactory;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStoreFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NatsKvCheckpointConfigTest {

    private static NatsKvCheckpointConfig parse(String hocon) throws CheckpointException {
        return NatsKvCheckpointConfig.from(ConfigFactory.parseString(hocon)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.checkpoint.nats-kv")));
    }

    @Test
    void defaults() throws CheckpointException {
        NatsKvCheckpointConfig config = parse("key = orders-db");
        assertEquals(List.of("nats://localhost:4222"), config.connection().servers());
        assertEquals("sluice-checkpoints", config.bucket());
        assertEquals("orders-db", config.key());
        assertTrue(config.createBucket());
        assertEquals(1, config.history());
        assertEquals(Duration.ofSeconds(10), config.requestTimeout());
    }

    @Test
    void isFoundByItsType() {
        assertTrue(ServiceLoader.load(CheckpointStoreFactory.class).stream()
                .anyMatch(provider -> provider.get().type().equals("nats-kv")));
    }

    @Test
    void toStringHidesSecrets() throws CheckpointException {
        String text = parse("key = k, user = alice, password = hunter2").toString() + parse("key = k, token = t0ken");
        assertFalse(text.contains("hunter2"), text);
        assertFalse(text.contains("t0ken"), text);
        assertTrue(text.contains("alice"), text);
    }

    @Test
    void invalidValuesNameTheKey() {
        assertMessage("", "sluice.checkpoint.nats-kv.key is not set");
        assertMessage("key = \"a b\"", "sluice.checkpoint.nats-kv.key \"a b\" is not a key");
        assertMessage("key = \"a..b\"", "sluice.checkpoint.nats-kv.key");
        assertMessage("key = k, bucket = \"a.b\"", "sluice.checkpoint.nats-kv.bucket");
        assertMessage("key = k, history = 0", "sluice.checkpoint.nats-kv.history");
        assertMessage("key = k, request-timeout = 10", "sluice.checkpoint.nats-kv.request-timeout needs a unit");
        assertMessage("key = k, servers = []", "sluice.checkpoint.nats-kv.servers is empty");
        assertMessage("key = k, token = a, user = b, password = c", "at most one of");
    }

    private static void assertMessage(String hocon, String expected) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> parse(hocon));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
