package io.sluice.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.connector.pipeline.RowEnvelopes;
import io.sluice.connector.schema.InformationSchemaSchemas;
import io.sluice.connector.schema.TableSchema;
import io.sluice.connector.snapshot.Chunk;
import io.sluice.connector.snapshot.ChunkReader;
import io.sluice.event.Operation;
import io.sluice.servers.DatabaseServer;

import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a consumer holds after applying events in order, as a map per table from key to row, compared with
 * the tables' content read by SELECT and encoded as the daemon would (the snapshot parity tests hold that
 * encoding equal to the binlog's). Rows of a table without a key are kept as a multiset of row texts.
 */
public final class TableReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** table ({@code db.table}) -> key text -> row as JSON text (for keyless tables: row text -> count). */
    private final Map<String, Map<String, String>> tables = new TreeMap<>();
    private final Map<String, Integer> reads = new HashMap<>();
    private final Map<String, List<String>> keyColumns = new HashMap<>();
    /** Per table and key, the events applied (op, binlog point, row), to explain a difference. */
    private final Map<String, List<String>> history = new HashMap<>();

    /** Key columns of each table, from its current definition. */
    public TableReplay(DatabaseServer server, List<String> qualifiedTables) throws Exception {
        InformationSchemaSchemas schemas = schemas(server);
        for (String table : qualifiedTables) {
            String[] parts = table.split("\\.", 2);
            TableSchema schema = schemas.describe(parts[0], parts[1], server.flavor().isMariaDb());
            List<String> key = new ArrayList<>();
            for (int position : schema.keyColumns()) {
                key.add(schema.columns().get(position).name());
            }
            keyColumns.put(table, key);
        }
    }

    /** Applies one event envelope; events of tables not named at construction are ignored. */
    public void apply(String table, byte[] envelope) throws IOException {
        List<String> key = keyColumns.get(table);
        if (key == null) {
            return;
        }
        JsonNode node = JSON.readTree(envelope);
        String op = node.get("op").asText();
        Map<String, String> rows = tables.computeIfAbsent(table, t -> new HashMap<>());
        if (op.equals("r")) {
            reads.merge(table, 1, Integer::sum);
        }
        if (key.isEmpty()) {
            if (!op.equals("c") && !op.equals("r")) {
                remove(rows, node.get("before").toString());
            }
            if (!op.equals("d")) {
                rows.merge(node.get("after").toString(), "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
            }
            return;
        }
        JsonNode image = op.equals("d") ? node.get("before") : node.get("after");
        history.computeIfAbsent(table + " " + keyOf(key, image), k -> new ArrayList<>()).add(op + "@"
                + node.at("/source/file").asText() + ":" + node.at("/source/pos").asText() + " " + image);
        if (op.equals("d")) {
            rows.remove(keyOf(key, node.get("before")));
        } else {
            if (op.equals("u")) {
                rows.remove(keyOf(key, node.get("before")));
            }
            rows.put(keyOf(key, node.get("after")), node.get("after").toString());
        }
    }

    /** Snapshot rows ({@code op r}) applied for a table. */
    public int reads(String table) {
        return reads.getOrDefault(table, 0);
    }

    /** Fails naming every difference between the replayed rows and the tables' content now. */
    public void assertEqualsTables(DatabaseServer server) throws Exception {
        InformationSchemaSchemas schemas = schemas(server);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : keyColumns.entrySet()) {
            String table = entry.getKey();
            String[] parts = table.split("\\.", 2);
            TableSchema schema = schemas.describe(parts[0], parts[1], server.flavor().isMariaDb());
            Map<String, String> expected = new HashMap<>();
            for (String value : RowEnvelopes.values(schema, Operation.READ, readAll(server, schema),
                    ValueEncoding.DEFAULT, server.flavor().isMariaDb())) {
                JsonNode after = JSON.readTree(value).get("after");
                if (entry.getValue().isEmpty()) {
                    expected.merge(after.toString(), "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
                } else {
                    expected.put(keyOf(entry.getValue(), after), after.toString());
                }
            }
            Map<String, String> actual = tables.getOrDefault(table, Map.of());
            int shown = 0;
            for (Map.Entry<String, String> row : expected.entrySet()) {
                String got = actual.get(row.getKey());
                if (!row.getValue().equals(got) && shown++ < 5) {
                    differences.add(table + " " + row.getKey() + ": table " + row.getValue() + ", events " + got
                            + "; events applied: " + history.get(table + " " + row.getKey()));
                }
            }
            for (String k : actual.keySet()) {
                if (!expected.containsKey(k) && shown++ < 10) {
                    differences.add(table + " " + k + ": not in the table, events " + actual.get(k));
                }
            }
            if (expected.size() != actual.size()) {
                differences.add(table + ": " + expected.size() + " rows in the table, " + actual.size() + " from events");
            }
        }
        if (!differences.isEmpty()) {
            fail("the events do not rebuild the tables:\n" + String.join("\n", differences));
        }
    }

    private static String keyOf(List<String> key, JsonNode row) {
        StringBuilder text = new StringBuilder();
        for (String column : key) {
            text.append(row.get(column)).append('|');
        }
        return text.toString();
    }

    private static void remove(Map<String, String> rows, String row) {
        String count = rows.get(row);
        if (count == null) {
            return;
        }
        if (count.equals("1")) {
            rows.remove(row);
        } else {
            rows.put(row, String.valueOf(Integer.parseInt(count) - 1));
        }
    }

    private static List<Serializable[]> readAll(DatabaseServer server, TableSchema schema) throws Exception {
        return readAll(server, schema, 50_000, null);
    }

    /**
     * Every row of the table in key order, read with the snapshot's {@link ChunkReader} in chunks of
     * {@code chunkSize}; each chunk's row count is added to {@code chunkSizes} unless it is {@code null}.
     */
    public static List<Serializable[]> readAll(DatabaseServer server, TableSchema schema, int chunkSize,
                                               List<Integer> chunkSizes) throws Exception {
        List<Serializable[]> rows = new ArrayList<>();
        try (Connection connection = server.connect(); ChunkReader reader = new ChunkReader(connection, schema)) {
            Serializable[] lastKey = null;
            while (true) {
                Chunk chunk = reader.read(chunkSize, lastKey);
                rows.addAll(chunk.rows());
                if (chunkSizes != null) {
                    chunkSizes.add(chunk.rows().size());
                }
                if (chunk.last()) {
                    return rows;
                }
                lastKey = chunk.lastKey();
            }
        }
    }

    private static InformationSchemaSchemas schemas(DatabaseServer server) {
        return InformationSchemaSchemas.over(server::connect);
    }

}
