package io.sluice.connector.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads typed settings below one path of the merged configuration, recording a {@link ConfigProblem}
 * for every bad value instead of throwing at the first, so that all problems are reported together.
 * A read that fails returns a harmless placeholder; {@link #throwIfProblems()} then stops the caller
 * before any record is built from it.
 */
final class ConfigReader {

    private static final int MAX_SHOWN_VALUE = 60;

    private final Config config;
    private final String prefix;
    private final List<ConfigProblem> problems;

    private ConfigReader(Config config, String prefix, List<ConfigProblem> problems) {
        this.config = config;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** A reader of {@code prefix} within {@code config}, the whole merged and resolved configuration. */
    static ConfigReader of(Config config, String prefix) {
        return new ConfigReader(config, prefix, new ArrayList<>());
    }

    /** A reader below {@code key}, sharing this reader's problems. */
    ConfigReader child(String key) {
        return new ConfigReader(config, path(key), problems);
    }

    /** The full HOCON path of a key below this reader. */
    String path(String key) {
        return prefix + "." + key;
    }

    void add(ConfigProblem problem) {
        problems.add(problem);
    }

    /**
     * @throws InvalidConfigException listing every problem recorded so far, if there is any: those in
     *         files first, in file and line order, then the others in the order they were found
     */
    void throwIfProblems() {
        if (!problems.isEmpty()) {
            List<ConfigProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparing((ConfigProblem p) -> fileOf(p) == null)
                    .thenComparing(p -> fileOf(p) == null ? "" : fileOf(p))
                    .thenComparingInt(ConfigReader::lineOf));
            throw new InvalidConfigException(sorted);
        }
    }

    private static String fileOf(ConfigProblem problem) {
        String origin = problem.origin();
        int colon = origin == null ? -1 : origin.lastIndexOf(':');
        return colon > 0 && lineOf(problem) >= 0 ? origin.substring(0, colon) : null;
    }

    private static int lineOf(ConfigProblem problem) {
        String origin = problem.origin();
        int colon = origin == null ? -1 : origin.lastIndexOf(':');
        try {
            return colon > 0 ? Integer.parseInt(origin.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Records a problem with the setting {@code key}, located where its value was written. */
    void problem(String key, String message) {
        String path = path(key);
        problems.add(new ConfigProblem(path, where(path), message));
    }

    /** A required, non-blank string; {@code what} completes "missing: set it to ...". */
    String string(String key, String what) {
        ConfigValue value = value(key);
        if (value == null) {
            problem(key, "missing; set it to " + what);
            return null;
        }
        String text = plain(key, value, "a string: " + what);
        if (text != null && text.isBlank()) {
            problem(key, "must not be empty; set it to " + what);
            return null;
        }
        return text;
    }

    /** Like {@link #string}, but absent (or {@code null}) is allowed and gives {@code null}. */
    String optionalString(String key, String what) {
        return value(key) == null ? null : string(key, what);
    }

    /** A password or token; absent means empty. Its value never enters a message. */
    Secret secret(String key) {
        ConfigValue value = value(key);
        if (value == null) {
            return Secret.EMPTY;
        }
        if (!isScalar(value)) {
            problem(key, "expected a string but found " + typeName(value) + " (value not shown: it is secret)");
            return Secret.EMPTY;
        }
        return new Secret(config.getString(path(key)));
    }

    /** {@code true} or {@code false}. */
    boolean flag(String key) {
        ConfigValue value = value(key);
        if (value == null) {
            problem(key, "missing; set it to true or false");
            return false;
        }
        if (value.valueType() == ConfigValueType.BOOLEAN) {
            return (Boolean) value.unwrapped();
        }
        String written = isScalar(value) ? String.valueOf(value.unwrapped()).trim().toLowerCase(Locale.ROOT) : "";
        if (written.equals("true") || written.equals("false")) {
            return written.equals("true"); // environment variables arrive as strings
        }
        problem(key, "expected true or false but found " + typeName(value) + " " + show(value));
        return false;
    }

    /** A whole number from {@code min} to {@code max}, inclusive. */
    long number(String key, long min, long max) {
        ConfigValue value = value(key);
        String expected = "a whole number from " + min + " to " + max;
        if (value == null) {
            problem(key, "missing; set it to " + expected);
            return min;
        }
        Long number = wholeNumber(value);
        if (number == null) {
            problem(key, "expected " + expected + ", was " + show(value));
            return min;
        }
        if (number < min || number > max) {
            problem(key, "must be " + expected + ", was " + number);
            return min;
        }
        return number;
    }

    /** A whole number from {@code min} to {@code max} that fits an {@code int}. */
    int integer(String key, int min, int max) {
        return (int) number(key, min, max);
    }

    /**
     * A duration of at least {@code min}, written with a unit. Plain numbers are refused: HOCON would
     * read {@code 10} as ten milliseconds, which is never what someone writing a timeout meant.
     */
    Duration duration(String key, Duration min) {
        ConfigValue value = value(key);
        String expected = "a duration with a unit, for example 500ms, 10s or 5m";
        if (value == null) {
            problem(key, "missing; set it to " + expected);
            return min;
        }
        if (value.valueType() == ConfigValueType.NUMBER) {
            problem(key, "expected " + expected + ", was the bare number " + show(value) + "; add a unit");
            return min;
        }
        Duration duration;
        try {
            duration = config.getDuration(path(key));
        } catch (ConfigException e) {
            problem(key, "expected " + expected + ", was " + show(value));
            return min;
        }
        if (duration.compareTo(min) < 0) {
            problem(key, "must be at least " + text(min) + ", was " + show(value));
            return min;
        }
        return duration;
    }

    /** A size in bytes from {@code min} to {@code max}: a plain number of bytes or one with a unit. */
    long bytes(String key, long min, long max) {
        ConfigValue value = value(key);
        String expected = "a size such as 64KiB or 64MiB";
        if (value == null) {
            problem(key, "missing; set it to " + expected);
            return min;
        }
        long bytes;
        try {
            bytes = config.getBytes(path(key));
        } catch (ConfigException e) {
            problem(key, "expected " + expected + ", was " + show(value));
            return min;
        }
        if (bytes < min || bytes > max) {
            problem(key, (max == Long.MAX_VALUE ? "must be at least " + min : "must be from " + min + " to " + max)
                    + " bytes, was " + show(value));
            return min;
        }
        return bytes;
    }

    /**
     * One constant of {@code type}, written case-insensitively in kebab-case: {@code DecimalMode.STRING}
     * is {@code string}, a constant {@code SOME_MODE} would be {@code some-mode}.
     */
    <E extends Enum<E>> E choice(String key, Class<E> type) {
        E[] constants = type.getEnumConstants();
        String expected = "one of " + Arrays.stream(constants).map(ConfigReader::kebab)
                .collect(Collectors.joining(", "));
        ConfigValue value = value(key);
        if (value == null) {
            problem(key, "missing; set it to " + expected);
            return constants[0];
        }
        if (isScalar(value)) {
            String written = String.valueOf(value.unwrapped()).trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (E constant : constants) {
                if (kebab(constant).equals(written)) {
                    return constant;
                }
            }
        }
        problem(key, "expected " + expected + ", was " + show(value));
        return constants[0];
    }

    /** A list of strings; absent means empty. */
    List<String> strings(String key) {
        ConfigValue value = value(key);
        if (value == null) {
            return List.of();
        }
        if (value.valueType() != ConfigValueType.LIST) {
            problem(key, "expected a list of strings such as [\"a\", \"b\"], was " + show(value));
            return List.of();
        }
        List<String> result = new ArrayList<>();
        List<? extends ConfigValue> items = config.getList(path(key));
        for (int i = 0; i < items.size(); i++) {
            ConfigValue item = items.get(i);
            if (isScalar(item)) {
                result.add(String.valueOf(item.unwrapped()));
            } else {
                String itemPath = path(key) + "[" + i + "]";
                problems.add(new ConfigProblem(itemPath, where(item.origin()),
                        "expected a string, was " + show(item)));
            }
        }
        return result;
    }

    /** A list of regular expressions, each of which must compile. */
    List<String> patterns(String key) {
        List<String> patterns = strings(key);
        for (int i = 0; i < patterns.size(); i++) {
            try {
                Pattern.compile(patterns.get(i));
            } catch (PatternSyntaxException e) {
                String itemPath = path(key) + "[" + i + "]";
                ConfigOrigin origin = config.getList(path(key)).get(i).origin();
                problems.add(new ConfigProblem(itemPath, where(origin), "\"" + patterns.get(i)
                        + "\" is not a valid regular expression: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "")));
            }
        }
        return patterns;
    }

    /**
     * The object stored directly under {@code key} (one path element, however it is spelled), or an
     * empty config when there is none. Used for the settings of a plug-in chosen by type name.
     */
    Config subtree(String key) {
        ConfigValue holder = config.hasPath(prefix) ? config.getValue(prefix) : null;
        if (!(holder instanceof ConfigObject object)) {
            return ConfigFactory.empty();
        }
        // By key, not by path: a type name is one element even if it contains a dot.
        ConfigValue value = object.get(key);
        if (value == null || value.valueType() == ConfigValueType.NULL) {
            return ConfigFactory.empty();
        }
        if (!(value instanceof ConfigObject settings)) {
            problems.add(new ConfigProblem(prefix + "." + key, where(value.origin()),
                    "expected an object of settings { ... }, was " + show(value)));
            return ConfigFactory.empty();
        }
        return settings.toConfig();
    }

    /** The value at {@code key}, or {@code null} when it is absent or {@code null}. */
    private ConfigValue value(String key) {
        String path = path(key);
        try {
            return config.hasPathOrNull(path) && !config.getIsNull(path) ? config.getValue(path) : null;
        } catch (ConfigException.WrongType e) {
            // A parent of the path is not an object, for example "reconnect = 5"; report it once there.
            problems.add(new ConfigProblem(path, null, "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    private String plain(String key, ConfigValue value, String expected) {
        if (!isScalar(value)) {
            problem(key, "expected " + expected + ", was " + show(value));
            return null;
        }
        // getString keeps numbers as written: a password 007 must not become 7.
        return config.getString(path(key));
    }

    private String where(String path) {
        try {
            return config.hasPathOrNull(path) ? where(config.getValue(path).origin()) : null;
        } catch (ConfigException e) {
            return null;
        }
    }

    /** {@code file:line} for values from files; the origin's own description otherwise. */
    static String where(ConfigOrigin origin) {
        if (origin == null) {
            return null;
        }
        String source = origin.filename() != null ? origin.filename()
                : origin.url() != null ? origin.url().toString() : null;
        if (source == null) {
            // Text parsed with an origin name reads "name: 3"; make it "name:3" like a file.
            String description = origin.description();
            String line = ": " + origin.lineNumber();
            return origin.lineNumber() >= 0 && description.endsWith(line)
                    ? description.substring(0, description.length() - line.length()) + ":" + origin.lineNumber()
                    : description;
        }
        return origin.lineNumber() >= 0 ? source + ":" + origin.lineNumber() : source;
    }

    private static boolean isScalar(ConfigValue value) {
        return switch (value.valueType()) {
            case STRING, NUMBER, BOOLEAN -> true;
            default -> false;
        };
    }

    private static Long wholeNumber(ConfigValue value) {
        Object raw = value.unwrapped();
        if (raw instanceof Integer || raw instanceof Long) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String kebab(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String typeName(ConfigValue value) {
        return switch (value.valueType()) {
            case OBJECT -> "an object";
            case LIST -> "a list";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case STRING -> "a string";
        };
    }

    /**
     * A non-secret value as written, shortened so one bad line cannot flood the report. Values taken
     * from the environment are not shown: a substitution may have put a secret into the wrong key.
     */
    private static String show(ConfigValue value) {
        if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST) {
            return typeName(value);
        }
        String description = value.origin().description();
        if (description.startsWith(ConfigLoader.ENVIRONMENT_ORIGIN) || description.startsWith("env variables")) {
            return "(a value from the environment, not shown)";
        }
        String text = value.render(ConfigRenderOptions.concise());
        return text.length() <= MAX_SHOWN_VALUE ? text : text.substring(0, MAX_SHOWN_VALUE) + "...";
    }

    private static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
