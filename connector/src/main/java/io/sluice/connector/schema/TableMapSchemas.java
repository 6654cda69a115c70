package io.sluice.connector.schema;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata.DefaultCharset;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link TableSchema} from the metadata a TABLE_MAP event carries when the server writes
 * {@code binlog_row_metadata=FULL}: the exact schema at that point of the log, with no DDL parsing.
 */
public final class TableMapSchemas {

    private TableMapSchemas() {
    }

    /** Whether the event carries column names, i.e. the server logs FULL row metadata. */
    public static boolean hasFullMetadata(TableMapEventData event) {
        TableMapEventMetadata metadata = event.getEventMetadata();
        return metadata != null && metadata.getColumnNames() != null
                && metadata.getColumnNames().size() == event.getColumnTypes().length;
    }

    /** Builds the schema; call only when {@link #hasFullMetadata} holds. */
    public static TableSchema build(TableMapEventData event) {
        TableMapEventMetadata metadata = event.getEventMetadata();
        byte[] types = event.getColumnTypes();
        int[] metas = event.getColumnMetadata();
        List<String> names = metadata.getColumnNames();
        BitSet unsigned = metadata.getSignedness() == null ? new BitSet() : metadata.getSignedness();
        CollationSequence charsets = new CollationSequence(metadata.getDefaultCharset(), metadata.getColumnCharsets());
        CollationSequence enumSetCharsets = new CollationSequence(
                metadata.getEnumAndSetDefaultCharset(), metadata.getEnumAndSetColumnCharsets());
        ValueLists enums = new ValueLists(metadata.getEnumStrValues());
        ValueLists sets = new ValueLists(metadata.getSetStrValues());
        List<Integer> geometryTypes = metadata.getGeometryTypes();
        int geometryIndex = 0;

        List<ColumnSchema> columns = new ArrayList<>(types.length);
        for (int i = 0; i < types.length; i++) {
            ColumnType type = ColumnTypes.resolve(types[i] & 0xFF, metas[i]);
            int collation = ColumnSchema.NO_COLLATION;
            List<String> enumValues = List.of();
            List<String> setValues = List.of();
            int geometryType = 0;
            if (ColumnTypes.hasCharset(type)) {
                collation = charsets.next();
            } else if (type == ColumnType.ENUM) {
                collation = enumSetCharsets.next();
                enumValues = enums.next();
            } else if (type == ColumnType.SET) {
                collation = enumSetCharsets.next();
                setValues = sets.next();
            } else if (type == ColumnType.GEOMETRY && geometryTypes != null && geometryIndex < geometryTypes.size()) {
                geometryType = geometryTypes.get(geometryIndex++);
            }
            columns.add(new ColumnSchema(i, names.get(i), type, metas[i], unsigned.get(i), collation,
                    enumValues, setValues, geometryType, null));
        }
        return new TableSchema(event.getDatabase(), event.getTable(), columns, primaryKey(metadata), true);
    }

    private static int[] primaryKey(TableMapEventMetadata metadata) {
        if (metadata.getSimplePrimaryKeys() != null) {
            return metadata.getSimplePrimaryKeys().stream().mapToInt(Integer::intValue).toArray();
        }
        Map<Integer, Integer> withPrefix = metadata.getPrimaryKeysWithPrefix();
        if (withPrefix != null) {
            // The server writes them in key order; the map type depends on the library, so keep insertion order.
            return withPrefix.keySet().stream().mapToInt(Integer::intValue).toArray();
        }
        return new int[0];
    }

    /**
     * The collations of successive character (or ENUM/SET) columns. The server writes either one
     * collation per column, or a default plus the exceptions keyed by the column's index among the
     * character columns.
     */
    private static final class CollationSequence {
        private final DefaultCharset defaults;
        private final List<Integer> perColumn;
        private int index;

        CollationSequence(DefaultCharset defaults, List<Integer> perColumn) {
            this.defaults = defaults;
            this.perColumn = perColumn;
        }

        int next() {
            int i = index++;
            if (perColumn != null && i < perColumn.size()) {
                return perColumn.get(i);
            }
            if (defaults != null) {
                Map<Integer, Integer> exceptions = defaults.getCharsetCollations();
                Integer exception = exceptions == null ? null : exceptions.get(i);
                return exception != null ? exception : defaults.getDefaultCharsetCollation();
            }
            return ColumnSchema.NO_COLLATION;
        }
    }

    /** The permitted values of successive ENUM (or SET) columns. */
    private static final class ValueLists {
        private final List<String[]> lists;
        private int index;

        ValueLists(List<String[]> lists) {
            this.lists = lists;
        }

        List<String> next() {
            if (lists == null || index >= lists.size()) {
                return List.of();
            }
            return Arrays.asList(lists.get(index++));
        }
    }
}
