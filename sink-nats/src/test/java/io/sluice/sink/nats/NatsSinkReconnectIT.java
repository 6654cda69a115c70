package io.sluice.sink.nats;

import com.typesafe.config.ConfigFactory;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.sluice.event.ChangeEvent;
import io.sluice.event.Operation;
import io.sluice.servers.NatsServer;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nats-server stops while events wait for their acknowledgement. Their answers are lost with the
 * connection; once it is back the sink sends them again, oldest first and before any newer event, so
 * every event is acknowledged, none fails, and the stream holds each once, in publish order.
 */
@Timeout(180)
class NatsSinkReconnectIT {

    private static final int BEFORE = 3000;
    private static final int AFTER = 200;

    @Test
    void eventsWhoseAnswerWasLostAreSentAgainInOrderAfterAReconnect() throws Exception {
        try (NatsServer server = NatsServer.builder().start()) {
            Map<Long, Exception> outcomes = new ConcurrentHashMap<>();
            PublishCallback callback = (event, failure) -> {
                Exception earlier = outcomes.put(event.sequence(), failure == null ? new Exception("ok") : failure);
                assertEquals(null, earlier, "one callback per event");
            };
            try (Sink sink = new NatsSinkFactory().create(ConfigFactory.parseString(
                            "servers = [\"" + server.url() + "\"]\nsubject-prefix = re\nstream.name = RE\n"
                                    + "reconnect-wait = 200ms")
                    .withFallback(ConfigFactory.defaultReference().getConfig("sluice.sink.nats")))) {
                for (int i = 0; i < BEFORE; i++) {
                    sink.publish(event(i), callback);
                }
                server.stop(); // while most of them still wait for an answer
                Thread.sleep(2000);
                server.start();
                for (int i = BEFORE; i < BEFORE + AFTER; i++) {
                    sink.publish(event(i), callback);
                }
                assertTrue(sink.flush(Duration.ofSeconds(90)), "every event settled");
            }
            assertEquals(BEFORE + AFTER, outcomes.size());
            outcomes.forEach((sequence, outcome) -> assertEquals("ok", outcome.getMessage(),
                    "event " + sequence + " failed: " + outcome));
            try (Connection reader = Nats.connect(server.url())) {
                JetStreamManagement jsm = reader.jetStreamManagement();
                assertEquals(BEFORE + AFTER, jsm.getStreamInfo("RE").getStreamState().getMsgCount(), "each event once");
                for (int i = 0; i < BEFORE + AFTER; i++) {
                    assertEquals("{\"n\":" + i + "}", new String(jsm.getMessage("RE", i + 1).getData(),
                            StandardCharsets.UTF_8), "the stream holds the events in publish order");
                }
            }
        }
    }

    private static ChangeEvent event(int i) {
        return new ChangeEvent(i, "gtid:" + i + "#0", Operation.CREATE, "shop", "orders",
                ("{\"id\":" + (i % 50) + "}").getBytes(StandardCharsets.UTF_8),
                ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), "gtid:" + i, 0L);
    }
}
