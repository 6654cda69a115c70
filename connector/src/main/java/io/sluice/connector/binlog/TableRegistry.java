package io.sluice.connector.binlog;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.sluice.connector.filter.TableFilter;
import io.sluice.connector.schema.ColumnSchema;
import io.sluice.connector.schema.InformationSchemaSchemas;
import io.sluice.connector.schema.TableMapSchemas;
import io.sluice.connector.schema.TableSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the table each binlog table id currently stands for. TABLE_MAP events repeat in every
 * transaction, so a schema is only rebuilt when the event differs from the one seen before, and the
 * whole registry is cleared on DDL.
 */
final class TableRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(TableRegistry.class);

    /** What a table id stands for; {@code captured} is null for a table the filters leave out. */
    private record Entry(String database, String table, byte[] types, CapturedTable captured) {
        boolean describes(TableMapEventData event) {
            return Objects.equals(database, event.getDatabase()) && Objects.equals(table, event.getTable())
                    && Arrays.equals(types, event.getColumnTypes());
        }
    }

    private final TableFilter filter;
    private final InformationSchemaSchemas informationSchema;
    private final boolean mariadb;
    private final Map<Long, Entry> byTableId = new HashMap<>();
    private boolean warnedMinimal;

    TableRegistry(TableFilter filter, InformationSchemaSchemas informationSchema, boolean mariadb) {
        this.filter = filter;
        this.informationSchema = informationSchema;
        this.mariadb = mariadb;
    }

    /** Records a TABLE_MAP event. */
    void onTableMap(TableMapEventData event) throws SQLException {
        Entry known = byTableId.get(event.getTableId());
        if (known != null && known.describes(event)) {
            return;
        }
        CapturedTable captured = null;
        if (filter.captures(event.getDatabase(), event.getTable())) {
            TableSchema schema = schemaOf(event);
            captured = new CapturedTable(schema, filter.excludedColumns(schema));
        }
        byTableId.put(event.getTableId(),
                new Entry(event.getDatabase(), event.getTable(), event.getColumnTypes(), captured));
    }

    /** The captured table for a rows event's table id, or {@code null} when the filters leave it out. */
    CapturedTable captured(long tableId) {
        Entry entry = byTableId.get(tableId);
        return entry == null ? null : entry.captured;
    }

    /** Whether a TABLE_MAP event has described this table id since the last DDL or connection. */
    boolean knows(long tableId) {
        return byTableId.containsKey(tableId);
    }

    /** Forgets every table: called on DDL, after which table ids and definitions may change. */
    void clear() {
        byTableId.clear();
    }

    private TableSchema schemaOf(TableMapEventData event) throws SQLException {
        if (!TableMapSchemas.hasFullMetadata(event)) {
            if (!warnedMinimal) {
                warnedMinimal = true;
                LOG.warn("The server logs MINIMAL row metadata: table schemas are read from the information"
                        + " schema, so rows written before a schema change may be decoded with the newer schema."
                        + " Set binlog_row_metadata=FULL on the server to decode every row exactly.");
            }
            return informationSchema.build(event);
        }
        TableSchema schema = TableMapSchemas.build(event);
        if (!schema.hasKey()) {
            schema = withUniqueKey(schema);
        }
        return mariadb && hasBinaryCharColumn(schema) ? withDeclaredTypes(schema) : schema;
    }

    /**
     * MariaDB logs INET4, INET6 and UUID columns as plain BINARY(4/16); only the information schema
     * knows what they are. Any binary CHAR column triggers the lookup, once per table definition.
     */
    private static boolean hasBinaryCharColumn(TableSchema schema) {
        for (ColumnSchema column : schema.columns()) {
            if (column.isBinary() && column.type() == ColumnType.STRING) {
                return true;
            }
        }
        return false;
    }

    /**
     * The binlog names only primary keys. A table without one is keyed by its first unique index over
     * NOT NULL columns, as Debezium does; without such an index its events have a null key.
     */
    private TableSchema withUniqueKey(TableSchema schema) throws SQLException {
        int[] key = informationSchema.uniqueKey(schema);
        return key.length == 0 ? schema
                : new TableSchema(schema.database(), schema.table(), schema.columns(), key, schema.exact());
    }

    private TableSchema withDeclaredTypes(TableSchema schema) throws SQLException {
        List<String> declared = informationSchema.declaredTypes(schema.database(), schema.table());
        if (declared.size() != schema.columns().size()) {
            return schema;
        }
        List<ColumnSchema> columns = new ArrayList<>(schema.columns().size());
        for (ColumnSchema c : schema.columns()) {
            columns.add(new ColumnSchema(c.position(), c.name(), c.type(), c.meta(), c.unsigned(), c.collation(),
                    c.enumValues(), c.setValues(), c.geometryType(), declared.get(c.position())));
        }
        return new TableSchema(schema.database(), schema.table(), columns, schema.keyColumns(), schema.exact());
    }
}
