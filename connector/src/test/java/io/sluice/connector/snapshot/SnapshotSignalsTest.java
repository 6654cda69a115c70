package io.sluice.connector.snapshot;

import io.sluice.connector.config.FilterConfig;
import io.sluice.connector.filter.TableFilter;
import io.sluice.connector.position.TableProgress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotSignalsTest {

    private final SnapshotSignals signals = new SnapshotSignals("shop.sluice_signal",
            new TableFilter(new FilterConfig(List.of("shop"), List.of(), List.of(), List.of(), List.of())));

    @Test
    void debeziumStyleRequestsNameTablesAndConditions() {
        List<TableProgress> tables = signals.parse("{\"data-collections\": [\"shop.orders\", \"shop.items\"],"
                + " \"additional-conditions\": [{\"data-collection\": \"shop.orders\", \"filter\": \"id > 5\"}]}");
        assertEquals(List.of(TableProgress.fresh("shop", "orders", "id > 5"), TableProgress.fresh("shop", "items", null)),
                tables);
    }

    @Test
    void tablesTheFilterDoesNotCaptureAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> signals.parse("{\"data-collections\": [\"crm.people\"]}"));
        assertTrue(e.getMessage().contains("crm.people is not captured by sluice.filter"), e.getMessage());
    }

    @Test
    void malformedDataIsRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signals.parse("not json")).getMessage()
                .contains("not JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signals.parse("{}")).getMessage()
                .contains("names no tables"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signals.parse("{\"data-collections\": [\"orders\"]}"))
                .getMessage().contains("db.table"));
    }
}
