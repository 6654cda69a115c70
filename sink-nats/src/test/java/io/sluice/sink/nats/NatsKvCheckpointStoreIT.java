package io.sluice.sink.nats;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.StorageType;
import io.nats.client.impl.Headers;
import io.sluice.checkpoint.CheckpointException;
import io.sluice.checkpoint.CheckpointStore;
import io.sluice.servers.NatsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nats-kv checkpoint store against a real nats-server with JetStream; each test uses its own bucket. */
@Timeout(120)
class NatsKvCheckpointStoreIT {

    private static NatsServer server;
    private static Connection reader;
    private static KeyValueManagement kvm;
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        server = NatsServer.builder().start();
        reader = Nats.connect(server.url());
        kvm = reader.keyValueManagement();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String freshBucket() {
        return "checkpoints-" + BUCKETS.incrementAndGet();
    }

    private static Config settings(String bucket, String key, String extra) {
        return ConfigFactory.parseString("servers = [\"" + server.url() + "\"]\nbucket = " + bucket
                        + "\nkey = " + key + "\n" + extra)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.checkpoint.nats-kv"));
    }

    private static CheckpointStore open(String bucket, String key) throws CheckpointException {
        return new NatsKvCheckpointStoreFactory().create(settings(bucket, key, ""));
    }

    @Test
    void savedCheckpointIsLoadedByTheNextInstance() throws Exception {
        String bucket = freshBucket();
        try (CheckpointStore store = open(bucket, "orders-db")) {
            assertEquals(Optional.empty(), store.load(), "nothing saved yet");
            store.save("{\"file\":\"binlog.000001\",\"pos\":4}");
            store.save("{\"file\":\"binlog.000001\",\"pos\":900}");
            assertEquals(Optional.of("{\"file\":\"binlog.000001\",\"pos\":900}"), store.load());
        }
        try (CheckpointStore restarted = open(bucket, "orders-db")) {
            assertEquals(Optional.of("{\"file\":\"binlog.000001\",\"pos\":900}"), restarted.load());
            restarted.save("{\"file\":\"binlog.000002\",\"pos\":4}");
        }
        try (CheckpointStore again = open(bucket, "orders-db"); CheckpointStore other = open(bucket, "crm-db")) {
            assertEquals(Optional.of("{\"file\":\"binlog.000002\",\"pos\":4}"), again.load());
            assertEquals(Optional.empty(), other.load(), "keys of other instances are separate");
        }
    }

    @Test
    void aDeletedKeyLoadsEmptyAndCanBeSavedAgain() throws Exception {
        String bucket = freshBucket();
        try (CheckpointStore store = open(bucket, "k")) {
            store.load();
            store.save("one");
        }
        KeyValue kv = reader.keyValue(bucket);
        kv.delete("k");
        try (CheckpointStore store = open(bucket, "k")) {
            assertEquals(Optional.empty(), store.load());
            store.save("two");
            assertEquals("two", kv.get("k").getValueAsString());
        }
    }

    @Test
    void aSecondInstanceWithTheSameKeyStopsWithAClearMessage() throws Exception {
        String bucket = freshBucket();
        try (CheckpointStore setup = open(bucket, "shared")) {
            setup.load();
            setup.save("start");
        }
        try (CheckpointStore a = open(bucket, "shared"); CheckpointStore b = open(bucket, "shared")) {
            assertEquals(Optional.of("start"), a.load());
            assertEquals(Optional.of("start"), b.load());
            a.save("from A");
            CheckpointException e = assertThrows(CheckpointException.class, () -> b.save("from B"));
            assertTrue(e.getMessage().startsWith("another Sluice instance is writing checkpoint key shared in NATS KV"
                    + " bucket " + bucket + " at [" + server.url() + "]: this instance ("), e.getMessage());
            assertTrue(e.getMessage().contains("Give every instance its own sluice.checkpoint.nats-kv.key, or stop"
                    + " the other instance"), e.getMessage());
            assertThrows(CheckpointException.class, () -> b.save("from B, retried"), "a retry fails the same way");
            assertThrows(CheckpointException.class, () -> b.save("from A"),
                    "once fenced, even the other instance's value does not let a save through");
            a.save("from A again");
            assertEquals(Optional.of("from A again"), open(bucket, "shared").load());
        }
    }

    @Test
    void twoFirstSavesOfTheSameNewKeyConflictToo() throws Exception {
        String bucket = freshBucket();
        try (CheckpointStore a = open(bucket, "new"); CheckpointStore b = open(bucket, "new")) {
            assertEquals(Optional.empty(), a.load());
            assertEquals(Optional.empty(), b.load());
            a.save("from A");
            CheckpointException e = assertThrows(CheckpointException.class, () -> b.save("from B"));
            assertTrue(e.getMessage().contains("last saw revision none, but revision 1 was written by the Sluice"
                    + " instance "), e.getMessage());
        }
    }

    @Test
    void twoInstancesSavingTheSamePositionStillConflict() throws Exception {
        // Two instances reading one binlog save identical positions; the second must not take the
        // first one's value for its own lost write and go on.
        String bucket = freshBucket();
        try (CheckpointStore a = open(bucket, "same"); CheckpointStore b = open(bucket, "same")) {
            a.load();
            b.load();
            a.save("{\"pos\":4}");
            CheckpointException e = assertThrows(CheckpointException.class, () -> b.save("{\"pos\":4}"));
            assertTrue(e.getMessage().startsWith("another Sluice instance is writing checkpoint key same"),
                    e.getMessage());
            a.save("{\"pos\":8}");
        }
    }

    @Test
    void aValueWrittenByAnotherToolFencesTheInstance() throws Exception {
        String bucket = freshBucket();
        try (CheckpointStore store = open(bucket, "k")) {
            store.load();
            store.save("one");
            reader.keyValue(bucket).put("k", "edited by hand");
            CheckpointException e = assertThrows(CheckpointException.class, () -> store.save("two"));
            assertTrue(e.getMessage().startsWith("something else changed checkpoint key k in NATS KV bucket "
                    + bucket), e.getMessage());
            assertTrue(e.getMessage().contains("was written by something other than Sluice"), e.getMessage());
        }
    }

    @Test
    void aRetriedSaveWhoseFirstAttemptWasStoredIsAccepted() throws Exception {
        String bucket = freshBucket();
        try (CheckpointStore store = open(bucket, "k")) {
            store.load();
            store.save("one");
            // As if the reply to a save of "two" had been lost: the value is stored, with this store's
            // name, and the store does not know the new revision.
            String subject = "$KV." + bucket + ".k";
            String self = reader.jetStreamManagement().getLastMessage("KV_" + bucket, subject).getHeaders()
                    .getFirst(NatsKvCheckpointStore.INSTANCE_HEADER);
            reader.jetStream().publish(subject, new Headers().put(NatsKvCheckpointStore.INSTANCE_HEADER, self),
                    "two".getBytes(StandardCharsets.UTF_8));
            store.save("two");
            assertEquals("two", reader.keyValue(bucket).get("k").getValueAsString());
            // Also when the core retries with a newer position than the one whose reply was lost.
            reader.jetStream().publish(subject, new Headers().put(NatsKvCheckpointStore.INSTANCE_HEADER, self),
                    "three".getBytes(StandardCharsets.UTF_8));
            store.save("four");
            store.save("five");
            assertEquals("five", reader.keyValue(bucket).get("k").getValueAsString());
        }
    }

    @Test
    void theBucketIsCreatedWithFileStorageOrMustExist() throws Exception {
        String bucket = freshBucket();
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> new NatsKvCheckpointStoreFactory().create(settings(bucket, "k", "create-bucket = false")));
        assertTrue(e.getMessage().contains("the NATS KV bucket " + bucket + " does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("sluice.checkpoint.nats-kv.create-bucket = true"), e.getMessage());
        assertFalse(kvm.getBucketNames().contains(bucket));

        try (CheckpointStore store = open(bucket, "k")) {
            assertEquals("NATS KV bucket " + bucket + " key k at servers [" + server.url() + "]", store.describe());
        }
        KeyValueStatus status = kvm.getStatus(bucket);
        assertEquals(StorageType.File, status.getStorageType());
        assertEquals(1, status.getMaxHistoryPerKey());
        try (CheckpointStore existing = new NatsKvCheckpointStoreFactory()
                .create(settings(bucket, "k", "create-bucket = false"))) {
            assertEquals(Optional.empty(), existing.load());
        }
    }

    @Test
    void anUnreachableServerIsReportedWithTheKeyToCheck() {
        CheckpointException e = assertThrows(CheckpointException.class, () -> new NatsKvCheckpointStoreFactory()
                .create(settings(freshBucket(), "k", "servers = [\"nats://127.0.0.1:1\"], connect-timeout = 1s")));
        assertTrue(e.getMessage().contains("sluice.checkpoint.nats-kv.servers"), e.getMessage());
    }
}
