package io.sluice.sink.nats;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jnats's error listener for a Sluice connection: logs what the client reports through SLF4J with the
 * connection's secrets masked (jnats's own listener logs to java.util.logging, unmasked), and keeps
 * the latest report so that a failed start-up can say why. Called on jnats's threads; never throws.
 */
final class NatsErrorLog implements ErrorListener {

    private static final Logger LOG = LoggerFactory.getLogger(NatsErrorLog.class);

    private final NatsConnectionConfig config;
    private volatile String lastServerError;
    private volatile Exception lastException;

    NatsErrorLog(NatsConnectionConfig config) {
        this.config = config;
    }

    /** The latest {@code -ERR} the server sent, such as "Authorization Violation", or {@code null}. */
    String lastServerError() {
        return lastServerError;
    }

    /** The latest exception jnats reported, or {@code null}. */
    Exception lastException() {
        return lastException;
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
        lastServerError = error;
        LOG.warn("NATS server error on {}: {}", config.path(), Redaction.text(error, config));
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
        lastException = exception;
        LOG.warn("NATS client error on {}: {}", config.path(), Redaction.text(String.valueOf(exception), config));
    }

    @Override
    public void slowConsumerDetected(Connection connection, io.nats.client.Consumer consumer) {
        LOG.warn("NATS slow consumer on {}", config.path());
    }
}
