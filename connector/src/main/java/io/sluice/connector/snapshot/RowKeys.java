package io.sluice.connector.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.decode.ValueWriter;
import io.sluice.connector.schema.TableSchema;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.BitSet;

/**
 * A row's key as text, written by the event encoder's value writer, so the key of a row read by SELECT
 * and the key of the same row in a binlog event give the same text even where their cells differ in Java
 * type (the parity tests hold the two encodings equal). One thread at a time.
 */
final class RowKeys {

    private final ValueWriter values = new ValueWriter(ValueEncoding.DEFAULT);
    private final JsonFactory json = new JsonFactory();

    /**
     * @param row     a row image
     * @param present which columns the image holds, or {@code null} for all of them
     * @return the key as text, or {@code null} when the table has no key
     */
    String of(TableSchema schema, Serializable[] row, BitSet present) {
        if (!schema.hasKey()) {
            return null;
        }
        StringWriter text = new StringWriter(32);
        try (JsonGenerator g = json.createGenerator(text)) {
            g.writeStartArray();
            for (int position : schema.keyColumns()) {
                values.write(g, schema.columns().get(position), cell(row, present, position));
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A row image holds only the columns present in the event, in table order. */
    private static Serializable cell(Serializable[] row, BitSet present, int position) {
        if (present == null || row.length > position && present.cardinality() == row.length
                && present.nextClearBit(0) >= row.length) {
            return row[position]; // a full image
        }
        return present.get(position) ? row[present.get(0, position).cardinality()] : null;
    }
}
