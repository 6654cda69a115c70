package io.sluice.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NatsServerIT {

    NatsServer nats;

    @BeforeAll
    void startServer() {
        nats = NatsServer.builder().start();
    }

    @AfterAll
    void closeServer() {
        nats.close();
        assertFalse(Files.exists(nats.dataDir()), "close() deletes " + nats.dataDir());
        nats.close();
    }

    @Test
    void keepsJetStreamMessagesAcrossRestart() throws Exception {
        try (Connection connection = Nats.connect(nats.url())) {
            connection.jetStreamManagement().addStream(StreamConfiguration.builder()
                    .name("SMOKE").subjects("smoke.>").storageType(StorageType.File).build());
            PublishAck ack = connection.jetStream().publish("smoke.one", "hello".getBytes(StandardCharsets.UTF_8));
            assertEquals(1, ack.getSeqno());
        }

        nats.stop();
        assertFalse(nats.isRunning());
        nats.start();

        try (Connection connection = Nats.connect(nats.url())) {
            JetStream jetStream = connection.jetStream();
            JetStreamSubscription subscription = jetStream.subscribe("smoke.>",
                    PullSubscribeOptions.builder().stream("SMOKE").build());
            List<Message> messages = subscription.fetch(1, Duration.ofSeconds(10));
            assertEquals(1, messages.size());
            assertEquals("smoke.one", messages.get(0).getSubject());
            assertEquals("hello", new String(messages.get(0).getData(), StandardCharsets.UTF_8));
        }
    }
}
