package io.sluice.sink.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Keeps the checkpoint as one key of a JetStream key-value bucket. Every save is a compare-and-set on
 * the revision this instance last read or wrote, so a second instance configured with the same key
 * cannot silently overwrite the first one's position: whichever writes second is fenced, fails with a
 * message saying so, and the core stops after its retries.
 *
 * <p>Each value is written with the header {@value #INSTANCE_HEADER}, naming the process that wrote
 * it. Two instances reading the same binlog save identical positions, so the value alone cannot tell
 * "my earlier save was stored but its reply was lost" from "another instance saved the same thing";
 * the header can. That is why values are published to the bucket's subject directly instead of
 * through {@code KeyValue.update}, which takes no headers; the bucket stays a normal KV bucket
 * ({@code nats kv get} shows the checkpoint).
 *
 * <p>A save that returns has been stored by JetStream (file storage, acknowledged by the stream).
 * {@link #load} and {@link #save} may be called from different threads, never at the same time by the
 * core; they are synchronized anyway.
 */
final class NatsKvCheckpointStore implements CheckpointStore {

    /** The header naming the Sluice process that wrote a value: {@code pid@host#random}. */
    static final String INSTANCE_HEADER = "Sluice-Instance";
    /** JetStream's API error code for "wrong last sequence": the key's revision is not the expected one. */
    static final int WRONG_LAST_SEQUENCE = 10071;
    /** JetStream's API error code for "no message found": the key was never written. */
    static final int NO_MESSAGE_FOUND = 10037;

    private final Connection connection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    private final NatsKvCheckpointConfig config;
    private final String instance;
    private final String stream;
    private final String subject;
    /** The revision of the key this instance last read or wrote; 0 when the key was never written. */
    private long revision;
    /** Set once another writer took the key: every later save fails with it, even if values agree again. */
    private CheckpointException fenced;

    NatsKvCheckpointStore(Connection connection, JetStream jetStream, JetStreamManagement management,
                          NatsKvCheckpointConfig config, String instance) {
        this.connection = connection;
        this.jetStream = jetStream;
        this.management = management;
        this.config = config;
        this.instance = instance;
        this.stream = "KV_" + config.bucket();
        this.subject = "$KV." + config.bucket() + "." + config.key();
    }

    @Override
    public synchronized Optional<String> load() throws CheckpointException {
        KeyValueEntry entry;
        try {
            entry = latest();
        } catch (IOException | JetStreamApiException e) {
            throw new CheckpointException("cannot read the checkpoint from " + describe() + ": " + e.getMessage()
                    + "; check that the server is reachable and the user may read the bucket", e);
        }
        if (entry == null) {
            revision = 0;
            return Optional.empty();
        }
        // A deleted or purged key has no checkpoint, but its revision is what the next write must expect.
        revision = entry.getRevision();
        if (entry.getOperation() != KeyValueOperation.PUT) {
            return Optional.empty();
        }
        return Optional.of(new String(entry.getValue(), StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void save(String checkpoint) throws CheckpointException {
        if (fenced != null) {
            throw new CheckpointException(fenced.getMessage(), fenced);
        }
        byte[] value = checkpoint.getBytes(StandardCharsets.UTF_8);
        try {
            try {
                revision = write(value);
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != WRONG_LAST_SEQUENCE) {
                    throw e;
                }
                revision = ownLostWrite(e);
                // A conflict now means another writer came in between; the core's retry finds out who.
                revision = write(value);
            }
        } catch (IOException | JetStreamApiException e) {
            throw failedWrite(e);
        }
    }

    /** Publishes {@code value} if the key still is at {@link #revision}; returns the new revision. */
    private long write(byte[] value) throws IOException, JetStreamApiException {
        Headers headers = new Headers().put(INSTANCE_HEADER, instance);
        PublishOptions expect = PublishOptions.builder().expectedStream(stream)
                .expectedLastSubjectSequence(revision).build();
        return jetStream.publish(subject, headers, value, expect).getSeqno();
    }

    /**
     * The key's revision is not the one this instance last saw. If the newest value carries this
     * instance's name, an earlier save was stored but its reply was lost (a time-out, then the core's
     * retry): its revision is adopted and the caller writes again. Anyone else's write fences this
     * instance for good.
     */
    private long ownLostWrite(JetStreamApiException cause) throws CheckpointException, IOException,
            JetStreamApiException {
        MessageInfo raw = latestMessage();
        KeyValueEntry current = raw == null ? null : new KeyValueEntry(raw);
        String writer = raw == null || raw.getHeaders() == null ? null : raw.getHeaders().getFirst(INSTANCE_HEADER);
        if (current != null && instance.equals(writer) && current.getOperation() == KeyValueOperation.PUT) {
            return current.getRevision();
        }
        throw fence(current, writer, cause);
    }

    /** Remembers and returns the failure every save of this instance reports from now on. */
    private CheckpointException fence(KeyValueEntry current, String writer, Exception cause) {
        String what;
        if (current == null) {
            what = "the key is gone";
        } else if (current.getOperation() != KeyValueOperation.PUT) {
            what = "the key was deleted or purged (revision " + current.getRevision() + ")";
        } else if (writer == null) {
            what = "revision " + current.getRevision() + " was written by something other than Sluice";
        } else {
            what = "revision " + current.getRevision() + " was written by the Sluice instance " + writer;
        }
        String headline = writer != null ? "another Sluice instance is writing checkpoint key "
                : "something else changed checkpoint key ";
        fenced = new CheckpointException(headline + config.key() + " in NATS KV bucket " + config.bucket() + " at "
                + Redaction.servers(config.connection().servers()) + ": this instance (" + instance + ") last saw"
                + " revision " + (revision == 0 ? "none" : revision) + ", but " + what + ". Two Sluice instances with"
                + " one key would overwrite each other's position, so this one stops without saving. Give every"
                + " instance its own " + NatsKvCheckpointConfig.PATH + ".key, or stop the other instance before"
                + " starting this one.", cause);
        return fenced;
    }

    private KeyValueEntry latest() throws IOException, JetStreamApiException {
        MessageInfo raw = latestMessage();
        return raw == null ? null : new KeyValueEntry(raw);
    }

    private MessageInfo latestMessage() throws IOException, JetStreamApiException {
        try {
            return management.getLastMessage(stream, subject);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == NO_MESSAGE_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private CheckpointException failedWrite(Exception e) {
        return new CheckpointException("cannot save the checkpoint to " + describe() + ": " + e.getMessage()
                + "; check that the server is reachable and the user may write to the bucket", e);
    }

    @Override
    public String describe() {
        return "NATS KV bucket " + config.bucket() + " key " + config.key() + " at servers "
                + Redaction.servers(config.connection().servers());
    }

    @Override
    public void close() {
        NatsConnections.close(connection);
    }
}
