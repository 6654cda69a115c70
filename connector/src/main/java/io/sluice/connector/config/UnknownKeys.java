package io.sluice.connector.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds settings under {@code sluice} that no {@code reference.conf} declares. HOCON itself ignores
 * unknown keys, so a misspelt {@code hots} would silently leave {@code host} at its default; here it
 * is an error with a suggestion.
 *
 * <p>The known keys are the merged reference tree of every module on the class path, so a sink module's
 * {@code sluice.sink.<type>} keys are checked against that module's own {@code reference.conf}. Inside
 * such a plug-in subtree, blocks named {@link #PASSTHROUGH} hold client-library settings (Kafka
 * producer properties and the like) that are handed over verbatim and not checked.
 */
final class UnknownKeys {

    /** Blocks whose contents go verbatim to a client library. */
    static final Set<String> PASSTHROUGH = Set.of("producer", "consumer", "admin", "options");

    /** Objects whose children are plug-in settings subtrees, keyed by the plug-in's type name. */
    private static final Set<String> PLUGIN_PARENTS = Set.of("sluice.sink", "sluice.checkpoint");

    private static final String ROOT = "sluice";

    private UnknownKeys() {
    }

    /** Every unknown key of {@code config} (merged and resolved) relative to {@code reference}. */
    static List<ConfigProblem> find(Config config, Config reference) {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigValue root = config.root().get(ROOT);
        ConfigValue referenceRoot = reference.root().get(ROOT);
        if (root instanceof ConfigObject object && referenceRoot instanceof ConfigObject known) {
            walk(object, known, List.of(ROOT), false, known, problems);
        } else if (root != null && root.valueType() != ConfigValueType.OBJECT) {
            problems.add(new ConfigProblem(ROOT, ConfigReader.where(root.origin()),
                    "expected an object sluice { ... }, was " + root.valueType().name().toLowerCase()));
        }
        return problems;
    }

    private static void walk(ConfigObject object, ConfigObject known, List<String> path, boolean inPlugin,
                             ConfigObject knownRoot, List<ConfigProblem> problems) {
        boolean childrenArePlugins = PLUGIN_PARENTS.contains(ConfigUtil.joinPath(path));
        for (String key : new TreeSet<>(object.keySet())) {
            ConfigValue value = object.get(key);
            List<String> childPath = append(path, key);
            if (inPlugin && PASSTHROUGH.contains(key)) {
                continue;
            }
            ConfigValue expected = known.get(key);
            if (expected == null) {
                problems.add(new ConfigProblem(ConfigUtil.joinPath(childPath), ConfigReader.where(value.origin()),
                        "unknown key" + suggestion(key, known, path, knownRoot)));
            } else if (expected instanceof ConfigObject knownChild) {
                if (value instanceof ConfigObject child) {
                    walk(child, knownChild, childPath, inPlugin || childrenArePlugins, knownRoot, problems);
                } else if (value.valueType() != ConfigValueType.NULL) {
                    problems.add(new ConfigProblem(ConfigUtil.joinPath(childPath), ConfigReader.where(value.origin()),
                            "expected an object { ... } of settings, was a " + value.valueType().name().toLowerCase()));
                }
            }
        }
    }

    /** "; did you mean X?" naming the closest known sibling, or the same key elsewhere; empty if none. */
    private static String suggestion(String key, ConfigObject siblings, List<String> parent, ConfigObject knownRoot) {
        String best = null;
        int bestDistance = Math.max(2, key.length() / 3) + 1;
        for (String candidate : new TreeSet<>(siblings.keySet())) {
            int distance = distance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null) {
            return "; did you mean " + ConfigUtil.joinPath(append(parent, best)) + "?";
        }
        List<String> elsewhere = new ArrayList<>();
        findKey(knownRoot, List.of(ROOT), key, elsewhere);
        if (!elsewhere.isEmpty()) {
            return "; did you mean " + String.join(" or ", elsewhere) + "?";
        }
        return "; the keys allowed here are " + String.join(", ", new TreeSet<>(siblings.keySet()));
    }

    private static void findKey(ConfigObject object, List<String> path, String key, List<String> found) {
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            List<String> childPath = append(path, entry.getKey());
            if (entry.getKey().equals(key)) {
                found.add(ConfigUtil.joinPath(childPath));
            }
            if (entry.getValue() instanceof ConfigObject child) {
                findKey(child, childPath, key, found);
            }
        }
    }

    private static List<String> append(List<String> path, String key) {
        List<String> result = new ArrayList<>(path);
        result.add(key);
        return result;
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit, the commonest typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
