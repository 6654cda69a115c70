package io.sluice.sink.nats;

import com.typesafe.config.Config;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStream;
import io.nats.client.Options;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import io.sluice.sink.SinkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Sink type {@code nats}: connects to NATS, makes sure the JetStream stream is usable, and returns a
 * {@link NatsSink}. Settings are {@code sluice.sink.nats} (see this module's {@code reference.conf}).
 */
public final class NatsSinkFactory implements SinkFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NatsSinkFactory.class);

    /** jnats's own outgoing queue must hold every in-flight message, or publishAsync would refuse. */
    private static final int OUTGOING_QUEUE_HEADROOM = 1024;

    @Override
    public String type() {
        return "nats";
    }

    @Override
    public Sink create(Config settings) throws SinkException {
        NatsSinkConfig config = NatsSinkConfig.from(settings);
        LOG.info("connecting the NATS sink: {}", config);
        Connection connection;
        try {
            connection = NatsConnections.connect(config.connection(), options(config));
        } catch (IOException e) {
            throw new SinkException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("interrupted while connecting to NATS at "
                    + Redaction.servers(config.connection().servers()), e);
        }
        try {
            StreamSetup.ensure(connection.jetStreamManagement(), config.stream(), config.subjects());
            JetStream jetStream = connection.jetStream();
            LOG.info("NATS sink ready: stream {}, subjects {}, server max_payload {} bytes",
                    config.stream().name(), config.subjects().wildcard(), connection.getMaxPayload());
            return new NatsSink(connection, jetStream, config);
        } catch (IOException e) {
            close(connection);
            throw new SinkException("cannot use JetStream on " + Redaction.server(connection.getConnectedUrl()) + ": "
                    + Redaction.text(e.getMessage(), config.connection())
                    + "; is JetStream enabled on the server (nats-server -js) and may this user use it?", e);
        } catch (SinkException | RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    private static Options.Builder options(NatsSinkConfig config) throws SinkException {
        try {
            return NatsConnections.options(config.connection(), NatsSinkFactory::connectionEvent)
                    .requestCleanupInterval(config.ackTimeout())
                    .maxMessagesInOutgoingQueue(config.maxInFlight() + OUTGOING_QUEUE_HEADROOM);
        } catch (IllegalArgumentException e) {
            throw new SinkException(e.getMessage(), e);
        }
    }

    private static void connectionEvent(Connection connection, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> LOG.warn("disconnected from NATS; publishing pauses until jnats reconnects");
            case RECONNECTED -> LOG.info("reconnected to NATS at {}; publishing resumes",
                    Redaction.server(connection.getConnectedUrl()));
            case LAME_DUCK -> LOG.info("the NATS server {} is shutting down (lame duck mode)",
                    Redaction.server(connection.getConnectedUrl()));
            default -> LOG.debug("NATS connection {}", event);
        }
    }

    private static void close(Connection connection) {
        NatsConnections.close(connection);
    }
}
