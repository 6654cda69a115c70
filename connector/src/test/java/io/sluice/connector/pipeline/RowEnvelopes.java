package io.sluice.connector.pipeline;

import io.sluice.connector.binlog.CapturedTable;
import io.sluice.connector.binlog.RowsChange;
import io.sluice.connector.binlog.TransactionInfo;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.schema.TableSchema;
import io.sluice.event.Operation;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

/**
 * Encodes full row images through the pipeline's own {@link ChangeEncoding} and {@link EventEncoder},
 * for tests outside this package that must see rows exactly as the daemon would publish them.
 */
public final class RowEnvelopes {

    private static final TransactionInfo TRANSACTION = new TransactionInfo("test", null, "test-file", 4, null);

    private RowEnvelopes() {
    }

    /**
     * The event values (envelope JSON) of rows that are inserted ({@link Operation#CREATE}) or read by
     * a snapshot ({@link Operation#READ}), one per row, in order.
     */
    public static List<String> values(TableSchema schema, Operation operation, List<Serializable[]> rows,
                                       ValueEncoding encoding, boolean mariadb) {
        if (rows.isEmpty()) {
            return List.of();
        }
        BitSet all = new BitSet();
        all.set(0, schema.columns().size());
        RowsChange change = new RowsChange(TRANSACTION, new CapturedTable(schema, new BitSet()), operation,
                null, rows, null, all, 0, 0, 4, 1, 0);
        return ChangeEncoding.encode(new EventEncoder(encoding, mariadb), change, 0).stream()
                .map(event -> new String(event.value(), StandardCharsets.UTF_8))
                .toList();
    }
}
