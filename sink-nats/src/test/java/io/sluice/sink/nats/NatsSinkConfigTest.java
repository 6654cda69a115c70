package io.sluice.sink.nats;

import com.typesafe.config.ConfigFactory;
import io.sluice.sink.SinkException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NatsSinkConfigTest {

    private static NatsSinkConfig parse(String hocon) throws SinkException {
        return NatsSinkConfig.from(ConfigFactory.parseString(hocon)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.nats")));
    }

    @Test
    void defaults() throws SinkException {
        NatsSinkConfig config = parse("");
        assertEquals(List.of("nats://localhost:4222"), config.connection().servers());
        assertEquals(2000, config.maxInFlight());
        assertEquals("sluice.*.*", config.subjects().wildcard());
        assertEquals(List.of("sluice.>"), config.stream().subjects());
        assertEquals(NatsSinkConfig.Storage.FILE, config.stream().storage());
        assertEquals(Duration.ofMinutes(2), config.stream().duplicateWindow());
        assertEquals(-1, config.stream().maxBytes());
        assertEquals(NatsSinkConfig.OversizedPolicy.FAIL, config.onOversized());
    }

    @Test
    void toStringHidesSecrets() throws SinkException {
        String text = parse("user = alice, password = hunter2, tls.trust-store-password = s3cret").toString()
                + parse("token = t0ken").toString();
        assertFalse(text.contains("hunter2"), text);
        assertFalse(text.contains("s3cret"), text);
        assertFalse(text.contains("t0ken"), text);
        assertTrue(text.contains("alice"), text);
    }

    @Test
    void invalidValuesNameTheKey() {
        assertMessage("stream.storage = disk", "sluice.sink.nats.stream.storage");
        assertMessage("max-in-flight = 0", "sluice.sink.nats.max-in-flight");
        assertMessage("ack-timeout = 30", "sluice.sink.nats.ack-timeout needs a unit");
        assertMessage("stream.subjects = [\"other.>\"]", "sluice.sink.nats.stream.subjects");
        assertMessage("subject-template = \"{prefix}.{tabel}\"", "sluice.sink.nats.subject-template");
        assertMessage("token = a, user = b, password = c", "at most one of");
        assertMessage("user = b", "user and password go together");
    }

    private static void assertMessage(String hocon, String expected) {
        SinkException e = assertThrows(SinkException.class, () -> parse(hocon));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
