package io.sluice.sink.kafka;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import io.sluice.sink.SinkException;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka sink's settings ({@code sluice.sink.kafka}), parsed once. See the module's
 * {@code reference.conf} for what each one means.
 *
 * @param topicPrefix       {@code topic-prefix}
 * @param topicTemplate     {@code topic-template}, validated
 * @param tombstones        {@code tombstones}
 * @param oversized         {@code oversized}
 * @param createTopics      {@code create-topics}
 * @param topicCheckTimeout {@code topic-check-timeout}
 * @param closeTimeout      {@code close-timeout}
 * @param delivery          {@code delivery}
 * @param transactionalId   {@code exactly-once.transactional-id}, or {@code null} to derive it from the checkpoint key
 * @param producer          {@code producer}, verbatim, serializers not included
 * @param admin             connection settings taken from {@code producer}, then {@code admin} verbatim
 */
public record KafkaSinkConfig(
        String topicPrefix,
        String topicTemplate,
        boolean tombstones,
        Oversized oversized,
        TopicCreation createTopics,
        Duration topicCheckTimeout,
        Duration closeTimeout,
        Delivery delivery,
        String transactionalId,
        Map<String, Object> producer,
        Map<String, Object> admin) {

    /** Where this subtree lives, for error messages. */
    static final String PATH = "sluice.sink.kafka";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> PLACEHOLDERS = Set.of("prefix", "database", "table");
    private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final int MAX_TOPIC_LENGTH = 249;

    /** What a reader of the topics may rely on after a crash of Sluice. */
    public enum Delivery {
        /** Every change at least once: after a crash the changes since the last checkpoint come again. */
        AT_LEAST_ONCE,
        /**
         * Every change exactly once for consumers with {@code isolation.level = read_committed}: events
         * and checkpoint are written in one Kafka transaction.
         */
        EXACTLY_ONCE
    }

    /** What happens to an event over the size limit. */
    public enum Oversized {
        /** Stop the stream with an error naming table, key, size and limit. */
        FAIL,
        /** Log the same at WARN and acknowledge the event without publishing it. */
        LOG_AND_SKIP
    }

    /**
     * {@code create-topics}.
     *
     * @param partitions        -1 for the broker's default
     * @param replicationFactor -1 for the broker's default
     * @param options           topic-level settings ({@code create-topics.options}), verbatim
     */
    public record TopicCreation(boolean enabled, int partitions, short replicationFactor, Map<String, String> options) {
        public TopicCreation {
            options = Map.copyOf(options);
        }
    }

    public KafkaSinkConfig {
        producer = Map.copyOf(producer);
        admin = Map.copyOf(admin);
    }

    /**
     * Reads the subtree {@code sluice.sink.kafka} with the reference defaults merged in.
     *
     * @throws SinkException naming the path of the first invalid setting and how to fix it
     */
    public static KafkaSinkConfig from(Config config) throws SinkException {
        try {
            String prefix = config.getString("topic-prefix");
            if (!LEGAL_TOPIC.matcher(prefix).matches()) {
                throw invalid("topic-prefix", "is \"" + prefix + "\"; use only letters, digits, '.', '_' and '-'");
            }
            String template = config.getString("topic-template");
            validateTemplate(template);
            Oversized oversized = switch (config.getString("oversized").toLowerCase(Locale.ROOT)) {
                case "fail" -> Oversized.FAIL;
                case "log-and-skip" -> Oversized.LOG_AND_SKIP;
                default -> throw invalid("oversized", "is \"" + config.getString("oversized")
                        + "\"; write fail or log-and-skip");
            };
            Config create = config.getConfig("create-topics");
            int partitions = create.getInt("partitions");
            if (partitions == 0 || partitions < -1) {
                throw invalid("create-topics.partitions", "is " + partitions + "; write a positive number or -1");
            }
            int replicas = create.getInt("replication-factor");
            if (replicas == 0 || replicas < -1 || replicas > Short.MAX_VALUE) {
                throw invalid("create-topics.replication-factor", "is " + replicas + "; write a positive number or -1");
            }
            Map<String, String> topicConfig = new LinkedHashMap<>();
            flatten(create.getConfig("options")).forEach((k, v) -> topicConfig.put(k, String.valueOf(v)));
            TopicCreation creation = new TopicCreation(create.getBoolean("enabled"), partitions, (short) replicas, topicConfig);

            Duration checkTimeout = positive(config, "topic-check-timeout");
            Duration closeTimeout = config.getDuration("close-timeout");
            if (closeTimeout.isNegative()) {
                throw invalid("close-timeout", "is negative; write a duration such as 10s");
            }

            Delivery delivery = switch (config.getString("delivery").toLowerCase(Locale.ROOT)) {
                case "at-least-once" -> Delivery.AT_LEAST_ONCE;
                case "exactly-once" -> Delivery.EXACTLY_ONCE;
                default -> throw invalid("delivery", "is \"" + config.getString("delivery")
                        + "\"; write at-least-once or exactly-once");
            };
            String transactionalId = config.getIsNull("exactly-once.transactional-id") ? null
                    : config.getString("exactly-once.transactional-id").trim();
            if (transactionalId != null && transactionalId.isEmpty()) {
                throw invalid("exactly-once.transactional-id", "is empty; remove it to derive it from the checkpoint "
                        + "key, or write a name unique to this instance");
            }

            Map<String, Object> producer = flatten(config.getConfig("producer"));
            Object servers = producer.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
            if (servers == null || servers.toString().isBlank()) {
                throw invalid("producer.bootstrap.servers", "is not set; write the brokers to connect to, "
                        + "for example producer { bootstrap.servers = \"kafka:9092\" }");
            }
            for (String own : Set.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
                if (producer.containsKey(own)) {
                    throw invalid("producer." + own, "is set; Sluice sets it itself, remove it");
                }
            }
            checkOrderKept(producer);
            if (delivery == Delivery.EXACTLY_ONCE) {
                checkTransactionsPossible(producer);
            }
            Map<String, Object> admin = new LinkedHashMap<>();
            Set<String> adminKeys = AdminClientConfig.configNames();
            producer.forEach((k, v) -> {
                if (adminKeys.contains(k) && !k.equals(ProducerConfig.CLIENT_ID_CONFIG)) {
                    admin.put(k, v);
                }
            });
            admin.putAll(flatten(config.getConfig("admin")));
            return new KafkaSinkConfig(prefix, template, config.getBoolean("tombstones"), oversized, creation,
                    checkTimeout, closeTimeout, delivery, transactionalId, producer, admin);
        } catch (ConfigException e) {
            throw new SinkException("Invalid Kafka sink configuration under " + PATH + ": " + e.getMessage(), e);
        }
    }

    /** The topic for one table: the template filled in, characters Kafka refuses replaced with '_'. */
    public String topic(String database, String table) {
        Matcher m = PLACEHOLDER.matcher(topicTemplate);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "prefix" -> topicPrefix;
                case "database" -> database;
                default -> table;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(sanitize(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The producer's limit on one request, which bounds one record: {@code max.request.size}. */
    int maxRecordBytes() {
        Object value = producer.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return value == null ? 1024 * 1024 : Integer.parseInt(value.toString().trim());
    }

    private static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            out.append(legal ? c : '_');
        }
        return out.toString();
    }

    private static void validateTemplate(String template) throws SinkException {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder literal = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw invalid("topic-template", "has the unknown placeholder {" + m.group(1)
                        + "}; use {prefix}, {database} and {table}");
            }
            literal.append(template, last, m.start());
            last = m.end();
        }
        literal.append(template.substring(last));
        if (!template.contains("{table}")) {
            throw invalid("topic-template", "is \"" + template + "\" without {table}; every table needs a topic of its own "
                    + "so that one key's changes stay ordered, write for example \"{prefix}.{database}.{table}\"");
        }
        if (literal.length() > 0 && !LEGAL_TOPIC.matcher(literal).matches()) {
            throw invalid("topic-template", "is \"" + template + "\"; outside placeholders use only letters, digits, "
                    + "'.', '_' and '-'");
        }
    }

    /** Checks a topic name built from the template against Kafka's rules. */
    static void checkTopicLength(String topic) throws SinkException {
        if (topic.length() > MAX_TOPIC_LENGTH) {
            throw invalid("topic-template", "gives the topic name " + topic + " of " + topic.length()
                    + " characters; Kafka allows " + MAX_TOPIC_LENGTH + ", shorten the template or the prefix");
        }
    }

    /**
     * Without idempotence a retried request can overtake the next one on the same connection, which
     * would reorder changes of one key; only one request in flight keeps the order then.
     */
    private static void checkOrderKept(Map<String, Object> producer) throws SinkException {
        Object idempotence = producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
        Object inFlight = producer.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        boolean idempotent = idempotence == null || Boolean.parseBoolean(idempotence.toString().trim());
        int requests = inFlight == null ? 5 : Integer.parseInt(inFlight.toString().trim());
        if (!idempotent && requests > 1) {
            throw invalid("producer.enable.idempotence", "is false with max.in.flight.requests.per.connection = "
                    + requests + ": a retried batch could overtake the next and reorder changes of one row. Keep "
                    + "enable.idempotence = true (with acks = all), or set max.in.flight.requests.per.connection = 1");
        }
    }

    /** Kafka refuses transactions without idempotence and acks from every in-sync replica. */
    private static void checkTransactionsPossible(Map<String, Object> producer) throws SinkException {
        Object idempotence = producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
        if (idempotence != null && !Boolean.parseBoolean(idempotence.toString().trim())) {
            throw invalid("producer.enable.idempotence", "is false, but delivery = exactly-once needs an idempotent "
                    + "producer; remove the setting or set delivery = at-least-once");
        }
        Object acks = producer.get(ProducerConfig.ACKS_CONFIG);
        if (acks != null && !Set.of("all", "-1").contains(acks.toString().trim())) {
            throw invalid("producer.acks", "is " + acks + ", but delivery = exactly-once needs acks = all; remove "
                    + "the setting or set delivery = at-least-once");
        }
    }

    private static Duration positive(Config config, String key) throws SinkException {
        Duration d = config.getDuration(key);
        if (d.isZero() || d.isNegative()) {
            throw invalid(key, "is " + d + "; write a positive duration such as 30s");
        }
        return d;
    }

    /** A block's settings as dotted keys, unquoted, values as Kafka accepts them (numbers, strings, lists). */
    private static Map<String, Object> flatten(Config block) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : block.entrySet()) {
            String key = String.join(".", ConfigUtil.splitPath(e.getKey()));
            out.put(key, e.getValue().unwrapped());
        }
        return out;
    }

    private static SinkException invalid(String key, String what) {
        return new SinkException(PATH + "." + key + " " + what);
    }
}
