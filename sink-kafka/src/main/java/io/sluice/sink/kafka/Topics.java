package io.sluice.sink.kafka;

import io.sluice.sink.SinkException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks that a topic exists before its first record, and creates it when {@code create-topics} is
 * enabled. Without the check a missing topic would make the producer wait for metadata for as long
 * as {@code max.block.ms}, which is nearly forever so that broker outages are ridden out.
 */
final class Topics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

    private final Admin admin;
    private final KafkaSinkConfig.TopicCreation creation;
    private final Duration timeout;

    Topics(Admin admin, KafkaSinkConfig.TopicCreation creation, Duration timeout) {
        this.admin = admin;
        this.creation = creation;
        this.timeout = timeout;
    }

    /**
     * Returns once {@code topic} exists, creating it if allowed. Retries while the broker does not
     * answer in time, so an outage delays the stream rather than failing it.
     *
     * @throws SinkException when the topic is missing and creation is off, or the broker refuses to create it
     */
    void ensure(String topic, String table) throws InterruptedException, SinkException {
        long started = System.nanoTime();
        while (true) {
            try {
                if (exists(topic)) {
                    return;
                }
                if (!creation.enabled()) {
                    throw new SinkException("Kafka topic " + topic + " for table " + table + " does not exist and "
                            + KafkaSinkConfig.PATH + ".create-topics.enabled is false. Create the topic, or set "
                            + "create-topics.enabled = true to let Sluice create it (with create-topics.partitions, "
                            + "replication-factor and options)");
                }
                create(topic, table);
                return;
            } catch (TimeoutException e) {
                LOG.warn("Kafka did not answer a check of topic {} for table {} within {}; still trying after {} s",
                        topic, table, timeout, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            }
        }
    }

    private boolean exists(String topic) throws InterruptedException, TimeoutException, SinkException {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new TimeoutException(e.getCause().getMessage());
            }
            throw new SinkException("Could not check Kafka topic " + topic + ": " + e.getCause()
                    + ". Check the connection and ACL settings in " + KafkaSinkConfig.PATH + ".producer and .admin",
                    e.getCause());
        }
    }

    private void create(String topic, String table) throws InterruptedException, TimeoutException, SinkException {
        NewTopic request = new NewTopic(topic,
                creation.partitions() < 0 ? Optional.empty() : Optional.of(creation.partitions()),
                creation.replicationFactor() < 0 ? Optional.empty() : Optional.of(creation.replicationFactor()))
                .configs(creation.options());
        try {
            admin.createTopics(List.of(request)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            awaitLeaders(topic);
            LOG.info("Created Kafka topic {} for table {}", topic, table);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return;
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new TimeoutException(e.getCause().getMessage());
            }
            throw new SinkException("Could not create Kafka topic " + topic + " for table " + table + ": "
                    + e.getCause().getMessage() + ". Check " + KafkaSinkConfig.PATH
                    + ".create-topics (partitions, replication-factor, options) or create the topic yourself",
                    e.getCause());
        }
    }

    /**
     * Returns once every partition of a new topic answers at its leader. A batch sent earlier can be
     * refused while the leader still loads the partition, and an idempotent producer may then retry it
     * for ever behind later batches (KAFKA-15591), stalling the stream and breaking the order of keys.
     */
    private void awaitLeaders(String topic) throws InterruptedException, TimeoutException, SinkException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                description.partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                admin.listOffsets(ends).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                boolean notReadyYet = e.getCause() instanceof RetriableException;
                if (!notReadyYet) {
                    throw new SinkException("Kafka topic " + topic + " was created, but its partitions do not answer: "
                            + e.getCause() + ". Check the brokers' logs", e.getCause());
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException("the partitions of the new topic " + topic + " have no leader yet");
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
