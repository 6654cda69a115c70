package io.sluice.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.event.ChangeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files for the binlog-to-event mapping, in {@code src/test/resources/golden}: a script
 * {@code NAME.sql} (statements separated by lines ending in {@code ;}) and, per server flavor, the
 * expected events {@code NAME.FLAVOR.jsonl}, one compact event per line: {@code op}, {@code key},
 * {@code before}, {@code after}. A script named {@code mariadb-*.sql} or {@code mysql-*.sql} runs on that
 * flavor only. Adding a type case is adding a script and, after checking its output by eye, the
 * expected file: run with {@code -Dgolden.update=true} to write the expected files from what Sluice emits.
 */
public final class GoldenFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {
    }

    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** The scripts that run on a flavor ({@code mysql} or {@code mariadb}). */
    public static List<Path> scripts(String flavor) throws IOException {
        String other = flavor.equals("mysql") ? "mariadb-" : "mysql-";
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .filter(p -> !p.getFileName().toString().startsWith(other))
                    .sorted().toList();
        }
    }

    public static List<String> statements(Path script) throws IOException {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** Where the expected events of a script live; a version-specific file wins over the flavor's. */
    public static Path expected(Path script, String flavor, String version) {
        String base = script.getFileName().toString().replaceFirst("\\.sql$", "");
        Path specific = script.resolveSibling(base + "." + flavor + "-" + version + ".jsonl");
        return Files.exists(specific) ? specific : script.resolveSibling(base + "." + flavor + ".jsonl");
    }

    /** The part of an event a golden file pins down, as one line of JSON. */
    public static String compact(ChangeEvent event) {
        try {
            JsonNode value = JSON.readTree(event.value());
            ObjectNode line = JSON.createObjectNode();
            line.put("op", value.get("op").asText());
            line.set("key", event.key() == null ? null : JSON.readTree(event.key()));
            line.set("before", value.get("before"));
            line.set("after", value.get("after"));
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
