package io.sluice.connector.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code --set path=value} arguments into a configuration layer. The value is HOCON, so
 * {@code port=3307} is a number and {@code include-tables=[a, b]} a list. Text that HOCON would
 * mangle or reject when unquoted (a GTID set with colons, a password with {@code #} or {@code @}) is
 * taken literally instead, so nobody has to double-quote inside shell quotes.
 */
final class CommandLineOverrides {

    private CommandLineOverrides() {
    }

    /**
     * @param assignments {@code path=value} texts in command-line order; a later one wins
     * @throws InvalidConfigException naming every assignment that is not {@code path=value}
     */
    static Config parse(List<String> assignments) {
        Config layer = ConfigFactory.empty();
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            String assignment = assignments.get(i);
            int equals = assignment.indexOf('=');
            // Neither the origin nor a message ever includes the value: it may be a password.
            String origin = "--set";
            if (equals < 0 || assignment.substring(0, equals).isBlank()) {
                problems.add(new ConfigProblem("(--set number " + (i + 1) + ")", origin,
                        "expected --set path=value, for example --set sluice.source.port=3307"));
                continue;
            }
            String path = assignment.substring(0, equals).trim();
            try {
                ConfigUtil.splitPath(path);
            } catch (ConfigException e) {
                problems.add(new ConfigProblem(path, origin, "not a valid HOCON path: " + e.getMessage()));
                continue;
            }
            ConfigValue value = value(assignment.substring(equals + 1))
                    .withOrigin(ConfigOriginFactory.newSimple(origin));
            layer = layer.withValue(path, value);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return layer;
    }

    private static ConfigValue value(String text) {
        ConfigValue parsed;
        try {
            parsed = ConfigFactory.parseString("v = " + text).root().get("v");
        } catch (ConfigException e) {
            return ConfigValueFactory.fromAnyRef(text);
        }
        if (parsed == null) {
            // "path=" sets the empty string.
            return ConfigValueFactory.fromAnyRef(text);
        }
        try {
            if (parsed.valueType() == ConfigValueType.STRING && !text.trim().startsWith("\"")) {
                // Unquoted HOCON drops comments (#...) and collapses spaces: keep what was typed.
                return ConfigValueFactory.fromAnyRef(text);
            }
        } catch (ConfigException.NotResolved e) {
            // A substitution such as ${HOME}: resolved later together with the file.
        }
        return parsed;
    }
}
