package io.sluice.connector;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PushSubscribeOptions;
import io.sluice.servers.NatsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash contract through the {@code nats} sink with the {@code nats-kv} checkpoint store, on one
 * {@code nats-server -js}. Every message carries {@code Nats-Msg-Id} = the change's id, so the stream's
 * duplicate window drops what a restarted daemon publishes again: the stream must hold every change
 * exactly once. It is read back in stream order with an ordered consumer.
 */
class NatsCrashRecoveryIT extends CrashRecoveryContract {

    private static final String STREAM = "CRASH";

    private NatsServer nats;

    @BeforeAll
    void startNats() {
        nats = NatsServer.builder().start();
    }

    @AfterAll
    void stopNats() {
        if (nats != null) {
            nats.close();
        }
    }

    @Override
    protected Guarantee guarantee() {
        return Guarantee.EXACTLY_ONCE;
    }

    @Override
    protected String sinkAndCheckpoint(Path dir) {
        String servers = "servers = [\"" + nats.url() + "\"]";
        return String.join("\n",
                "  sink { type = nats, nats { " + servers + ", subject-prefix = crash, stream.name = " + STREAM + " } }",
                "  checkpoint { store = nats-kv, interval = 100ms, nats-kv { " + servers + ", key = crash } }");
    }

    @Override
    protected DeliveryReader reader(Path dir) throws Exception {
        return new StreamReader(Nats.connect(nats.url()));
    }

    /** Reads the stream up to its last sequence at each call. */
    private static final class StreamReader implements DeliveryReader {

        private final Connection connection;
        private JetStreamSubscription subscription;
        private long sequence;

        StreamReader(Connection connection) {
            this.connection = connection;
        }

        @Override
        public List<Delivered> next() throws Exception {
            List<Delivered> out = new ArrayList<>();
            long last;
            try {
                last = connection.jetStreamManagement().getStreamInfo(STREAM).getStreamState().getLastSequence();
            } catch (JetStreamApiException e) {
                return out; // the daemon has not created the stream yet
            }
            if (subscription == null) {
                subscription = connection.jetStream().subscribe("crash.>",
                        PushSubscribeOptions.builder().stream(STREAM).ordered(true).build());
            }
            while (sequence < last) {
                Message message = subscription.nextMessage(Duration.ofSeconds(30));
                if (message == null) {
                    throw new AssertionError("the stream " + STREAM + " has messages up to " + last
                            + ", but the consumer got none after " + sequence + " for 30 s");
                }
                sequence = message.metaData().streamSequence();
                String id = message.getHeaders().getFirst("Nats-Msg-Id");
                String extra = "subject=" + message.getSubject() + " sluice-id=" + message.getHeaders().getFirst("Sluice-Id")
                        + " op=" + message.getHeaders().getFirst("Sluice-Op")
                        + " key=" + message.getHeaders().getFirst("Sluice-Key") + " ";
                out.add(parse(id, message.getData(), extra));
            }
            return out;
        }

        @Override
        public void close() throws InterruptedException {
            connection.close();
        }
    }
}
