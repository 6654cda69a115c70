package io.sluice.connector.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
import java.util.List;

/**
 * Writes the key and the Debezium-compatible envelope of one row change as JSON bytes, streaming
 * through Jackson's generator into a reused buffer. One instance per thread.
 *
 * <p>Envelope: {@code before}, {@code after}, {@code source} ({@code version, connector, ts_ms,
 * snapshot, db, table, server_id, gtid, file, pos, row}), {@code op}, {@code ts_ms} and
 * {@code transaction} ({@code id, total_order}). {@code source.pos} is the offset of the rows event
 * and {@code source.row} the row's index within it, as in Debezium.
 */
final class EventEncoder {

    private static final String VERSION = versionOf(EventEncoder.class);

    private final JsonFactory json = new JsonFactory();
    private final ByteSink buffer = new ByteSink();
    private final ValueWriter values;
    private final String connector;

    EventEncoder(ValueEncoding encoding, boolean mariadb) {
        this.values = new ValueWriter(encoding);
        this.connector = mariadb ? "mariadb" : "mysql";
    }

    /** The primary-key columns of the row as a JSON object, or {@code null} for a table without a key. */
    byte[] key(CapturedTable table, Serializable[] row, BitSet present) {
        TableSchema schema = table.schema();
        if (!schema.hasKey()) {
            return null;
        }
        try (JsonGenerator g = start()) {
            g.writeStartObject();
            for (int position : schema.keyColumns()) {
                ColumnSchema column = schema.columns().get(position);
                g.writeFieldName(column.name());
                values.write(g, column, valueAt(row, present, position));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** The envelope for row {@code i} of the change. */
    byte[] value(RowsChange change, int i, long emittedAtMillis) {
        CapturedTable table = change.table();
        TableSchema schema = table.schema();
        try (JsonGenerator g = start()) {
            g.writeStartObject();
            g.writeFieldName("before");
            row(g, table, change.before(), change.beforeColumns(), i);
            g.writeFieldName("after");
            row(g, table, change.after(), change.afterColumns(), i);

            g.writeObjectFieldStart("source");
            g.writeStringField("version", VERSION);
            g.writeStringField("connector", connector);
            g.writeNumberField("ts_ms", change.timestampMillis());
            g.writeStringField("snapshot", "false");
            g.writeStringField("db", schema.database());
            g.writeStringField("table", schema.table());
            g.writeNumberField("server_id", change.serverId());
            g.writeStringField("gtid", change.transaction().gtid());
            g.writeStringField("file", change.transaction().file());
            g.writeNumberField("pos", change.eventOffset());
            g.writeNumberField("row", i);
            g.writeEndObject();

            g.writeStringField("op", change.operation().code());
            g.writeNumberField("ts_ms", emittedAtMillis);
            g.writeObjectFieldStart("transaction");
            g.writeStringField("id", change.transaction().id());
            g.writeNumberField("total_order", change.firstRowIndex() + i + 1);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private void row(JsonGenerator g, CapturedTable table, List<Serializable[]> rows, BitSet present, int i)
            throws IOException {
        if (rows == null) {
            g.writeNull();
            return;
        }
        Serializable[] row = rows.get(i);
        g.writeStartObject();
        int cell = 0;
        for (ColumnSchema column : table.schema().columns()) {
            int position = column.position();
            if (present != null && !present.get(position)) {
                continue;
            }
            Serializable value = row[cell++];
            if (table.excludes(position)) {
                continue;
            }
            g.writeFieldName(column.name());
            values.write(g, column, value);
        }
        g.writeEndObject();
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

    private JsonGenerator start() throws IOException {
        buffer.reset();
        return json.createGenerator(buffer);
    }

    private static String versionOf(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
