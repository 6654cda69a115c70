package io.sluice.connector.decode;

import com.github.luben.zstd.ZstdInputStream;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TransactionPayloadEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;

/**
 * TRANSACTION_PAYLOAD (MySQL 8.0.20+ {@code binlog_transaction_compression}): the library's version
 * decodes the inner events with a new default {@link EventDeserializer}, so their rows would decode
 * differently from uncompressed ones. This one decodes them with {@link BinlogDeserializers#createForPayload},
 * reused across payloads (each payload carries its own TABLE_MAP events), and also accepts uncompressed
 * payloads (compression type NONE).
 */
final class CompressedTransactionDeserializer extends TransactionPayloadEventDataDeserializer {

    private static final int FIELD_END = 0;
    private static final int FIELD_SIZE = 1;
    private static final int FIELD_COMPRESSION_TYPE = 2;
    private static final int FIELD_UNCOMPRESSED_SIZE = 3;
    private static final int COMPRESSION_ZSTD = 0;
    private static final int COMPRESSION_NONE = 255;

    private final EventDeserializer inner = BinlogDeserializers.createForPayload();

    @Override
    public TransactionPayloadEventData deserialize(ByteArrayInputStream in) throws IOException {
        TransactionPayloadEventData data = new TransactionPayloadEventData();
        while (in.available() > 0) {
            int field = in.readPackedInteger();
            if (field == FIELD_END) {
                break;
            }
            int length = in.readPackedInteger();
            switch (field) {
                case FIELD_SIZE:
                    data.setPayloadSize(in.readPackedInteger());
                    break;
                case FIELD_COMPRESSION_TYPE:
                    data.setCompressionType(in.readPackedInteger());
                    break;
                case FIELD_UNCOMPRESSED_SIZE:
                    data.setUncompressedSize(in.readPackedLong());
                    break;
                default:
                    in.read(length);
            }
        }
        if (data.getUncompressedSize() == 0) {
            data.setUncompressedSize(data.getPayloadSize());
        }
        data.setPayload(in.read(data.getPayloadSize()));
        data.setUncompressedEvents(events(data));
        return data;
    }

    private ArrayList<Event> events(TransactionPayloadEventData data) throws IOException {
        ArrayList<Event> events = new ArrayList<>();
        try (InputStream payload = open(data)) {
            ByteArrayInputStream in = new ByteArrayInputStream(payload);
            for (Event event = inner.nextEvent(in); event != null; event = inner.nextEvent(in)) {
                events.add(event);
            }
        }
        return events;
    }

    private static InputStream open(TransactionPayloadEventData data) throws IOException {
        InputStream raw = new java.io.ByteArrayInputStream(data.getPayload());
        switch (data.getCompressionType()) {
            case COMPRESSION_ZSTD:
                return new ZstdInputStream(raw);
            case COMPRESSION_NONE:
                return raw;
            default:
                throw new IOException("transaction payload uses compression type " + data.getCompressionType()
                        + ", which this reader does not know (MySQL defines 0 = ZSTD and 255 = NONE)");
        }
    }
}
