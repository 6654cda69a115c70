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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns {@code SLUICE_*} environment variables into a configuration layer, the natural way to pass
 * secrets and per-instance settings to a container. The naming scheme, also documented at the top of
 * {@code reference.conf}: drop {@code SLUICE_}, lower-case the rest, read {@code _} as {@code .},
 * {@code __} as {@code -} and {@code ___} as a literal {@code _}; the result goes under {@code sluice}.
 * So {@code SLUICE_SOURCE_SERVER__ID} sets {@code sluice.source.server-id}.
 */
final class EnvironmentOverrides {

    static final String PREFIX = "SLUICE_";

    /** Variables with the prefix that configure the launcher and logging, not settings. */
    static final Set<String> RESERVED = Set.of("SLUICE_JAVA_OPTS", "SLUICE_LOG_LEVEL");

    private EnvironmentOverrides() {
    }

    /**
     * @param environment the process environment (or a test's stand-in)
     * @param reference   the merged reference tree, to tell which settings are lists
     * @throws InvalidConfigException naming every variable that cannot be mapped or parsed
     */
    static Config parse(Map<String, String> environment, Config reference) {
        Config layer = ConfigFactory.empty();
        List<ConfigProblem> problems = new ArrayList<>();
        // Sorted, so that the outcome never depends on the platform's environment order.
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(PREFIX) || RESERVED.contains(name)) {
                continue;
            }
            String origin = "environment variable " + name;
            Optional<String> path = path(name);
            if (path.isEmpty()) {
                problems.add(new ConfigProblem("(none)", origin, "cannot be read as a setting: write \".\" as \"_\","
                        + " \"-\" as \"__\" and \"_\" as \"___\", for example SLUICE_SOURCE_SERVER__ID"));
                continue;
            }
            ConfigValue value;
            try {
                value = value(variable.getValue(), path.get(), reference);
            } catch (ConfigException e) {
                problems.add(new ConfigProblem(path.get(), origin,
                        "expected a HOCON list such as [\"a\", \"b\"]: " + e.getMessage()));
                continue;
            }
            layer = layer.withValue(path.get(), value.withOrigin(ConfigOriginFactory.newSimple(origin)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return layer;
    }

    /** The HOCON path a variable name stands for, if it follows the scheme. */
    static Optional<String> path(String name) {
        if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
            return Optional.empty();
        }
        String rest = name.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        List<String> keys = new ArrayList<>();
        keys.add("sluice");
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c != '_') {
                key.append(c);
                i++;
                continue;
            }
            int run = 0;
            while (i < rest.length() && rest.charAt(i) == '_') {
                run++;
                i++;
            }
            switch (run) {
                case 1 -> {
                    if (key.length() == 0) {
                        return Optional.empty();
                    }
                    keys.add(key.toString());
                    key.setLength(0);
                }
                case 2 -> key.append('-');
                case 3 -> key.append('_');
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (key.length() == 0) {
            return Optional.empty();
        }
        keys.add(key.toString());
        return Optional.of(ConfigUtil.joinPath(keys));
    }

    /** The text itself, except where the setting is a list: then the text is parsed as a HOCON list. */
    private static ConfigValue value(String text, String path, Config reference) {
        boolean list;
        try {
            list = reference.hasPath(path) && reference.getValue(path).valueType() == ConfigValueType.LIST;
        } catch (ConfigException e) {
            list = false;
        }
        if (list) {
            ConfigValue parsed = ConfigFactory.parseString("v = " + text).root().get("v");
            if (parsed == null || parsed.valueType() != ConfigValueType.LIST) {
                throw new ConfigException.BadValue(path, "was not a list");
            }
            return parsed;
        }
        return ConfigValueFactory.fromAnyRef(text);
    }
}
