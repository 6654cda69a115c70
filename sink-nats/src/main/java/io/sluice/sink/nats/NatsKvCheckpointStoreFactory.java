package io.sluice.sink.nats;

import com.typesafe.config.Config;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValueManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.Options;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.StorageType;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.checkpoint.CheckpointStoreFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;

/**
 * Checkpoint store type {@code nats-kv}: connects to NATS, makes sure the key-value bucket exists, and
 * returns a {@link NatsKvCheckpointStore}. Settings are {@code sluice.checkpoint.nats-kv} (see this
 * module's {@code reference.conf}).
 */
public final class NatsKvCheckpointStoreFactory implements CheckpointStoreFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NatsKvCheckpointStoreFactory.class);

    /** JetStream's API error code for "stream not found"; a bucket is the stream KV_&lt;bucket&gt;. */
    private static final int STREAM_NOT_FOUND = 10059;

    @Override
    public String type() {
        return "nats-kv";
    }

    @Override
    public CheckpointStore create(Config settings) throws CheckpointException {
        NatsKvCheckpointConfig config = NatsKvCheckpointConfig.from(settings);
        LOG.info("connecting the nats-kv checkpoint store: {}", config);
        Options.Builder options;
        try {
            options = NatsConnections.options(config.connection(), NatsKvCheckpointStoreFactory::connectionEvent);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
        Connection connection;
        try {
            connection = NatsConnections.connect(config.connection(), options);
        } catch (IOException e) {
            throw new CheckpointException(e.getMessage() + " (for the checkpoint store)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointException("interrupted while connecting to NATS at "
                    + Redaction.servers(config.connection().servers()), e);
        }
        try {
            ensureBucket(connection.keyValueManagement(), config);
            JetStreamOptions timeouts = JetStreamOptions.builder().requestTimeout(config.requestTimeout()).build();
            return new NatsKvCheckpointStore(connection, connection.jetStream(timeouts),
                    connection.jetStreamManagement(timeouts), config, instanceName());
        } catch (IOException e) {
            NatsConnections.close(connection);
            throw new CheckpointException("cannot use JetStream on " + Redaction.server(connection.getConnectedUrl())
                    + ": " + Redaction.text(e.getMessage(), config.connection()) + "; is JetStream enabled on the"
                    + " server (nats-server -js) and may this user use it?", e);
        } catch (CheckpointException | RuntimeException e) {
            NatsConnections.close(connection);
            throw e;
        }
    }

    /**
     * Names this store in the values it writes: process id and host, as the JVM reports them, and a
     * random part, since two stores of one JVM (tests) or of a reused process id must differ.
     */
    private static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "#"
                + Long.toHexString(new SecureRandom().nextLong() & 0xffffffffL);
    }

    private static void ensureBucket(KeyValueManagement kvm, NatsKvCheckpointConfig config)
            throws CheckpointException, IOException {
        String bucket = config.bucket();
        try {
            KeyValueStatus status = kvm.getStatus(bucket);
            if (status.getStorageType() != StorageType.File) {
                LOG.warn("the NATS KV bucket {} keeps its values in memory: a NATS server restart loses the"
                        + " checkpoint and Sluice starts again from sluice.source.start", bucket);
            }
            return;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw new CheckpointException("cannot read the NATS KV bucket " + bucket + ": " + e.getMessage(), e);
            }
        }
        if (!config.createBucket()) {
            throw new CheckpointException("the NATS KV bucket " + bucket + " does not exist; create it (nats kv add "
                    + bucket + " --history " + config.history() + " --storage file) or set "
                    + NatsKvCheckpointConfig.PATH + ".create-bucket = true");
        }
        try {
            kvm.create(KeyValueConfiguration.builder()
                    .name(bucket)
                    .description("Sluice checkpoints, one key per instance")
                    .maxHistoryPerKey(config.history())
                    .storageType(StorageType.File)
                    .replicas(config.replicas())
                    .build());
            LOG.info("created NATS KV bucket {} with file storage, history {}, {} replica(s)", bucket,
                    config.history(), config.replicas());
        } catch (JetStreamApiException e) {
            throw new CheckpointException("cannot create the NATS KV bucket " + bucket + ": " + e.getMessage()
                    + "; check the " + NatsKvCheckpointConfig.PATH + " settings and that the user may manage"
                    + " streams, or create the bucket yourself", e);
        }
    }

    private static void connectionEvent(Connection connection, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> LOG.warn("the checkpoint store lost its NATS connection; jnats reconnects");
            case RECONNECTED -> LOG.info("the checkpoint store reconnected to NATS at {}",
                    Redaction.server(connection.getConnectedUrl()));
            default -> LOG.debug("NATS checkpoint connection {}", event);
        }
    }
}
