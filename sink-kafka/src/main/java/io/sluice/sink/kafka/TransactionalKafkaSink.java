package io.sluice.sink.kafka;

import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.SinkException;
import io.sluice.sink.TransactionalSink;
import io.sluice.sink.kafka.checkpoint.KafkaCheckpointStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Exactly-once delivery ({@code delivery = exactly-once}): a {@link KafkaSink} whose producer is
 * transactional. The events published between two commits form one Kafka transaction; each commit adds
 * the checkpoint record to the checkpoint store's compacted topic first, so events and position become
 * visible to {@code read_committed} consumers together, or not at all.
 *
 * <p>The producer is only created in {@link #adoptCheckpoints}: its transactional id defaults to one
 * derived from the checkpoint key, and {@code initTransactions} there fences every older producer with
 * that id and aborts what it left open, before the core reads the position.
 *
 * <p>Threads: as {@link KafkaSink}; {@link #publish} and {@link #commit} run on the core's publisher
 * thread only, which is why {@link #inTransaction} needs no lock.
 */
final class TransactionalKafkaSink implements TransactionalSink {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalKafkaSink.class);
    /** Kafka's default for {@code transaction.timeout.ms}. */
    private static final long DEFAULT_TRANSACTION_TIMEOUT_MS = 60_000;

    private final KafkaSinkConfig config;
    private final Map<String, Object> producerProps;
    private final Admin admin;
    private final Topics topics;
    private KafkaProducer<byte[], byte[]> producer;
    private KafkaSink events;
    private String transactionalId;
    private String checkpointTopic;
    private byte[] checkpointKey;
    private boolean inTransaction;

    TransactionalKafkaSink(KafkaSinkConfig config, Map<String, Object> producerProps, Admin admin, Topics topics) {
        this.config = config;
        this.producerProps = Map.copyOf(producerProps);
        this.admin = admin;
        this.topics = topics;
    }

    @Override
    public void adoptCheckpoints(CheckpointStore store) throws SinkException, InterruptedException {
        if (!(store instanceof KafkaCheckpointStore kafkaStore)) {
            throw new SinkException(KafkaSinkConfig.PATH + ".delivery = exactly-once writes the checkpoint inside the "
                    + "sink's Kafka transactions, so it needs sluice.checkpoint.store = kafka on the sink's cluster; the "
                    + "checkpoints are in " + store.describe() + ". Set sluice.checkpoint.store = kafka, or "
                    + KafkaSinkConfig.PATH + ".delivery = at-least-once");
        }
        requireSameCluster(kafkaStore);
        checkpointTopic = kafkaStore.topic();
        checkpointKey = kafkaStore.key().getBytes(StandardCharsets.UTF_8);
        transactionalId = config.transactionalId() != null ? config.transactionalId() : "sluice-" + kafkaStore.key();

        Map<String, Object> props = new HashMap<>(producerProps);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        try {
            producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            throw new SinkException("Cannot create the transactional Kafka producer from " + KafkaSinkConfig.PATH
                    + ".producer: " + KafkaErrors.messageChain(e) + ". Fix the setting named above", e);
        }
        initTransactions();
        events = new KafkaSink(config, producer, topics, transactionalId);
        LOG.info("Exactly-once delivery: Kafka transactions with transactional id {}; checkpoints committed with the "
                + "events to topic {}", transactionalId, checkpointTopic);
    }

    /** Fences older producers with this id; waits for the coordinator as long as max.block.ms, warning meanwhile. */
    private void initTransactions() throws SinkException, InterruptedException {
        ScheduledExecutorService warner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-kafka-init-warning");
            t.setDaemon(true);
            return t;
        });
        long every = config.topicCheckTimeout().toMillis();
        warner.scheduleAtFixedRate(() -> LOG.warn("Still waiting for Kafka's transaction coordinator to register "
                + "transactional id {} at servers {}. Check that the brokers are reachable, that "
                + "transaction.state.log.replication.factor and .min.isr are no more than the live brokers, and that "
                + "this user may Write the transactional id", transactionalId,
                producerProps.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)), every, every, TimeUnit.MILLISECONDS);
        try {
            producer.initTransactions();
        } catch (TransactionalIdAuthorizationException e) {
            producer.close(Duration.ZERO);
            throw new SinkException("Kafka refused the transactional id " + transactionalId + ": " + e.getMessage()
                    + ". Grant this user Write and Describe on it (kafka-acls.sh --add --allow-principal User:... "
                    + "--operation Write --operation Describe --transactional-id " + transactionalId + ")", e);
        } catch (InterruptException e) {
            producer.close(Duration.ZERO);
            Thread.interrupted();
            throw new InterruptedException("Interrupted while Kafka registered the transactional id " + transactionalId);
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new SinkException("Kafka could not start transactions for transactional id " + transactionalId + ": "
                    + e.getMessage() + ". Check that the brokers support transactions (transaction.state.log.* "
                    + "settings) and the producer settings in " + KafkaSinkConfig.PATH + ".producer", e);
        } finally {
            warner.shutdownNow();
        }
    }

    private void requireSameCluster(KafkaCheckpointStore store) throws SinkException, InterruptedException {
        String sinkCluster;
        String storeCluster;
        try {
            sinkCluster = admin.describeCluster().clusterId()
                    .get(config.topicCheckTimeout().toMillis(), TimeUnit.MILLISECONDS);
            storeCluster = store.clusterId();
        } catch (ExecutionException | TimeoutException e) {
            throw new SinkException("Could not ask the Kafka servers of " + KafkaSinkConfig.PATH + ".producer for their "
                    + "cluster id within " + config.topicCheckTimeout() + ": " + e + ". Check that they are reachable", e);
        } catch (CheckpointException e) {
            throw new SinkException(e.getMessage(), e);
        }
        if (!sinkCluster.equals(storeCluster)) {
            throw new SinkException(KafkaSinkConfig.PATH + ".delivery = exactly-once needs the checkpoint topic on the "
                    + "sink's Kafka cluster, since one transaction holds both; the sink writes to cluster " + sinkCluster
                    + " but the checkpoints are in " + store.describe() + " of cluster " + storeCluster + ". Point "
                    + "sluice.checkpoint.kafka.producer.bootstrap.servers at the sink's brokers");
        }
    }

    @Override
    public void publish(ChangeEvent event, PublishCallback callback) throws InterruptedException, SinkException {
        beginIfNeeded();
        events.publish(event, callback);
    }

    @Override
    public void commit(String checkpoint) throws SinkException, InterruptedException {
        beginIfNeeded();
        try {
            producer.send(new ProducerRecord<>(checkpointTopic, 0, checkpointKey,
                    checkpoint.getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction(); // sends what lingers, waits for every record, then commits
            inTransaction = false;
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw fenced(transactionalId, e);
        } catch (InterruptException e) {
            Thread.interrupted();
            throw new InterruptedException("Interrupted while committing a Kafka transaction");
        } catch (KafkaException e) {
            if (fencedCause(e)) {
                throw fenced(transactionalId, e);
            }
            throw new SinkException("Kafka could not commit the transaction of transactional id " + transactionalId
                    + ": " + e.getMessage() + ". None of its events is visible to read_committed consumers; Sluice "
                    + "stops, and a restart resumes from the last committed checkpoint. If the broker was away longer "
                    + "than the producer's transaction.timeout.ms, raise it in " + KafkaSinkConfig.PATH + ".producer", e);
        }
    }

    private void beginIfNeeded() throws SinkException {
        if (events == null) {
            throw new IllegalStateException("adoptCheckpoints must run before the first publish or commit");
        }
        if (!inTransaction) {
            try {
                producer.beginTransaction();
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                throw fenced(transactionalId, e);
            }
            inTransaction = true;
        }
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        return events == null || events.flush(timeout);
    }

    @Override
    public boolean connected() {
        KafkaSink current = events;
        return current != null && current.connected();
    }

    /** Half the producer's transaction.timeout.ms: a commit itself, and a slow broker, need time too. */
    @Override
    public Duration maxCommitInterval() {
        Object timeout = producerProps.get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        long millis = timeout == null ? DEFAULT_TRANSACTION_TIMEOUT_MS : Long.parseLong(timeout.toString().trim());
        return Duration.ofMillis(millis / 2);
    }

    @Override
    public String maxCommitIntervalSetting() {
        return KafkaSinkConfig.PATH + ".producer.transaction.timeout.ms (half of it)";
    }

    /** Closing aborts a transaction still open: its events stay invisible and are read again on restart. */
    @Override
    public void close() {
        if (events != null) {
            events.close();
        } else {
            topics.close();
        }
    }

    /** Whether Kafka fenced the producer, or aborted its transaction, anywhere in the cause chain. */
    static boolean fencedCause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ProducerFencedException || c instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    /** The error once Kafka fenced this producer or aborted its transaction. */
    static SinkException fenced(String transactionalId, Exception cause) {
        return new SinkException("Kafka fenced transactional id " + transactionalId + ": either another Sluice instance "
                + "started with it (exactly-once delivery allows one writer per id), or Kafka aborted this instance's "
                + "transaction because it stayed open longer than the producer's transaction.timeout.ms (a long broker "
                + "outage, or a sluice.checkpoint.interval not well below it). This instance stops; what it had not "
                + "committed stays invisible to read_committed consumers, and the running instance (or a restart) "
                + "resumes from the last committed checkpoint, so nothing is lost or duplicated. Run one instance per "
                + "sluice.checkpoint.kafka.key; if the broker was away, raise transaction.timeout.ms in "
                + KafkaSinkConfig.PATH + ".producer", cause);
    }
}
