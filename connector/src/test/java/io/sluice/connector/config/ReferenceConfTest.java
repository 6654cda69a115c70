package io.sluice.connector.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The connector's {@code reference.conf} documents every key it declares, and its defaults are valid. */
class ReferenceConfTest {

    private static final Path REFERENCE = Path.of("src", "main", "resources", "reference.conf");

    @Test
    void everyKeyHasAComment() {
        Config reference = ConfigFactory.parseFile(REFERENCE.toFile());
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(reference.root(), "", undocumented);

        assertEquals(List.of(), undocumented, "keys in " + REFERENCE + " without a comment above them");
    }

    @Test
    void defaultsNeedOnlyTheRequiredSettings() {
        SluiceConfig config = new ConfigLoader(Map.of()).load("sluice.source { host = h, user = u }", "t.conf", List.of());

        assertEquals("h", config.source().host());
    }

    private static void collectUndocumented(ConfigObject object, String path, List<String> undocumented) {
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            String child = path.isEmpty() ? ConfigUtil.quoteString(entry.getKey()).replace("\"", "")
                    : path + "." + entry.getKey();
            ConfigValue value = entry.getValue();
            // The root "sluice" block is introduced by the file header.
            if (!child.equals("sluice") && value.origin().comments().isEmpty()) {
                undocumented.add(child);
            }
            if (value instanceof ConfigObject nested) {
                collectUndocumented(nested, child, undocumented);
            }
        }
    }
}
