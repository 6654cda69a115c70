package io.sluice.sink.nats;

import com.typesafe.config.Config;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStream;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.sluice.sink.Sink;
import io.sluice.sink.SinkException;
import io.sluice.sink.SinkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

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
            connection = Nats.connect(options(config));
        } catch (IOException e) {
            throw new SinkException("cannot connect to NATS at " + config.servers() + ": " + e.getMessage()
                    + "; check sluice.sink.nats.servers, credentials and TLS settings", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("interrupted while connecting to NATS at " + config.servers(), e);
        }
        try {
            StreamSetup.ensure(connection.jetStreamManagement(), config.stream(), config.subjects());
            JetStream jetStream = connection.jetStream();
            LOG.info("NATS sink ready: stream {}, subjects {}, server max_payload {} bytes",
                    config.stream().name(), config.subjects().wildcard(), connection.getMaxPayload());
            return new NatsSink(connection, jetStream, config);
        } catch (IOException e) {
            close(connection);
            throw new SinkException("cannot use JetStream on " + connection.getConnectedUrl() + ": " + e.getMessage()
                    + "; is JetStream enabled on the server (nats-server -js) and may this user use it?", e);
        } catch (SinkException | RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    private static Options options(NatsSinkConfig config) throws SinkException {
        Options.Builder builder = new Options.Builder()
                .servers(config.servers().toArray(String[]::new))
                .connectionName(config.connectionName())
                .connectionTimeout(config.connectTimeout())
                .reconnectWait(config.reconnectWait())
                .maxReconnects(-1)
                .requestCleanupInterval(config.ackTimeout())
                .maxMessagesInOutgoingQueue(config.maxInFlight() + OUTGOING_QUEUE_HEADROOM)
                .connectionListener(NatsSinkFactory::connectionEvent);
        if (config.credentialsFile() != null) {
            readable(config.credentialsFile(), "credentials-file");
            builder.authHandler(Nats.credentials(config.credentialsFile().toString()));
        }
        if (config.nkeySeedFile() != null) {
            builder.authHandler(nkey(config));
        }
        if (config.token() != null) {
            builder.token(config.token().toCharArray());
        }
        if (config.user() != null) {
            builder.userInfo(config.user().toCharArray(), config.password().toCharArray());
        }
        NatsSinkConfig.Tls tls = config.tls();
        if (tls.trustStore() != null) {
            builder.sslContext(sslContext(tls));
        } else if (tls.enabled()) {
            try {
                builder.secure();
            } catch (GeneralSecurityException e) {
                throw new SinkException("sluice.sink.nats.tls: the JVM's default TLS context is unavailable: "
                        + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    private static void connectionEvent(Connection connection, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> LOG.warn("disconnected from NATS; publishing pauses until jnats reconnects");
            case RECONNECTED -> LOG.info("reconnected to NATS at {}; publishing resumes", connection.getConnectedUrl());
            case LAME_DUCK -> LOG.info("the NATS server {} is shutting down (lame duck mode)",
                    connection.getConnectedUrl());
            default -> LOG.debug("NATS connection {}", event);
        }
    }

    private static AuthHandler nkey(NatsSinkConfig config) throws SinkException {
        readable(config.nkeySeedFile(), "nkey-seed-file");
        NKey key;
        try {
            String seed = Files.readString(config.nkeySeedFile(), StandardCharsets.US_ASCII).trim();
            key = NKey.fromSeed(seed.toCharArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new SinkException("sluice.sink.nats.nkey-seed-file " + config.nkeySeedFile()
                    + " does not hold an NKey user seed (a line starting with SU): " + e.getMessage(), e);
        }
        return new AuthHandler() {
            @Override
            public byte[] sign(byte[] nonce) {
                try {
                    return key.sign(nonce);
                } catch (GeneralSecurityException | IOException e) {
                    throw new IllegalStateException("cannot sign with the NKey seed", e);
                }
            }

            @Override
            public char[] getID() {
                try {
                    return key.getPublicKey();
                } catch (GeneralSecurityException | IOException e) {
                    throw new IllegalStateException("cannot read the NKey's public key", e);
                }
            }

            @Override
            public char[] getJWT() {
                return null;
            }
        };
    }

    private static SSLContext sslContext(NatsSinkConfig.Tls tls) throws SinkException {
        readable(tls.trustStore(), "tls.trust-store");
        try (InputStream in = Files.newInputStream(tls.trustStore())) {
            KeyStore store = KeyStore.getInstance(tls.trustStoreType());
            store.load(in, tls.trustStorePassword().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new SinkException("sluice.sink.nats.tls.trust-store " + tls.trustStore() + " cannot be read as "
                    + tls.trustStoreType() + " (check trust-store-type and trust-store-password): " + e.getMessage(), e);
        }
    }

    private static void readable(java.nio.file.Path file, String key) throws SinkException {
        if (!Files.isReadable(file)) {
            throw new SinkException("sluice.sink.nats." + key + " " + file + " does not exist or cannot be read");
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
