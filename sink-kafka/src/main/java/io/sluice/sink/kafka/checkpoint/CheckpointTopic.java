package io.sluice.sink.kafka.checkpoint;

import io.sluice.checkpoint.CheckpointException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Makes sure, at start-up, that the checkpoint topic exists and is compacted only. Under
 * {@code cleanup.policy=delete} the position would vanish with its segment once retention passes
 * without a save, for example while the database is idle, and the next start would begin afresh.
 */
final class CheckpointTopic {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointTopic.class);

    private CheckpointTopic() {
    }

    /**
     * Returns once the topic exists with {@code cleanup.policy=compact}, creating it if allowed.
     *
     * @throws CheckpointException when it is missing and creation is off, is not compacted, or Kafka
     *                             does not answer within the timeout
     */
    static void ensure(Admin admin, KafkaCheckpointConfig config) throws CheckpointException {
        String topic = config.topic();
        if (!exists(admin, config)) {
            if (!config.createTopic()) {
                throw new CheckpointException("The checkpoint topic " + topic + " does not exist at Kafka servers "
                        + config.servers() + " and " + KafkaCheckpointConfig.PATH + ".create-topic is false. Create it: "
                        + "kafka-topics.sh --bootstrap-server " + config.servers() + " --create --topic " + topic
                        + " --partitions 1 --config cleanup.policy=compact, or set create-topic = true");
            }
            create(admin, config);
        }
        String policy = cleanupPolicy(admin, config);
        Set<String> policies = Arrays.stream(policy.split(",")).map(String::trim).collect(Collectors.toSet());
        if (!policies.equals(Set.of(TopicConfig.CLEANUP_POLICY_COMPACT))) {
            throw new CheckpointException("The checkpoint topic " + topic + " at Kafka servers " + config.servers()
                    + " has cleanup.policy=" + policy + "; the saved position would be deleted with old segments and "
                    + "Sluice would start afresh. Make it compacted only: kafka-configs.sh --bootstrap-server "
                    + config.servers() + " --alter --entity-type topics --entity-name " + topic
                    + " --add-config cleanup.policy=compact, or choose another " + KafkaCheckpointConfig.PATH + ".topic");
        }
    }

    private static boolean exists(Admin admin, KafkaCheckpointConfig config) throws CheckpointException {
        try {
            await(admin.describeTopics(List.of(config.topic())).allTopicNames(), config, "check");
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw failed(e.getCause(), config, "check");
        }
    }

    private static void create(Admin admin, KafkaCheckpointConfig config) throws CheckpointException {
        NewTopic request = new NewTopic(config.topic(), Optional.of(1),
                config.replicationFactor() < 0 ? Optional.empty() : Optional.of(config.replicationFactor()))
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            await(admin.createTopics(List.of(request)).all(), config, "create");
            LOG.info("Created the compacted checkpoint topic {} at Kafka servers {}", config.topic(), config.servers());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failed(e.getCause(), config, "create (check " + KafkaCheckpointConfig.PATH
                        + ".replication-factor, or create it yourself with cleanup.policy=compact)");
            }
        }
    }

    private static String cleanupPolicy(Admin admin, KafkaCheckpointConfig config) throws CheckpointException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, config.topic());
        try {
            Config settings = await(admin.describeConfigs(List.of(resource)).all(), config,
                    "read the settings of").get(resource);
            ConfigEntry entry = settings == null ? null : settings.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            return entry == null || entry.value() == null ? TopicConfig.CLEANUP_POLICY_DELETE : entry.value();
        } catch (ExecutionException e) {
            throw failed(e.getCause(), config, "read the settings of");
        }
    }

    private static <T> T await(KafkaFuture<T> future, KafkaCheckpointConfig config, String action)
            throws ExecutionException, CheckpointException {
        try {
            return future.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failed(e, config, action);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointException("Interrupted while trying to " + action + " the checkpoint topic "
                    + config.topic() + " at Kafka servers " + config.servers(), e);
        }
    }

    private static CheckpointException failed(Throwable cause, KafkaCheckpointConfig config, String action) {
        boolean timedOut = cause instanceof TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException;
        String what = timedOut ? "Kafka did not answer within " + config.timeout() : String.valueOf(cause.getMessage());
        return new CheckpointException("Could not " + action + " the checkpoint topic " + config.topic()
                + " at Kafka servers " + config.servers() + ": " + what + ". Check that the brokers are reachable and the "
                + "connection and ACL settings in " + KafkaCheckpointConfig.PATH + ".producer, .consumer and .admin", cause);
    }
}
