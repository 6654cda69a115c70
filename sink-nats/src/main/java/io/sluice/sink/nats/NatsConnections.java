package io.sluice.sink.nats;

import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/** Turns {@link NatsConnectionConfig} into jnats {@link Options}: servers, authentication, TLS, reconnection. */
final class NatsConnections {

    private NatsConnections() {
    }

    /**
     * Options that reconnect forever; the caller adds what is particular to it and builds.
     *
     * @throws IllegalArgumentException naming the key when a file cannot be read or TLS is unavailable
     */
    static Options.Builder options(NatsConnectionConfig config, ConnectionListener listener) {
        Options.Builder builder = new Options.Builder()
                .servers(config.servers().toArray(String[]::new))
                .connectionName(config.connectionName())
                .connectionTimeout(config.connectTimeout())
                .reconnectWait(config.reconnectWait())
                .maxReconnects(-1)
                .connectionListener(listener);
        if (config.credentialsFile() != null) {
            readable(config, config.credentialsFile(), "credentials-file");
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
        SSLContext tls = TlsContext.of(config);
        if (tls != null) {
            builder.sslContext(tls);
        } else if (config.tls().on()) {
            try {
                builder.secure();
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException(config.path() + ".tls: the JVM's default TLS context is"
                        + " unavailable: " + e.getMessage(), e);
            }
        }
        return builder;
    }

    /**
     * Connects with {@code builder} (from {@link #options}), or explains why not: what failed, at which
     * servers (credentials in URLs masked), and the setting to fix.
     *
     * @throws IOException with that explanation; the cause is jnats's exception
     */
    static Connection connect(NatsConnectionConfig config, Options.Builder builder)
            throws IOException, InterruptedException {
        NatsErrorLog errors = new NatsErrorLog(config);
        try {
            return Nats.connect(builder.errorListener(errors).build());
        } catch (IOException e) {
            throw new IOException(ConnectFailure.explain(config, e, errors), e);
        }
    }

    static void close(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static AuthHandler nkey(NatsConnectionConfig config) {
        readable(config, config.nkeySeedFile(), "nkey-seed-file");
        NKey key;
        try {
            String seed = Files.readString(config.nkeySeedFile(), StandardCharsets.US_ASCII).trim();
            key = NKey.fromSeed(seed.toCharArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(config.path() + ".nkey-seed-file " + config.nkeySeedFile()
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

    private static void readable(NatsConnectionConfig config, Path file, String key) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(config.path() + "." + key + " " + file
                    + " does not exist or cannot be read");
        }
    }
}
