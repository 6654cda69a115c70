package io.sluice.sink.nats;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import io.sluice.sink.SinkException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The settings of {@code sluice.sink.nats}, parsed once at start-up. Secrets are left out of
 * {@link #toString()}.
 *
 * @param connection      how to reach NATS
 * @param ackTimeout      how long an event may wait for the stream's acknowledgement
 * @param maxInFlight     events published and not yet acknowledged before publish blocks
 * @param subjects        how an event's subject is formed
 * @param onOversized     what happens to an event over the server's max_payload
 * @param stream          the stream and how it is created or checked
 */
record NatsSinkConfig(
        NatsConnectionConfig connection,
        Duration ackTimeout,
        int maxInFlight,
        SubjectTemplate subjects,
        OversizedPolicy onOversized,
        StreamSettings stream) {

    /** What happens to an event larger than the server accepts. */
    enum OversizedPolicy { FAIL, SKIP }

    /** JetStream storage of the stream. */
    enum Storage { FILE, MEMORY }

    /**
     * The stream's wanted settings.
     *
     * @param subjects        the stream's subjects, never empty (the default is filled in)
     * @param duplicateWindow the window to create with, and the least an existing stream may have
     * @param maxAge          {@link Duration#ZERO} for unlimited
     * @param maxBytes        -1 for unlimited
     */
    record StreamSettings(String name, boolean create, boolean update, List<String> subjects, Storage storage,
                          Duration duplicateWindow, Duration maxAge, long maxBytes, int replicas) {
    }

    /**
     * Reads the subtree {@code sluice.sink.nats} with the module's defaults merged in.
     *
     * @throws SinkException naming the key when a value is missing or invalid
     */
    static NatsSinkConfig from(Config config) throws SinkException {
        try {
            NatsConnectionConfig connection;
            try {
                connection = NatsConnectionConfig.from(config, "sluice.sink.nats");
            } catch (IllegalArgumentException e) {
                throw new SinkException(e.getMessage(), e);
            }
            String prefix = config.getString("subject-prefix");
            SubjectTemplate subjects;
            try {
                subjects = new SubjectTemplate(config.getString("subject-template"), prefix);
            } catch (IllegalArgumentException e) {
                throw invalid("subject-template", e.getMessage());
            }
            return new NatsSinkConfig(
                    connection,
                    positive(config, "ack-timeout"),
                    range(config, "max-in-flight", 1, 1_000_000),
                    subjects,
                    choice(config, "on-oversized", OversizedPolicy.class),
                    stream(config, prefix, subjects));
        } catch (ConfigException e) {
            throw new SinkException("sluice.sink.nats: " + e.getMessage(), e);
        }
    }

    /** Reads {@code stream}; keys are given from the root so messages name the whole path. */
    private static StreamSettings stream(Config config, String prefix, SubjectTemplate template)
            throws SinkException {
        Config stream = config.getConfig("stream");
        String name = stream.getString("name");
        if (name.isEmpty() || name.chars().anyMatch(c -> c == '.' || c == '*' || c == '>' || c <= ' ')) {
            throw invalid("stream.name", "\"" + name + "\" is not a stream name: use letters, digits, - and _");
        }
        List<String> subjects = stream.getStringList("subjects");
        if (subjects.isEmpty()) {
            subjects = List.of(prefix + ".>");
        }
        if (!template.coveredBy(subjects)) {
            throw invalid("stream.subjects", subjects + " do not cover the subjects " + template.wildcard()
                    + " of subject-template; add \"" + template.wildcard() + "\" or change the template");
        }
        long maxBytes = stream.getValue("max-bytes").valueType() == ConfigValueType.NUMBER
                ? stream.getLong("max-bytes") : stream.getBytes("max-bytes");
        if (maxBytes < -1 || maxBytes == 0) {
            throw invalid("stream.max-bytes", "must be -1 (unlimited) or a positive size such as 10GiB");
        }
        Duration maxAge = stream.getDuration("max-age");
        if (maxAge.isNegative()) {
            throw invalid("stream.max-age", "must be 0s (unlimited) or positive");
        }
        return new StreamSettings(name, stream.getBoolean("create"), stream.getBoolean("update"),
                List.copyOf(subjects), choice(config, "stream.storage", Storage.class),
                positive(config, "stream.duplicate-window"),
                maxAge, maxBytes, range(config, "stream.replicas", 1, 5));
    }

    private static Duration positive(Config config, String key) throws SinkException {
        if (config.getValue(key).valueType() == ConfigValueType.NUMBER) {
            throw invalid(key, "needs a unit, for example 5s or 500ms");
        }
        Duration value = config.getDuration(key);
        if (value.isNegative() || value.isZero()) {
            throw invalid(key, "must be positive, was " + value);
        }
        return value;
    }

    private static int range(Config config, String key, int min, int max) throws SinkException {
        int value = config.getInt(key);
        if (value < min || value > max) {
            throw invalid(key, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static <E extends Enum<E>> E choice(Config config, String key, Class<E> type) throws SinkException {
        String value = config.getString(key);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw invalid(key, "\"" + value + "\" is not one of " + allowed);
        }
    }

    private static SinkException invalid(String key, String problem) {
        return new SinkException("sluice.sink.nats." + key + " " + problem);
    }

    @Override
    public String toString() {
        return "NatsSinkConfig[" + connection + ", ackTimeout=" + ackTimeout + ", maxInFlight=" + maxInFlight
                + ", subjects=" + subjects + ", onOversized=" + onOversized + ", stream=" + stream + "]";
    }
}
