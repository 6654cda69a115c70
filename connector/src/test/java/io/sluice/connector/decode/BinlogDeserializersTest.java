package io.sluice.connector.decode;

import com.github.luben.zstd.ZstdOutputStream;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.sluice.connector.decode.CellDecodingTest.MysqlPacking;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Whole binlog events, built byte by byte, through the configured {@link EventDeserializer}. */
class BinlogDeserializersTest {

    private static final int TABLE_MAP = 19;
    private static final int WRITE_ROWS_V1 = 23;
    private static final int UPDATE_ROWS_V1 = 24;
    private static final int DELETE_ROWS_V1 = 25;
    private static final int WRITE_ROWS_V2 = 30;
    private static final int TRANSACTION_PAYLOAD = 40;
    private static final long TABLE_ID = 42;

    private static final ColumnType[] TYPES = {
        ColumnType.LONG, ColumnType.TIME_V2, ColumnType.DATETIME_V2, ColumnType.TIMESTAMP_V2, ColumnType.DATE,
        ColumnType.YEAR, ColumnType.NEWDECIMAL, ColumnType.VARCHAR, ColumnType.STRING, ColumnType.JSON,
        ColumnType.BIT, ColumnType.STRING, ColumnType.STRING, ColumnType.LONGLONG, ColumnType.BLOB,
    };

    private static final String DECIMAL = "-12345678901234567890123456789012345.123456789012345678901234567891";

    /** The cells of the test row, encoded as MySQL logs them. */
    private static byte[] rowCells() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0x40}); // null bitmap: 15 columns, only the last (the BLOB) is null
        out.writeBytes(new byte[] {7, 0, 0, 0});
        out.writeBytes(MysqlPacking.time2(true, 0, 0, 1, 500_000, 3));
        out.writeBytes(MysqlPacking.datetime2(9999, 12, 31, 23, 59, 59, 999_999, 6));
        out.writeBytes(new byte[] {0x65, (byte) 0xe0, (byte) 0x8a, 0x5c, 0x04, (byte) 0xce});
        out.writeBytes(new byte[] {0, 0, 0});
        out.write(0);
        out.writeBytes(MysqlPacking.decimal(new BigDecimal(DECIMAL), 65, 30));
        byte[] text = "é😀".getBytes(StandardCharsets.UTF_8);
        out.write(text.length);
        out.writeBytes(text);
        out.writeBytes(new byte[] {2, 'a', 'b'});
        byte[] json = MysqlJsonTextTest.Doc.object("k", MysqlJsonTextTest.Doc.string("ü")).bytes();
        out.writeBytes(new byte[] {(byte) json.length, 0, 0, 0});
        out.writeBytes(json);
        out.writeBytes(new byte[] {2, 1});
        out.write(3); // ENUM index
        out.write(5); // SET bits
        out.writeBytes(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1});
        return out.toByteArray();
    }

    private static void assertRow(Serializable[] row) {
        assertEquals(15, row.length);
        assertEquals(7, row[0]);
        assertEquals(Duration.parse("-PT1.5S"), row[1]);
        assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), row[2]);
        assertEquals(Instant.parse("2024-02-29T13:45:00.123Z"), row[3]);
        assertEquals(InvalidDate.ZERO, row[4]);
        assertEquals(0, row[5]);
        assertEquals(DECIMAL, ((BigDecimal) row[6]).toPlainString());
        assertArrayEquals("é😀".getBytes(StandardCharsets.UTF_8), (byte[]) row[7]);
        assertArrayEquals(new byte[] {'a', 'b'}, (byte[]) row[8]);
        assertEquals("{\"k\":\"ü\"}", jsonText((byte[]) row[9]));
        assertArrayEquals(new byte[] {2, 1}, (byte[]) row[10]);
        assertEquals(3, row[11]);
        assertEquals(5L, row[12]);
        assertEquals(-1L, row[13]);
        assertNull(row[14]);
    }

    private static String jsonText(byte[] document) {
        StringBuilder out = new StringBuilder();
        new MysqlJsonText().append(document, out);
        return out.toString();
    }

    @Test
    void rowsDecodeExactly() throws IOException {
        EventDeserializer deserializer = BinlogDeserializers.create();
        ByteArrayInputStream in = stream(event(TABLE_MAP, tableMap()), event(WRITE_ROWS_V2, rows(true, rowCells())),
                event(WRITE_ROWS_V1, rows(false, rowCells())));
        assertInstanceOf(TableMapEventData.class, deserializer.nextEvent(in).getData());
        WriteRowsEventData v2 = deserializer.nextEvent(in).getData();
        assertRow(v2.getRows().get(0));
        WriteRowsEventData v1 = deserializer.nextEvent(in).getData();
        assertRow(v1.getRows().get(0));
    }

    @Test
    void updatesAndDeletesDecodeExactly() throws IOException {
        EventDeserializer deserializer = BinlogDeserializers.create();
        byte[] pair = concat(rowCells(), rowCells());
        ByteArrayInputStream in = stream(event(TABLE_MAP, tableMap()), event(UPDATE_ROWS_V1, updateRows(pair)),
                event(DELETE_ROWS_V1, rows(false, rowCells())));
        deserializer.nextEvent(in);
        UpdateRowsEventData update = deserializer.nextEvent(in).getData();
        Map.Entry<Serializable[], Serializable[]> change = update.getRows().get(0);
        assertRow(change.getKey());
        assertRow(change.getValue());
        DeleteRowsEventData delete = deserializer.nextEvent(in).getData();
        assertRow(delete.getRows().get(0));
    }

    @Test
    void compressedTransactionsDecodeTheSame() throws IOException {
        byte[] inner = concat(event(TABLE_MAP, tableMap()), event(WRITE_ROWS_V2, rows(true, rowCells())));
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (ZstdOutputStream zstd = new ZstdOutputStream(compressed)) {
            zstd.write(inner);
        }
        for (Object[] payload : new Object[][] {{0, compressed.toByteArray()}, {255, inner}}) {
            EventDeserializer deserializer = BinlogDeserializers.create();
            byte[] data = (byte[]) payload[1];
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            field(body, 2, (Integer) payload[0]);
            field(body, 3, inner.length);
            field(body, 1, data.length);
            body.write(0);
            body.writeBytes(data);
            Event event = deserializer.nextEvent(stream(event(TRANSACTION_PAYLOAD, body.toByteArray())));
            TransactionPayloadEventData transaction = event.getData();
            List<Event> events = transaction.getUncompressedEvents();
            assertEquals(2, events.size());
            assertEquals(EventType.TABLE_MAP, events.get(0).getHeader().getEventType());
            WriteRowsEventData rows = events.get(1).getData();
            assertRow(rows.getRows().get(0));
        }
    }

    @Test
    void rowsWriteAsJson() throws IOException {
        EventDeserializer deserializer = BinlogDeserializers.create();
        ByteArrayInputStream in = stream(event(TABLE_MAP, tableMap()), event(WRITE_ROWS_V2, rows(true, rowCells())));
        deserializer.nextEvent(in);
        Serializable[] row = ((WriteRowsEventData) deserializer.nextEvent(in).getData()).getRows().get(0);
        int[] metas = metas();
        io.sluice.connector.schema.ColumnSchema[] columns = {
            Columns.of(ColumnType.LONG, 0), Columns.of(ColumnType.TIME_V2, 3), Columns.of(ColumnType.DATETIME_V2, 6),
            Columns.of(ColumnType.TIMESTAMP_V2, 3), Columns.of(ColumnType.DATE, 0), Columns.of(ColumnType.YEAR, 0),
            Columns.of(ColumnType.NEWDECIMAL, metas[6]), Columns.text(ColumnType.VARCHAR, 40, Columns.UTF8MB4),
            Columns.text(ColumnType.STRING, metas[8], Columns.BINARY), Columns.of(ColumnType.JSON, 4),
            Columns.of(ColumnType.BIT, metas[10]), Columns.enumOf("a", "b", "c"), Columns.setOf("x", "y", "z"),
            Columns.unsigned(ColumnType.LONGLONG), Columns.text(ColumnType.BLOB, 2, Columns.BINARY),
        };
        StringBuilder json = new StringBuilder();
        ValueWriter writer = new ValueWriter(ValueEncoding.DEFAULT);
        for (int i = 0; i < columns.length; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
                writer.write(g, columns[i], row[i]);
            }
            json.append(out.toString(StandardCharsets.UTF_8)).append(' ');
        }
        assertEquals("7 \"-00:00:01.500\" \"9999-12-31T23:59:59.999999\" \"2024-02-29T13:45:00.123Z\" \"0000-00-00\" 0 \""
                + DECIMAL + "\" \"é😀\" \"YWIAAA==\" \"{\\\"k\\\":\\\"ü\\\"}\" \"AgE=\" \"c\" \"x,z\" 18446744073709551615 null ",
                json.toString());
    }

    // ---- event building

    private static int[] metas() {
        return new int[] {0, 3, 6, 3, 0, 0, 30 << 8 | 65, 40, Columns.charMeta(4), 4, 1 << 8 | 2,
            ColumnType.ENUM.getCode() << 8 | 1, ColumnType.SET.getCode() << 8 | 1, 0, 2};
    }

    private static byte[] tableMap() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(TABLE_ID, 6));
        out.writeBytes(new byte[] {0, 0});
        writeName(out, "db");
        writeName(out, "t");
        out.write(TYPES.length);
        for (ColumnType type : TYPES) {
            out.write(type.getCode());
        }
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        int[] metas = metas();
        for (int i = 0; i < TYPES.length; i++) {
            switch (TYPES[i]) {
                case TIME_V2:
                case DATETIME_V2:
                case TIMESTAMP_V2:
                case JSON:
                case BLOB:
                    meta.write(metas[i]);
                    break;
                case NEWDECIMAL:
                case VARCHAR:
                case BIT:
                    meta.writeBytes(le(metas[i], 2));
                    break;
                case STRING:
                    meta.write(metas[i] >> 8);
                    meta.write(metas[i] & 0xFF);
                    break;
                default:
            }
        }
        out.write(meta.size());
        out.writeBytes(meta.toByteArray());
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF}); // nullability
        return out.toByteArray();
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        out.write(name.length());
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
    }

    private static byte[] rows(boolean v2, byte[] cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(TABLE_ID, 6));
        out.writeBytes(new byte[] {0, 0});
        if (v2) {
            out.writeBytes(new byte[] {2, 0});
        }
        out.write(TYPES.length);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0x7F}); // all 15 columns present
        out.writeBytes(cells);
        return out.toByteArray();
    }

    private static byte[] updateRows(byte[] cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(TABLE_ID, 6));
        out.writeBytes(new byte[] {0, 0});
        out.write(TYPES.length);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0x7F});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0x7F});
        out.writeBytes(cells);
        return out.toByteArray();
    }

    /** A v4 event without checksum: timestamp, type, server id, length, next position, flags, data. */
    private static byte[] event(int type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(1_700_000_000L, 4));
        out.write(type);
        out.writeBytes(le(1, 4));
        out.writeBytes(le(19 + data.length, 4));
        out.writeBytes(le(0, 4));
        out.writeBytes(new byte[] {0, 0});
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** A transaction payload header field: type, length of the packed value, packed value. */
    private static void field(ByteArrayOutputStream out, int type, long value) {
        byte[] packed = packed(value);
        out.write(type);
        out.write(packed.length);
        out.writeBytes(packed);
    }

    private static byte[] packed(long value) {
        if (value < 251) {
            return new byte[] {(byte) value};
        }
        if (value < 1 << 16) {
            return concat(new byte[] {(byte) 0xFC}, le(value, 2));
        }
        if (value < 1 << 24) {
            return concat(new byte[] {(byte) 0xFD}, le(value, 3));
        }
        return concat(new byte[] {(byte) 0xFE}, le(value, 8));
    }

    private static ByteArrayInputStream stream(byte[]... events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] event : events) {
            out.writeBytes(event);
        }
        return new ByteArrayInputStream(out.toByteArray());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] le(long value, int bytes) {
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[i] = (byte) (value >> (8 * i));
        }
        return out;
    }
}
