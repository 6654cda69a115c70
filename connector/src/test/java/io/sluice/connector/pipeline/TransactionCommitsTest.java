package io.sluice.connector.pipeline;

import io.sluice.checkpoint.CheckpointStore;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.CheckpointCodec;
import io.sluice.event.ChangeEvent;
import io.sluice.sink.PublishCallback;
import io.sluice.sink.TransactionalSink;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TransactionCommitsTest {

    /** Records the checkpoints it was asked to commit. */
    private static final class RecordingSink implements TransactionalSink {
        final List<Checkpoint> commits = new ArrayList<>();

        @Override
        public void adoptCheckpoints(CheckpointStore store) {
        }

        @Override
        public Duration maxCommitInterval() {
            return Duration.ofMinutes(1);
        }

        @Override
        public String maxCommitIntervalSetting() {
            return "test";
        }

        @Override
        public void commit(String checkpoint) {
            commits.add(CheckpointCodec.decode(checkpoint));
        }

        @Override
        public void publish(ChangeEvent event, PublishCallback callback) {
        }

        @Override
        public boolean flush(Duration timeout) {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static Checkpoint row(int rowsDone) {
        return Checkpoint.of(new BinlogPosition("binlog.000001", 4, rowsDone, null));
    }

    @Test
    void commitsOnceTheIntervalPassedSinceTheFirstUncommittedEvent() throws Exception {
        RecordingSink sink = new RecordingSink();
        TransactionCommits commits = new TransactionCommits(sink, Duration.ofMillis(50), null);
        for (int i = 0; i < 100_000; i++) {
            commits.published(row(1));
        }
        commits.commitIfDue();
        assertEquals(List.of(), sink.commits, "no count trigger: many events wait for the interval");
        commits.commitIfDue();
        assertEquals(List.of(), sink.commits);
        Thread.sleep(60);
        commits.commitIfDue();
        assertEquals(List.of(row(1)), sink.commits);
    }

    @Test
    void anExplicitCommitWritesOnlyAPositionThatMoved() throws Exception {
        RecordingSink sink = new RecordingSink();
        TransactionCommits commits = new TransactionCommits(sink, Duration.ofHours(1), row(5));
        commits.commit();
        assertEquals(List.of(), sink.commits, "nothing published");
        commits.published(row(5));
        commits.commit();
        assertEquals(List.of(), sink.commits, "the position already committed");
        commits.published(row(6));
        commits.commit();
        assertEquals(List.of(row(6)), sink.commits);
    }

    @Test
    void knowsNoCommitBeforeTheFirst() {
        assertNull(new TransactionCommits(new RecordingSink(), Duration.ofSeconds(1), null).committed());
    }
}
