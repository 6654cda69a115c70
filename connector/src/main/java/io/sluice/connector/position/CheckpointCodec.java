package io.sluice.connector.position;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Writes a {@link BinlogPosition} as the checkpoint document and reads it back. The document is
 * versioned so later releases can add fields (snapshot progress) and still read old checkpoints.
 */
public final class CheckpointCodec {

    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointCodec() {
    }

    public static String encode(BinlogPosition position) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", VERSION);
        node.put("file", position.file());
        node.put("offset", position.offset());
        node.put("rows_to_skip", position.rowsToSkip());
        if (position.gtidSet() != null) {
            node.put("gtid_set", position.gtidSet());
        }
        return node.toString();
    }

    /**
     * @throws IllegalArgumentException when the text is not a checkpoint this release understands;
     *         the message quotes what was found
     */
    public static BinlogPosition decode(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            int version = node.path("version").asInt(-1);
            if (version != VERSION) {
                throw new IllegalArgumentException("checkpoint has version " + version + ", this release reads "
                        + VERSION);
            }
            JsonNode gtid = node.get("gtid_set");
            return new BinlogPosition(node.get("file").asText(), node.get("offset").asLong(),
                    node.path("rows_to_skip").asLong(0), gtid == null || gtid.isNull() ? null : gtid.asText());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable checkpoint '" + abbreviate(text) + "': " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
