package io.sluice.connector.position;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointCodecTest {

    @Test
    void aSnapshotInProgressSurvivesTheRoundTrip() {
        Checkpoint checkpoint = new Checkpoint(new BinlogPosition("binlog.000003", 1234, 5, "uuid:1-9"),
                new SnapshotProgress(List.of(
                        new TableProgress("shop", "orders", null, List.of("MTIz", "YQ=="), 16384),
                        TableProgress.fresh("shop", "customers", "id > 10"))));
        assertEquals(checkpoint, CheckpointCodec.decode(CheckpointCodec.encode(checkpoint)));
    }

    @Test
    void aPositionAloneHasNoSnapshot() {
        Checkpoint checkpoint = Checkpoint.of(new BinlogPosition("binlog.000001", 4, 0, null));
        String text = CheckpointCodec.encode(checkpoint);
        assertTrue(!text.contains("snapshot"), text);
        assertEquals(checkpoint, CheckpointCodec.decode(text));
    }

    @Test
    void checkpointsOfTheFirstVersionAreStillRead() {
        Checkpoint old = CheckpointCodec.decode("{\"version\":1,\"file\":\"binlog.000002\",\"offset\":157,\"rows_to_skip\":3}");
        assertEquals(new BinlogPosition("binlog.000002", 157, 3, null), old.binlog());
        assertNull(old.snapshot());
    }

    @Test
    void anUnknownVersionIsRefusedWithWhatWasFound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckpointCodec.decode("{\"version\":9,\"file\":\"f\",\"offset\":4}"));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
    }

    @Test
    void progressDropsFinishedTablesAndIgnoresTablesAlreadyQueued() {
        SnapshotProgress progress = SnapshotProgress.plus(null, List.of(TableProgress.fresh("a", "t", null)));
        progress = SnapshotProgress.plus(progress, List.of(TableProgress.fresh("a", "t", "x = 1"),
                TableProgress.fresh("a", "u", null)));
        assertEquals(List.of("a.t", "a.u"), progress.tables().stream().map(TableProgress::qualifiedName).toList());
        assertNull(progress.without("a.t").without("a.u"));
    }
}
