package io.sluice.connector.position;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Checkpoint} as the checkpoint document and reads it back. The document is versioned:
 * version 2 added the snapshot's progress; version 1 documents (a position alone) are still read.
 */
public final class CheckpointCodec {

    private static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointCodec() {
    }

    public static String encode(Checkpoint checkpoint) {
        BinlogPosition position = checkpoint.binlog();
        ObjectNode node = JSON.createObjectNode();
        node.put("version", VERSION);
        node.put("file", position.file());
        node.put("offset", position.offset());
        node.put("rows_to_skip", position.rowsToSkip());
        if (position.gtidSet() != null) {
            node.put("gtid_set", position.gtidSet());
        }
        if (checkpoint.snapshot() != null) {
            ArrayNode tables = node.putObject("snapshot").putArray("tables");
            for (TableProgress table : checkpoint.snapshot().tables()) {
                ObjectNode t = tables.addObject();
                t.put("db", table.database());
                t.put("table", table.table());
                if (table.where() != null) {
                    t.put("where", table.where());
                }
                if (table.lastKey() != null) {
                    ArrayNode key = t.putArray("last_key");
                    table.lastKey().forEach(key::add);
                }
                t.put("rows_done", table.rowsDone());
            }
        }
        return node.toString();
    }

    /**
     * @throws IllegalArgumentException when the text is not a checkpoint this release understands;
     *         the message quotes what was found
     */
    public static Checkpoint decode(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            int version = node.path("version").asInt(-1);
            if (version != 1 && version != VERSION) {
                throw new IllegalArgumentException("checkpoint has version " + version + ", this release reads 1 and "
                        + VERSION);
            }
            JsonNode gtid = node.get("gtid_set");
            BinlogPosition position = new BinlogPosition(node.get("file").asText(), node.get("offset").asLong(),
                    node.path("rows_to_skip").asLong(0), gtid == null || gtid.isNull() ? null : gtid.asText());
            List<TableProgress> tables = new ArrayList<>();
            for (JsonNode t : node.path("snapshot").path("tables")) {
                List<String> key = null;
                if (t.hasNonNull("last_key")) {
                    key = new ArrayList<>();
                    for (JsonNode cell : t.get("last_key")) {
                        key.add(cell.asText());
                    }
                }
                tables.add(new TableProgress(t.get("db").asText(), t.get("table").asText(),
                        t.hasNonNull("where") ? t.get("where").asText() : null, key, t.path("rows_done").asLong(0)));
            }
            return new Checkpoint(position, SnapshotProgress.of(tables));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable checkpoint '" + abbreviate(text) + "': " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
