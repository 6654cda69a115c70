package io.sluice.connector.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import io.sluice.connector.binlog.CapturedTable;
import io.sluice.connector.binlog.RowsChange;
import io.sluice.connector.binlog.TransactionInfo;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.decode.ValueWriter;
import io.sluice.connector.schema.ColumnSchema;
import io.sluice.connector.schema.TableSchema;
import io.sluice.event.Operation;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the key and the Debezium-compatible envelope of one row change as JSON bytes. One instance
 * per thread: it keeps a single Jackson generator over a reused buffer and takes each document's
 * bytes out after flushing, and writes every field name from pre-encoded bytes.
 *
 * <p>Envelope: {@code before}, {@code after}, {@code source} ({@code version, connector, ts_ms,
 * snapshot, db, table, server_id, gtid, file, pos, row}), {@code op}, {@code ts_ms} and
 * {@code transaction} ({@code id, total_order}; {@code null} for a snapshot row, whose
 * {@code source.snapshot} is {@code "true"}). {@code source.pos} is the offset of the rows event
 * and {@code source.row} the row's index within it, as in Debezium.
 */
final class EventEncoder {

    private static final SerializedString BEFORE = new SerializedString("before");
    private static final SerializedString AFTER = new SerializedString("after");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString CONNECTOR = new SerializedString("connector");
    private static final SerializedString TS_MS = new SerializedString("ts_ms");
    private static final SerializedString SNAPSHOT = new SerializedString("snapshot");
    private static final SerializedString FALSE = new SerializedString("false");
    private static final SerializedString TRUE = new SerializedString("true");
    private static final SerializedString DB = new SerializedString("db");
    private static final SerializedString TABLE = new SerializedString("table");
    private static final SerializedString SERVER_ID = new SerializedString("server_id");
    private static final SerializedString GTID = new SerializedString("gtid");
    private static final SerializedString FILE = new SerializedString("file");
    private static final SerializedString POS = new SerializedString("pos");
    private static final SerializedString ROW = new SerializedString("row");
    private static final SerializedString OP = new SerializedString("op");
    private static final SerializedString TRANSACTION = new SerializedString("transaction");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString TOTAL_ORDER = new SerializedString("total_order");
    /** Bounds the field-name cache; table schemas only change on DDL, so this is rarely reached. */
    private static final int MAX_CACHED_TABLES = 10_000;

    private final ByteSink buffer = new ByteSink();
    private final JsonGenerator g;
    private final ValueWriter values;
    private final SerializedString version;
    private final SerializedString connector;
    private final Map<TableSchema, TableStrings> tables = new IdentityHashMap<>();

    /** Names written for every row of a table, encoded once. */
    private record TableStrings(SerializableString[] columns, SerializableString database, SerializableString table) {
    }

    // State of the change being encoded, set by begin(): the same for all its rows.
    private RowsChange change;
    private TableStrings strings;
    private BitSet beforeColumns;
    private BitSet afterColumns;
    private TransactionInfo transaction;
    private SerializableString transactionId;
    private SerializableString gtid;
    private SerializableString file;

    EventEncoder(ValueEncoding encoding, boolean mariadb) {
        JsonFactory json = new JsonFactoryBuilder()
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                // emoji from String values come out as UTF-8, like those copied from utf8mb4 bytes
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .rootValueSeparator((String) null) // documents are cut out of the buffer one by one
                .build();
        try {
            this.g = json.createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.values = new ValueWriter(encoding);
        this.version = new SerializedString(versionOf(EventEncoder.class));
        this.connector = new SerializedString(mariadb ? "mariadb" : "mysql");
    }

    /** Prepares for the rows of one change: everything that is the same for all of them is done here. */
    void begin(RowsChange next) {
        change = next;
        strings = stringsOf(next.table().schema());
        int width = next.table().schema().columns().size();
        beforeColumns = partial(next.beforeColumns(), width);
        afterColumns = partial(next.afterColumns(), width);
        if (next.transaction() != transaction) {
            transaction = next.transaction();
            transactionId = new SerializedString(transaction.id());
            gtid = transaction.gtid() == null ? null : new SerializedString(transaction.gtid());
            file = new SerializedString(transaction.file());
        }
    }

    /** The columns a row image holds, or {@code null} when it holds all of them (a FULL row image). */
    private static BitSet partial(BitSet present, int width) {
        return present == null || present.cardinality() == width ? null : present;
    }

    /**
     * The primary-key columns of row {@code i} of the current change as a JSON object, or {@code null}
     * for a table without a key.
     *
     * @param beforeImage take the key from the row as it was (deletes, and the old key of an update)
     *                    rather than as it is now
     */
    byte[] key(int i, boolean beforeImage) {
        TableSchema schema = change.table().schema();
        if (!schema.hasKey()) {
            return null;
        }
        Serializable[] row = (beforeImage ? change.before() : change.after()).get(i);
        BitSet present = beforeImage ? beforeColumns : afterColumns;
        SerializableString[] names = strings.columns();
        try {
            buffer.reset();
            g.writeStartObject();
            for (int position : schema.keyColumns()) {
                g.writeFieldName(names[position]);
                values.write(g, schema.columns().get(position), valueAt(row, present, position));
            }
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** Whether update row {@code i} moved to another key: compares the key cells, encodes nothing. */
    boolean keyChanged(int i) {
        TableSchema schema = change.table().schema();
        Serializable[] before = change.before().get(i);
        Serializable[] after = change.after().get(i);
        for (int position : schema.keyColumns()) {
            if (!Objects.deepEquals(valueAt(before, beforeColumns, position), valueAt(after, afterColumns, position))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The envelope for row {@code i} of the current change, as {@code operation}: the change's own, or
     * for an update that moves a row to another key, a delete (before image only) or a create (after
     * image only).
     */
    byte[] value(int i, long emittedAtMillis, Operation operation) {
        CapturedTable table = change.table();
        try {
            buffer.reset();
            g.writeStartObject();
            g.writeFieldName(BEFORE);
            row(table, operation == Operation.CREATE ? null : change.before(), beforeColumns, i);
            g.writeFieldName(AFTER);
            row(table, operation == Operation.DELETE ? null : change.after(), afterColumns, i);

            g.writeFieldName(SOURCE);
            g.writeStartObject();
            g.writeFieldName(VERSION);
            g.writeString(version);
            g.writeFieldName(CONNECTOR);
            g.writeString(connector);
            g.writeFieldName(TS_MS);
            g.writeNumber(change.timestampMillis());
            g.writeFieldName(SNAPSHOT);
            g.writeString(operation == Operation.READ ? TRUE : FALSE);
            g.writeFieldName(DB);
            g.writeString(strings.database());
            g.writeFieldName(TABLE);
            g.writeString(strings.table());
            g.writeFieldName(SERVER_ID);
            g.writeNumber(change.serverId());
            g.writeFieldName(GTID);
            if (gtid == null) {
                g.writeNull();
            } else {
                g.writeString(gtid);
            }
            g.writeFieldName(FILE);
            g.writeString(file);
            g.writeFieldName(POS);
            g.writeNumber(change.eventOffset());
            g.writeFieldName(ROW);
            g.writeNumber(change.firstRowInEvent() + i);
            g.writeEndObject();

            g.writeFieldName(OP);
            g.writeString(operation.code());
            g.writeFieldName(TS_MS);
            g.writeNumber(emittedAtMillis);
            g.writeFieldName(TRANSACTION);
            if (operation == Operation.READ) {
                g.writeNull(); // a snapshot row belongs to no source transaction, as in Debezium
            } else {
                g.writeStartObject();
                g.writeFieldName(ID);
                g.writeString(transactionId);
                g.writeFieldName(TOTAL_ORDER);
                g.writeNumber(change.firstRowIndex() + i + 1);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private void row(CapturedTable table, List<Serializable[]> rows, BitSet present, int i) throws IOException {
        if (rows == null) {
            g.writeNull();
            return;
        }
        Serializable[] row = rows.get(i);
        List<ColumnSchema> columns = table.schema().columns();
        SerializableString[] names = strings.columns();
        g.writeStartObject();
        int cell = 0;
        for (int position = 0; position < columns.size(); position++) {
            if (present != null && !present.get(position)) {
                continue;
            }
            Serializable value = row[cell++];
            if (table.excludes(position)) {
                continue;
            }
            g.writeFieldName(names[position]);
            values.write(g, columns.get(position), value);
        }
        g.writeEndObject();
    }

    private TableStrings stringsOf(TableSchema schema) {
        TableStrings cached = tables.get(schema);
        if (cached == null) {
            if (tables.size() >= MAX_CACHED_TABLES) {
                tables.clear();
            }
            cached = new TableStrings(
                    schema.columns().stream().map(c -> new SerializedString(c.name())).toArray(SerializableString[]::new),
                    new SerializedString(schema.database()), new SerializedString(schema.table()));
            tables.put(schema, cached);
        }
        return cached;
    }

    /** A row image holds only the columns present in the event, in table order; null means all. */
    private static Serializable valueAt(Serializable[] row, BitSet present, int position) {
        if (present == null) {
            return row[position];
        }
        if (!present.get(position)) {
            return null;
        }
        return row[present.get(0, position).cardinality()];
    }

    private static String versionOf(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
