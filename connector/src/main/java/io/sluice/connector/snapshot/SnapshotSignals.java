package io.sluice.connector.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connector.binlog.CapturedTable;
import io.sluice.connector.binlog.RowsChange;
import io.sluice.connector.filter.TableFilter;
import io.sluice.connector.position.TableProgress;
import io.sluice.connector.schema.ColumnSchema;
import io.sluice.connector.schema.TableSchema;
import io.sluice.event.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshot requests written into a signal table of the source database, read from the binlog so they
 * take effect at their exact place in the stream. The table has Debezium's layout, so existing tooling
 * works: {@code id VARCHAR(42) PRIMARY KEY, type VARCHAR(32) NOT NULL, data TEXT}. A request is an
 * insert of type {@code execute-snapshot} whose data names the tables and, optionally, a condition per
 * table:
 * <pre>
 * {"data-collections": ["shop.orders"], "additional-conditions": [{"data-collection": "shop.orders", "filter": "id &gt; 1000"}]}
 * </pre>
 * A request that cannot be followed is logged as an error naming the signal and the fix; it never stops
 * the stream.
 */
public final class SnapshotSignals {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSignals.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String EXECUTE_SNAPSHOT = "execute-snapshot";

    private final String signalTable;
    private final TableFilter filter;

    /** @param signalTable {@code db.table} of the signal table */
    public SnapshotSignals(String signalTable, TableFilter filter) {
        this.signalTable = signalTable;
        this.filter = filter;
    }

    boolean isSignalTable(CapturedTable table) {
        return table.schema().qualifiedName().equals(signalTable);
    }

    /** The tables the inserted signal rows ask to snapshot; updates and deletes of signals are ignored. */
    List<TableProgress> requests(RowsChange change) {
        List<TableProgress> tables = new ArrayList<>();
        if (change.operation() != Operation.CREATE) {
            return tables;
        }
        TableSchema schema = change.table().schema();
        for (Serializable[] row : change.after()) {
            String id = text(schema, row, "id");
            String type = text(schema, row, "type");
            String data = text(schema, row, "data");
            if (!EXECUTE_SNAPSHOT.equals(type)) {
                LOG.warn("Signal {} in {} has type '{}'; Sluice acts on '{}' only", id, signalTable, type, EXECUTE_SNAPSHOT);
                continue;
            }
            try {
                tables.addAll(parse(data));
                LOG.info("Signal {}: snapshot of {} requested", id, tables);
            } catch (IllegalArgumentException e) {
                LOG.error("Signal {} in {} cannot be followed: {}. Insert a new signal such as"
                        + " (id, 'execute-snapshot', '{{\"data-collections\": [\"db.table\"]}}')", id, signalTable,
                        e.getMessage());
            }
        }
        return tables;
    }

    /** The tables of one request's data; every one must be captured by the filter. */
    List<TableProgress> parse(String data) {
        JsonNode node;
        try {
            node = JSON.readTree(data == null ? "" : data);
        } catch (Exception e) {
            throw new IllegalArgumentException("its data is not JSON (" + e.getMessage() + ")");
        }
        if (node == null || !node.path("data-collections").isArray() || node.path("data-collections").isEmpty()) {
            throw new IllegalArgumentException("its data names no tables in \"data-collections\"");
        }
        Map<String, String> conditions = new HashMap<>();
        for (JsonNode condition : node.path("additional-conditions")) {
            conditions.put(condition.path("data-collection").asText(), condition.path("filter").asText(null));
        }
        List<TableProgress> tables = new ArrayList<>();
        for (JsonNode collection : node.get("data-collections")) {
            String name = collection.asText();
            int dot = name.indexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                throw new IllegalArgumentException("'" + name + "' is not a table name of the form db.table");
            }
            String database = name.substring(0, dot);
            String table = name.substring(dot + 1);
            if (!filter.captures(database, table)) {
                throw new IllegalArgumentException(name + " is not captured by sluice.filter; a snapshot of it would"
                        + " emit rows the stream does not follow. Add it to the filter first");
            }
            String where = conditions.get(name);
            tables.add(TableProgress.fresh(database, table, where == null || where.isBlank() ? null : where));
        }
        return tables;
    }

    private static String text(TableSchema schema, Serializable[] row, String column) {
        for (ColumnSchema c : schema.columns()) {
            if (c.name().equalsIgnoreCase(column) && c.position() < row.length) {
                Serializable cell = row[c.position()];
                return cell instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : cell == null ? null : cell.toString();
            }
        }
        return null;
    }
}
