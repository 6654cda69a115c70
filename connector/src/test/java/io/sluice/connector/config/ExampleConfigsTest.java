package io.sluice.connector.config;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every example in the repository's {@code config/} folder loads and validates: users start from them. */
class ExampleConfigsTest {

    /** Surefire runs in the module folder; the examples live at the repository root. */
    private static final Path EXAMPLES = Path.of("..", "config");

    @TestFactory
    Stream<DynamicTest> everyExampleConfigValidates() throws IOException {
        assertTrue(Files.isDirectory(EXAMPLES), "no examples folder at " + EXAMPLES.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> listing = Files.list(EXAMPLES)) {
            files = listing.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no *.conf in " + EXAMPLES.toAbsolutePath());
        // Examples take secrets from variables; a value must be at hand for required substitutions.
        Map<String, String> environment = Map.of("MYSQL_PASSWORD", "example", "SLUICE_SOURCE_PASSWORD", "example");
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            SluiceConfig config = new ConfigLoader(environment).load(file, List.of());
            assertNotNull(config.source().host());
        }));
    }
}
