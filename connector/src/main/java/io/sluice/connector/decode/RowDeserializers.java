package io.sluice.connector.decode;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.DeleteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * The library's rows-event deserializers with every cell decoded by {@link CellDecoding}. The library
 * keeps the row framing (table lookup, included-column and null bitmaps); only the cells change. Each
 * instance is used by the one thread that reads the binlog.
 */
final class RowDeserializers {

    /** DECIMAL(65) needs 30 bytes. */
    private static final int SCRATCH_BYTES = 32;

    private RowDeserializers() {
    }

    /** WRITE_ROWS (v1, MariaDB) and EXT_WRITE_ROWS (v2, MySQL). */
    static final class Write extends WriteRowsEventDataDeserializer {
        private final byte[] scratch = new byte[SCRATCH_BYTES];

        Write(Map<Long, TableMapEventData> tableMaps, boolean v2) {
            super(tableMaps);
            setMayContainExtraInformation(v2);
        }

        @Override
        protected Serializable deserializeCell(ColumnType type, int meta, int length, ByteArrayInputStream in)
                throws IOException {
            return CellDecoding.decode(type, meta, length, in, scratch);
        }
    }

    /** UPDATE_ROWS (v1, MariaDB) and EXT_UPDATE_ROWS (v2, MySQL). */
    static final class Update extends UpdateRowsEventDataDeserializer {
        private final byte[] scratch = new byte[SCRATCH_BYTES];

        Update(Map<Long, TableMapEventData> tableMaps, boolean v2) {
            super(tableMaps);
            setMayContainExtraInformation(v2);
        }

        @Override
        protected Serializable deserializeCell(ColumnType type, int meta, int length, ByteArrayInputStream in)
                throws IOException {
            return CellDecoding.decode(type, meta, length, in, scratch);
        }
    }

    /** DELETE_ROWS (v1, MariaDB) and EXT_DELETE_ROWS (v2, MySQL). */
    static final class Delete extends DeleteRowsEventDataDeserializer {
        private final byte[] scratch = new byte[SCRATCH_BYTES];

        Delete(Map<Long, TableMapEventData> tableMaps, boolean v2) {
            super(tableMaps);
            setMayContainExtraInformation(v2);
        }

        @Override
        protected Serializable deserializeCell(ColumnType type, int meta, int length, ByteArrayInputStream in)
                throws IOException {
            return CellDecoding.decode(type, meta, length, in, scratch);
        }
    }
}
