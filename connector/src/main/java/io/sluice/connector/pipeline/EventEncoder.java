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
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.decode.ValueWriter;
import io.sluice.connector.schema.ColumnSchema;
import io.sluice.connector.schema.TableSchema;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the key and the Debezium-compatible envelope of one row change as JSON bytes. One instance
 * per thread: it keeps a single Jackson generator over a reused buffer and takes each document's
 * bytes out after flushing, and writes every field name from pre-encoded bytes.
 *
 * <p>Envelope: {@code before}, {@code after}, {@code source} ({@code version, connector, ts_ms,
 * snapshot, db, table, server_id, gtid, file, pos, row}), {@code op}, {@code ts_ms} and
 * {@code transaction} ({@code id, total_order}). {@code source.pos} is the offset of the rows event
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
    private final Map<TableSchema, SerializableString[]> columnNames = new IdentityHashMap<>();

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

    /** The primary-key columns of the row as a JSON object, or {@code null} for a table without a key. */
    byte[] key(CapturedTable table, Serializable[] row, BitSet present) {
        TableSchema schema = table.schema();
        if (!schema.hasKey()) {
            return null;
        }
        SerializableString[] names = namesOf(schema);
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

    /** The envelope for row {@code i} of the change. */
    byte[] value(RowsChange change, int i, long emittedAtMillis) {
        CapturedTable table = change.table();
        TableSchema schema = table.schema();
        try {
            buffer.reset();
            g.writeStartObject();
            g.writeFieldName(BEFORE);
            row(table, change.before(), change.beforeColumns(), i);
            g.writeFieldName(AFTER);
            row(table, change.after(), change.afterColumns(), i);

            g.writeFieldName(SOURCE);
            g.writeStartObject();
            g.writeFieldName(VERSION);
            g.writeString(version);
            g.writeFieldName(CONNECTOR);
            g.writeString(connector);
            g.writeFieldName(TS_MS);
            g.writeNumber(change.timestampMillis());
            g.writeFieldName(SNAPSHOT);
            g.writeString(FALSE);
            g.writeFieldName(DB);
            g.writeString(schema.database());
            g.writeFieldName(TABLE);
            g.writeString(schema.table());
            g.writeFieldName(SERVER_ID);
            g.writeNumber(change.serverId());
            g.writeFieldName(GTID);
            g.writeString(change.transaction().gtid());
            g.writeFieldName(FILE);
            g.writeString(change.transaction().file());
            g.writeFieldName(POS);
            g.writeNumber(change.eventOffset());
            g.writeFieldName(ROW);
            g.writeNumber(i);
            g.writeEndObject();

            g.writeFieldName(OP);
            g.writeString(change.operation().code());
            g.writeFieldName(TS_MS);
            g.writeNumber(emittedAtMillis);
            g.writeFieldName(TRANSACTION);
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeString(change.transaction().id());
            g.writeFieldName(TOTAL_ORDER);
            g.writeNumber(change.firstRowIndex() + i + 1);
            g.writeEndObject();
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
        SerializableString[] names = namesOf(table.schema());
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

    private SerializableString[] namesOf(TableSchema schema) {
        SerializableString[] names = columnNames.get(schema);
        if (names == null) {
            if (columnNames.size() >= MAX_CACHED_TABLES) {
                columnNames.clear();
            }
            names = schema.columns().stream().map(c -> new SerializedString(c.name())).toArray(SerializableString[]::new);
            columnNames.put(schema, names);
        }
        return names;
    }

    /** A row image holds only the columns present in the event, in table order. */
    private static Serializable valueAt(Serializable[] row, BitSet present, int position) {
        if (present == null || row.length == present.length() && row.length == present.cardinality()) {
            return row[position]; // a FULL row image: every column present
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
