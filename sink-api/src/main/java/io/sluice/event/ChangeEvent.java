package io.sluice.event;

import java.util.Objects;

/**
 * One committed row change, encoded and ready to publish.
 *
 * <p>The core builds events in binlog order and hands them to the sink in that order. The
 * {@code key} and {@code value} arrays are owned by the event once it is created: nobody writes to
 * them afterwards, so a sink may hand them to a broker client without copying.
 *
 * @param sequence  the core's running number for this event within one process; strictly increasing,
 *                  used only to match acknowledgements to events, never persisted
 * @param id        deterministic identity of the change: identical when the same change is read again
 *                  after a restart, so sinks and consumers can de-duplicate on it
 * @param operation what happened to the row
 * @param database  the schema (database) the table lives in
 * @param table     the table name
 * @param key       the primary-key columns as a JSON object, or {@code null} when the table has no key
 * @param value     the Debezium-compatible envelope as JSON ({@code before}, {@code after},
 *                  {@code source}, {@code op}, {@code ts_ms}, {@code transaction})
 * @param transactionId identity of the enclosing transaction (GTID, or binlog file and offset), or
 *                  {@code null} for a snapshot read
 * @param sourceTimestampMillis when the change was committed on the source, in epoch milliseconds
 */
public record ChangeEvent(
        long sequence,
        String id,
        Operation operation,
        String database,
        String table,
        byte[] key,
        byte[] value,
        String transactionId,
        long sourceTimestampMillis) {

    public ChangeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(value, "value");
    }

    /** Size of key and value together, the figure brokers compare with their message limits. */
    public int sizeInBytes() {
        return (key == null ? 0 : key.length) + value.length;
    }

    @Override
    public String toString() {
        return "ChangeEvent[" + id + " " + operation.code() + " " + database + "." + table + "]";
    }
}
