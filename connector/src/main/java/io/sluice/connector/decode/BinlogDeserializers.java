package io.sluice.connector.decode;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.LRUCache;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.util.Map;

/**
 * Builds the library's {@link EventDeserializer} so that every row cell decodes exactly (see
 * {@link CellDecoding} for the value types), including the rows inside MySQL's compressed transactions
 * ({@code binlog_transaction_compression=ON}), which the library otherwise decodes with a fresh default
 * deserializer.
 *
 * <p>Row events' cell values are then: TINYINT..INT {@link Integer} and BIGINT {@link Long} (signed, as
 * stored; {@link ValueWriter} applies UNSIGNED), FLOAT {@link Float}, DOUBLE {@link Double}, DECIMAL
 * {@link java.math.BigDecimal}, temporals as {@link CellDecoding} lists, YEAR {@link Integer}, ENUM
 * {@link Integer} (1-based index, 0 for ''), SET {@link Long} (bit mask), and {@code byte[]} for BIT,
 * CHAR/VARCHAR/TEXT/BINARY/BLOB (raw bytes in the column's character set), JSON (MySQL's binary JSON),
 * GEOMETRY (SRID + WKB) and VECTOR.
 *
 * <p>The result, like the library's own, is used by the one thread that reads the binlog. Note that
 * {@code BinaryLogClient} reports a deserialization failure to its lifecycle listeners and then skips
 * the event; callers must treat that callback as fatal to avoid losing rows.
 */
public final class BinlogDeserializers {

    private BinlogDeserializers() {
    }

    /** A new event deserializer with exact row decoding; give it to {@code BinaryLogClient.setEventDeserializer}. */
    public static EventDeserializer create() {
        TableMapTracking deserializer = new TableMapTracking();
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        installRowDeserializers(deserializer, deserializer.tableMaps);
        deserializer.setEventDataDeserializer(EventType.TRANSACTION_PAYLOAD, new CompressedTransactionDeserializer());
        return deserializer;
    }

    /** The deserializer for the events inside one compressed transaction: rows, table maps, no payloads. */
    static EventDeserializer createForPayload() {
        TableMapTracking deserializer = new TableMapTracking();
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        installRowDeserializers(deserializer, deserializer.tableMaps);
        return deserializer;
    }

    private static void installRowDeserializers(EventDeserializer deserializer, Map<Long, TableMapEventData> tableMaps) {
        deserializer.setEventDataDeserializer(EventType.WRITE_ROWS, new RowDeserializers.Write(tableMaps, false));
        deserializer.setEventDataDeserializer(EventType.UPDATE_ROWS, new RowDeserializers.Update(tableMaps, false));
        deserializer.setEventDataDeserializer(EventType.DELETE_ROWS, new RowDeserializers.Delete(tableMaps, false));
        deserializer.setEventDataDeserializer(EventType.EXT_WRITE_ROWS, new RowDeserializers.Write(tableMaps, true));
        deserializer.setEventDataDeserializer(EventType.EXT_UPDATE_ROWS, new RowDeserializers.Update(tableMaps, true));
        deserializer.setEventDataDeserializer(EventType.EXT_DELETE_ROWS, new RowDeserializers.Delete(tableMaps, true));
    }

    /**
     * Keeps the table maps our row deserializers read. The library's own map is private, so this records
     * each TABLE_MAP event as it passes, exactly as the library does for its built-in row deserializers.
     */
    private static final class TableMapTracking extends EventDeserializer {
        /** Same bounds as the library's own cache. */
        final Map<Long, TableMapEventData> tableMaps = new LRUCache<>(100, 0.75f, 10000);

        @Override
        public Event nextEvent(ByteArrayInputStream in) throws IOException {
            Event event = super.nextEvent(in);
            if (event != null && event.getHeader().getEventType() == EventType.TABLE_MAP) {
                EventData data = EventDataWrapper.internal(event.getData());
                if (data instanceof TableMapEventData) {
                    TableMapEventData tableMap = (TableMapEventData) data;
                    tableMaps.put(tableMap.getTableId(), tableMap);
                }
            }
            return event;
        }
    }
}
