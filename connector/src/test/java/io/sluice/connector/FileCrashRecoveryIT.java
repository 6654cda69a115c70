package io.sluice.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The crash contract through the {@code file} sink with the {@code file} checkpoint store: at least
 * once. The file sink writes the bare envelope, so a change's id is its transaction and its place in it.
 */
class FileCrashRecoveryIT extends CrashRecoveryContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Guarantee guarantee() {
        return Guarantee.AT_LEAST_ONCE;
    }

    @Override
    protected String sinkAndCheckpoint(Path dir) {
        return "  sink { type = file, file { path = \"" + dir.resolve("events.jsonl") + "\" } }\n"
                + "  checkpoint { store = file, file { path = \"" + dir.resolve("checkpoint.json") + "\" }, interval = 100ms }";
    }

    @Override
    protected DeliveryReader reader(Path dir) {
        return new LineReader(dir.resolve("events.jsonl"));
    }

    /** Reads the lines appended since the last call; a line without its newline yet (or torn by a kill) waits. */
    private static final class LineReader implements DeliveryReader {

        private final Path file;
        private long position;

        LineReader(Path file) {
            this.file = file;
        }

        @Override
        public List<Delivered> next() throws IOException {
            List<Delivered> out = new ArrayList<>();
            if (!Files.exists(file)) {
                return out;
            }
            byte[] tail;
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                if (length <= position) {
                    return out;
                }
                tail = new byte[Math.toIntExact(length - position)];
                in.seek(position);
                in.readFully(tail);
            }
            int start = 0;
            for (int i = 0; i < tail.length; i++) {
                if (tail[i] == '\n') {
                    byte[] line = Arrays.copyOfRange(tail, start, i);
                    JsonNode node = JSON.readTree(line);
                    String id = node.at("/transaction/id").asText() + "#" + (node.at("/transaction/total_order").asLong() - 1);
                    out.add(parse(id, line, ""));
                    start = i + 1;
                }
            }
            position += start;
            return out;
        }

        @Override
        public void close() {
        }
    }
}
