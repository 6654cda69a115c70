package io.sluice.connector.pipeline;

import io.sluice.connector.binlog.RowsChange;
import io.sluice.event.Operation;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns every row of one change into the events to publish. Pure apart from the encoder it is given,
 * so changes can be encoded on several threads while the publisher restores their order.
 */
final class ChangeEncoding {

    /**
     * One event ready to publish.
     *
     * @param rowsDone the rows of the transaction complete once this event is acknowledged
     */
    record Encoded(Operation operation, String id, byte[] key, byte[] value, long rowsDone) {
        int size() {
            return value.length + (key == null ? 0 : key.length);
        }
    }

    private ChangeEncoding() {
    }

    static List<Encoded> encode(EventEncoder encoder, RowsChange change, long emittedAtMillis) {
        encoder.begin(change);
        int rows = change.rowCount();
        List<Encoded> events = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Operation operation = change.operation();
            long rowIndex = change.firstRowIndex() + i;
            String id = change.transaction().id() + "#" + rowIndex;
            byte[] key = encoder.key(i, operation == Operation.DELETE);
            if (operation == Operation.UPDATE && key != null && encoder.keyChanged(i)) {
                // The row moved to another key: as in Debezium, a delete of the old key, then a create
                // of the new one, so a compacted topic does not keep the old key alive. The row is only
                // done (its position reached) after the create.
                events.add(new Encoded(Operation.DELETE, id + ".d", encoder.key(i, true),
                        encoder.value(i, emittedAtMillis, Operation.DELETE), rowIndex));
                operation = Operation.CREATE;
            }
            events.add(new Encoded(operation, id, key, encoder.value(i, emittedAtMillis, operation), rowIndex + 1));
        }
        return events;
    }
}
