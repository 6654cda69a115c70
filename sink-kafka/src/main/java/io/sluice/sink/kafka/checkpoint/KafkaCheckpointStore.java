package io.sluice.sink.kafka.checkpoint;

import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps the checkpoint as the latest record under this instance's key in partition 0 of a compacted
 * topic. A save waits for the broker's acknowledgement with {@code acks=all}; a load reads the
 * partition from its start to the end offset seen when the load began, so it sees every save that
 * returned before. In exactly-once mode the sink writes the checkpoint record inside its own Kafka
 * transactions ({@link #topic()}, {@link #key()}); the load reads committed records only and waits
 * until every transaction open when it began has ended, so it never misses a committed position. Compaction keeps at least the latest record of every key, so the topic stays small
 * and the position survives any retention.
 *
 * <p>The core calls {@link #load} once, then {@link #save} from one thread; Kafka's clients add their
 * own network threads ({@code kafka-producer-network-thread | <client.id>} and the admin client's).
 */
public final class KafkaCheckpointStore implements CheckpointStore {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaCheckpointConfig config;
    private final Producer<String, String> producer;
    private final Consumer<String, String> consumer;
    private final Admin admin;
    private final TopicPartition partition;

    KafkaCheckpointStore(KafkaCheckpointConfig config, Producer<String, String> producer,
                         Consumer<String, String> consumer, Admin admin) {
        this.config = config;
        this.producer = producer;
        this.consumer = consumer;
        this.admin = admin;
        this.partition = new TopicPartition(config.topic(), 0);
    }

    @Override
    public Optional<String> load() throws CheckpointException {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = endOffset(deadline);
            String latest = null;
            while (consumer.position(partition, left(deadline)) < end) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new org.apache.kafka.common.errors.TimeoutException("reading up to offset " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL).records(partition)) {
                    if (config.key().equals(record.key())) {
                        latest = record.value(); // null: deleted
                    }
                }
            }
            return Optional.ofNullable(latest);
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointException("Interrupted while reading the checkpoint from " + describe(), e);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new CheckpointException("Could not read the checkpoint from " + describe() + " within "
                    + config.timeout() + " (" + e.getMessage() + "). Check that the brokers are reachable and the "
                    + "connection settings in " + KafkaCheckpointConfig.PATH + ".producer and .consumer, or raise "
                    + KafkaCheckpointConfig.PATH + ".timeout. The read also waits for transactions still open in the "
                    + "topic, such as one left by a killed exactly-once instance with another key, until Kafka aborts "
                    + "them after their transaction.timeout.ms", e);
        } catch (KafkaException e) {
            throw new CheckpointException("Could not read the checkpoint from " + describe() + ": " + e.getMessage()
                    + ". Check the connection and ACL settings in " + KafkaCheckpointConfig.PATH + ".producer and .consumer", e);
        }
    }

    /**
     * The partition's end including records of open transactions. A read_committed consumer's own end
     * offset stops before the oldest open transaction, and a position committed after it would be missed.
     */
    private long endOffset(long deadline) throws CheckpointException {
        ListOffsetsOptions uncommitted = new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED);
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), uncommitted).partitionResult(partition)
                    .get(left(deadline).toNanos(), TimeUnit.NANOSECONDS).offset();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
        } catch (TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("finding the end of " + partition);
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }

    /** The compacted topic the checkpoint record goes to, always in partition 0. */
    public String topic() {
        return config.topic();
    }

    /** This instance's record key in {@link #topic()}. */
    public String key() {
        return config.key();
    }

    /** The id of the Kafka cluster that holds the topic, to check that a transaction can include it. */
    public String clusterId() throws CheckpointException {
        try {
            return admin.describeCluster().clusterId().get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new CheckpointException("Could not ask the Kafka servers " + config.servers() + " of "
                    + KafkaCheckpointConfig.PATH + " for their cluster id: " + e + ". Check that they are reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointException("Interrupted while asking Kafka for its cluster id", e);
        }
    }

    @Override
    public void save(String checkpoint) throws CheckpointException {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        try {
            producer.send(new ProducerRecord<>(config.topic(), partition.partition(), config.key(), checkpoint))
                    .get(left(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw notSaved(e.getCause());
        } catch (TimeoutException e) {
            throw new CheckpointException("Kafka did not acknowledge the checkpoint within " + config.timeout() + " at "
                    + describe() + ". Check that the brokers are reachable and the topic's partition has a leader and "
                    + "enough in-sync replicas, or raise " + KafkaCheckpointConfig.PATH + ".timeout", e);
        } catch (InterruptedException | InterruptException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointException("Interrupted while saving the checkpoint to " + describe(), e);
        } catch (KafkaException e) {
            throw notSaved(e);
        }
    }

    private CheckpointException notSaved(Throwable cause) {
        return new CheckpointException("Kafka did not store the checkpoint at " + describe() + ": " + cause.getMessage()
                + ". Check the connection and ACL settings in " + KafkaCheckpointConfig.PATH + ".producer", cause);
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    @Override
    public String describe() {
        return "kafka topic " + config.topic() + " key " + config.key() + " at servers " + config.servers();
    }

    @Override
    public void close() {
        try {
            producer.close(CLOSE_TIMEOUT);
        } finally {
            try {
                consumer.close(CLOSE_TIMEOUT);
            } finally {
                admin.close(CLOSE_TIMEOUT);
            }
        }
    }
}
