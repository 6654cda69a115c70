package io.sluice.sink.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Keeps the checkpoint as one key of a JetStream key-value bucket. Every save is a compare-and-set on
 * the revision this instance last read or wrote, so a second instance configured with the same key
 * cannot silently overwrite the first one's position: whichever writes second fails with a message
 * saying so, and the core stops after its retries.
 *
 * <p>A save that returns has been stored by JetStream (file storage, acknowledged by the stream).
 * {@link #load} and {@link #save} may be called from different threads, never at the same time by the
 * core; they are synchronized anyway.
 */
final class NatsKvCheckpointStore implements CheckpointStore {

    /** JetStream's API error code for "wrong last sequence": the key's revision is not the expected one. */
    static final int WRONG_LAST_SEQUENCE = 10071;

    private final Connection connection;
    private final KeyValue kv;
    private final NatsKvCheckpointConfig config;
    /** The revision of the key this instance last read or wrote; 0 when the key had no value. */
    private long revision;

    NatsKvCheckpointStore(Connection connection, KeyValue kv, NatsKvCheckpointConfig config) {
        this.connection = connection;
        this.kv = kv;
        this.config = config;
    }

    @Override
    public synchronized Optional<String> load() throws CheckpointException {
        KeyValueEntry entry;
        try {
            entry = kv.get(config.key());
        } catch (IOException | JetStreamApiException e) {
            throw new CheckpointException("cannot read the checkpoint from " + describe() + ": " + e.getMessage()
                    + "; check that the server is reachable and the user may read the bucket", e);
        }
        if (entry == null) {
            revision = 0;
            return Optional.empty();
        }
        revision = entry.getRevision();
        return Optional.of(new String(entry.getValue(), StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void save(String checkpoint) throws CheckpointException {
        byte[] value = checkpoint.getBytes(StandardCharsets.UTF_8);
        try {
            revision = revision == 0 ? kv.create(config.key(), value) : kv.update(config.key(), value, revision);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
                conflict(value, e);
                return;
            }
            throw failedWrite(e);
        } catch (IOException e) {
            throw failedWrite(e);
        }
    }

    /**
     * The key's revision is not the one this instance last saw. Either an earlier attempt of this save
     * was stored but its reply was lost (a time-out, then the core's retry), which leaves exactly this
     * value behind and is adopted, or someone else wrote the key, which must stop this instance.
     */
    private void conflict(byte[] value, JetStreamApiException cause) throws CheckpointException {
        KeyValueEntry current;
        try {
            current = kv.get(config.key());
        } catch (IOException | JetStreamApiException e) {
            current = null;
        }
        if (current != null && Arrays.equals(current.getValue(), value)) {
            revision = current.getRevision();
            return;
        }
        throw new CheckpointException("another Sluice instance is writing checkpoint key " + config.key()
                + " in bucket " + config.bucket() + " (revision moved from " + (revision == 0 ? "none" : revision)
                + " to " + (current == null ? "a deleted or unreadable value" : current.getRevision())
                + "); give every instance its own " + NatsKvCheckpointConfig.PATH + ".key, and stop the other one",
                cause);
    }

    private CheckpointException failedWrite(Exception e) {
        return new CheckpointException("cannot save the checkpoint to " + describe() + ": " + e.getMessage()
                + "; check that the server is reachable and the user may write to the bucket", e);
    }

    @Override
    public String describe() {
        return "NATS KV bucket " + config.bucket() + " key " + config.key() + " at servers "
                + config.connection().servers();
    }

    @Override
    public void close() {
        NatsConnections.close(connection);
    }
}
