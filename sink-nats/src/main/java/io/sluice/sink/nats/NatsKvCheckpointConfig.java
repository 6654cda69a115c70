package io.sluice.sink.nats;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.sluice.checkpoint.CheckpointException;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The settings of {@code sluice.checkpoint.nats-kv}, parsed once at start-up. Secrets are left out of
 * {@link #toString()}.
 *
 * @param connection     how to reach NATS
 * @param bucket         the key-value bucket
 * @param key            this instance's key in the bucket
 * @param createBucket   whether a missing bucket is created
 * @param history        values kept per key when the bucket is created
 * @param replicas       copies of the bucket in a cluster when it is created
 * @param requestTimeout how long one read or write of the checkpoint may take
 */
record NatsKvCheckpointConfig(
        NatsConnectionConfig connection,
        String bucket,
        String key,
        boolean createBucket,
        int history,
        int replicas,
        Duration requestTimeout) {

    static final String PATH = "sluice.checkpoint.nats-kv";

    /** What JetStream accepts as a bucket name. */
    private static final Pattern BUCKET = Pattern.compile("[a-zA-Z0-9_-]+");
    /** What JetStream accepts as a key without wildcards: tokens separated by single dots. */
    private static final Pattern KEY = Pattern.compile("[-/_=a-zA-Z0-9]+(\\.[-/_=a-zA-Z0-9]+)*");

    /**
     * Reads the subtree {@code sluice.checkpoint.nats-kv} with the module's defaults merged in.
     *
     * @throws CheckpointException naming the key when a value is missing or invalid
     */
    static NatsKvCheckpointConfig from(Config config) throws CheckpointException {
        try {
            String bucket = config.getString("bucket");
            if (!BUCKET.matcher(bucket).matches()) {
                throw invalid("bucket", "\"" + bucket + "\" is not a bucket name: use letters, digits, - and _");
            }
            String key = config.getIsNull("key") ? "" : config.getString("key");
            if (key.isEmpty()) {
                throw invalid("key", "is not set: name this instance's checkpoint, one key per Sluice instance,"
                        + " for example \"orders-db\"");
            }
            if (!KEY.matcher(key).matches()) {
                throw invalid("key", "\"" + key + "\" is not a key: use letters, digits and - / _ =, in tokens"
                        + " separated by single dots");
            }
            int history = config.getInt("history");
            if (history < 1 || history > 64) {
                throw invalid("history", "must be between 1 and 64, was " + history);
            }
            int replicas = config.getInt("replicas");
            if (replicas < 1 || replicas > 5) {
                throw invalid("replicas", "must be between 1 and 5, was " + replicas);
            }
            return new NatsKvCheckpointConfig(
                    NatsConnectionConfig.from(config, PATH),
                    bucket,
                    key,
                    config.getBoolean("create-bucket"),
                    history,
                    replicas,
                    NatsConnectionConfig.positive(config, PATH, "request-timeout"));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(e.getMessage(), e);
        } catch (ConfigException e) {
            throw new CheckpointException(PATH + ": " + e.getMessage(), e);
        }
    }

    private static CheckpointException invalid(String key, String problem) {
        return new CheckpointException(PATH + "." + key + " " + problem);
    }

    @Override
    public String toString() {
        return "NatsKvCheckpointConfig[" + connection + ", bucket=" + bucket + ", key=" + key
                + ", createBucket=" + createBucket + ", history=" + history + ", replicas=" + replicas
                + ", requestTimeout=" + requestTimeout + "]";
    }
}
