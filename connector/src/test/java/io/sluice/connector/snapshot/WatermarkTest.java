package io.sluice.connector.snapshot;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatermarkTest {

    @Test
    void filesOrderByTheirNumberThenOffsets() {
        assertTrue(new Watermark("binlog.000010", 4).compareTo(new Watermark("binlog.000009", 99999)) > 0);
        assertTrue(new Watermark("binlog.000009", 200).compareTo(new Watermark("binlog.000009", 100)) > 0);
        assertTrue(new Watermark("binlog.1000000", 4).compareTo(new Watermark("binlog.999999", 4)) > 0);
        assertTrue(Watermark.NONE.compareTo(new Watermark("binlog.000001", 4)) < 0, "an unknown file is before all");
    }

    @Test
    void changedKeysAreThoseAtOrAfterTheLowWatermark() {
        ChangedKeys keys = new ChangedKeys();
        keys.add(new Watermark("b.000001", 100), "[1]");
        keys.add(new Watermark("b.000001", 200), "[2]");
        keys.add(new Watermark("b.000002", 4), "[3]");
        assertEquals(Set.of("[2]", "[3]"), keys.since(new Watermark("b.000001", 200)));
        keys.forgetBefore(new Watermark("b.000002", 4));
        assertEquals(1, keys.size());
        assertEquals(Set.of("[3]"), keys.since(Watermark.NONE));
    }
}
