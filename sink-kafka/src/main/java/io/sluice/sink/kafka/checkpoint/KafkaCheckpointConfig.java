package io.sluice.sink.kafka.checkpoint;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import io.sluice.checkpoint.CheckpointException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code kafka} checkpoint store's settings ({@code sluice.checkpoint.kafka}), parsed once. See
 * sink-kafka's {@code reference.conf} for what each one means.
 *
 * @param topic             {@code topic}
 * @param key               {@code key}, this instance's record key
 * @param createTopic       {@code create-topic}
 * @param replicationFactor {@code replication-factor}, -1 for the broker's default
 * @param timeout           {@code timeout}, for the topic check, a load and a save each
 * @param producer          {@code producer}, verbatim, serializers not included
 * @param consumer          connection settings taken from {@code producer}, then {@code consumer} verbatim
 * @param admin             connection settings taken from {@code producer}, then {@code admin} verbatim
 */
public record KafkaCheckpointConfig(
        String topic,
        String key,
        boolean createTopic,
        short replicationFactor,
        Duration timeout,
        Map<String, Object> producer,
        Map<String, Object> consumer,
        Map<String, Object> admin) {

    /** Where this subtree lives, for error messages. */
    static final String PATH = "sluice.checkpoint.kafka";
    private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    /** Settings that say how to reach and authenticate to the cluster, shared by the three clients. */
    private static final Set<String> CONNECTION = Set.of("bootstrap.servers", "client.dns.lookup",
            "security.protocol", "security.providers");
    private static final Set<String> CONNECTION_PREFIXES = Set.of("ssl.", "sasl.");

    public KafkaCheckpointConfig {
        producer = Map.copyOf(producer);
        consumer = Map.copyOf(consumer);
        admin = Map.copyOf(admin);
    }

    /**
     * Reads the subtree {@code sluice.checkpoint.kafka} with the reference defaults merged in.
     *
     * @throws CheckpointException naming the path of the first invalid setting and how to fix it
     */
    public static KafkaCheckpointConfig from(Config config) throws CheckpointException {
        try {
            String topic = config.getString("topic");
            if (!LEGAL_TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
                throw invalid("topic", "is \"" + topic + "\"; write 1 to 249 letters, digits, '.', '_' and '-'");
            }
            if (!config.hasPath("key") || config.getString("key").isBlank()) {
                throw invalid("key", "is not set; give every Sluice instance a key of its own in the topic, "
                        + "for example key = \"shop-db\" (the source server's name)");
            }
            int replicas = config.getInt("replication-factor");
            if (replicas == 0 || replicas < -1 || replicas > Short.MAX_VALUE) {
                throw invalid("replication-factor", "is " + replicas + "; write a positive number or -1");
            }
            Duration timeout = config.getDuration("timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw invalid("timeout", "is " + timeout + "; write a positive duration such as 30s");
            }

            Map<String, Object> producer = flatten(config.getConfig("producer"));
            if (servers(producer).isBlank()) {
                throw invalid("producer.bootstrap.servers", "is not set; write the brokers to connect to, for example "
                        + "producer { bootstrap.servers = \"kafka:9092\" }, or "
                        + "${sluice.sink.kafka.producer.bootstrap.servers} to take the sink's");
            }
            refuse(producer, "producer", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ProducerConfig.TRANSACTIONAL_ID_CONFIG);
            Object acks = producer.get(ProducerConfig.ACKS_CONFIG);
            if (acks != null && !acks.toString().trim().equals("all") && !acks.toString().trim().equals("-1")) {
                throw invalid("producer.acks", "is " + acks + "; a saved position must survive the loss of a broker, "
                        + "write acks = all");
            }

            Map<String, Object> consumer = connection(producer);
            consumer.putAll(flatten(config.getConfig("consumer")));
            refuse(consumer, "consumer", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
            Map<String, Object> admin = connection(producer);
            admin.putAll(flatten(config.getConfig("admin")));

            return new KafkaCheckpointConfig(topic, config.getString("key"), config.getBoolean("create-topic"),
                    (short) replicas, timeout, producer, consumer, admin);
        } catch (ConfigException e) {
            throw new CheckpointException("Invalid Kafka checkpoint store configuration under " + PATH + ": "
                    + e.getMessage(), e);
        }
    }

    /** The producer's {@code bootstrap.servers}, for messages; a HOCON list is joined with commas. */
    public String servers() {
        return servers(producer);
    }

    private static String servers(Map<String, Object> producer) {
        Object servers = producer.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (servers instanceof Collection<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return servers == null ? "" : servers.toString();
    }

    private static Map<String, Object> connection(Map<String, Object> producer) {
        Map<String, Object> out = new LinkedHashMap<>();
        producer.forEach((k, v) -> {
            if (CONNECTION.contains(k) || CONNECTION_PREFIXES.stream().anyMatch(k::startsWith)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void refuse(Map<String, Object> settings, String block, String... own) throws CheckpointException {
        for (String key : own) {
            if (settings.containsKey(key)) {
                throw invalid(block + "." + key, "is set; Sluice sets it itself, remove it");
            }
        }
    }

    /** A block's settings as dotted keys, unquoted, values as Kafka accepts them (numbers, strings, lists). */
    private static Map<String, Object> flatten(Config block) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : block.entrySet()) {
            out.put(String.join(".", ConfigUtil.splitPath(e.getKey())), e.getValue().unwrapped());
        }
        return out;
    }

    private static CheckpointException invalid(String key, String what) {
        return new CheckpointException(PATH + "." + key + " " + what);
    }
}
