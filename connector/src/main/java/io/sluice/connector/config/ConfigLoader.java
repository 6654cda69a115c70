package io.sluice.connector.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValueFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the daemon's configuration from its layers and validates it. Strongest first:
 * <ol>
 *   <li>{@code --set path=value} overrides, a later one winning over an earlier one;</li>
 *   <li>{@code SLUICE_*} environment variables (see {@link EnvironmentOverrides} for the naming);</li>
 *   <li>the HOCON file;</li>
 *   <li>the {@code reference.conf} of every module on the class path.</li>
 * </ol>
 * Substitutions such as {@code ${?MYSQL_PASSWORD}} are resolved after merging, against the merged
 * tree and then the environment, so a file can take its secrets from any variable.
 *
 * <p>Instances are immutable and thread-safe; loading touches nothing but the file and the
 * environment map given.
 */
public final class ConfigLoader {

    /** Origin of values substituted from environment variables; such values are never shown in messages. */
    static final String ENVIRONMENT_ORIGIN = "environment";

    private final Map<String, String> environment;
    private final Config reference;

    /** A loader reading the process environment and the class path's {@code reference.conf} files. */
    public ConfigLoader() {
        this(System.getenv());
    }

    /** A loader reading {@code environment} instead of the process environment, for tests. */
    public ConfigLoader(Map<String, String> environment) {
        this(environment, reference(ConfigLoader.class.getClassLoader()));
    }

    /**
     * Every {@code reference.conf} on the class path merged and resolved on its own, as typesafe's
     * convention wants. Unlike {@link ConfigFactory#defaultReference()} it leaves out JVM system
     * properties, so the tree is exactly the set of known settings.
     */
    static Config reference(ClassLoader classLoader) {
        return ConfigFactory.parseResources(classLoader, "reference.conf").resolve();
    }

    ConfigLoader(Map<String, String> environment, Config reference) {
        this.environment = Map.copyOf(environment);
        this.reference = reference;
    }

    /**
     * Loads, merges, resolves and validates.
     *
     * @param file      the HOCON file given with {@code --config}
     * @param overrides {@code path=value} texts from {@code --set}, in command-line order
     * @throws InvalidConfigException listing every problem: unreadable file, syntax, unknown keys, bad
     *         values; messages name the path and {@code file:line} and never contain a secret
     */
    public SluiceConfig load(Path file, List<String> overrides) {
        return SluiceConfig.from(merge(file, overrides), reference);
    }

    /**
     * Like {@link #load(Path, List)} for configuration text instead of a file; {@code name} stands in
     * for the file name in messages.
     */
    public SluiceConfig load(String hocon, String name, List<String> overrides) {
        return SluiceConfig.from(merge(parse(hocon, name), overrides), reference);
    }

    /**
     * The merged and resolved configuration, not yet validated: for tools that print the effective
     * settings, and for modules that want to see exactly what the daemon sees.
     */
    public Config merge(Path file, List<String> overrides) {
        return merge(parse(file), overrides);
    }

    private Config merge(Config file, List<String> overrides) {
        Config commandLine = CommandLineOverrides.parse(overrides);
        Config variables = EnvironmentOverrides.parse(environment, reference);
        // Substitutions fall back to our environment map rather than System.getenv(), so that tests
        // control it fully. The variables sit at the root, below everything; only sluice is read.
        Config environmentTree = ConfigValueFactory.fromMap(environment, ENVIRONMENT_ORIGIN).toConfig();
        Config layered = commandLine.withFallback(variables).withFallback(file).withFallback(reference)
                .withFallback(environmentTree);
        try {
            return layered.resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
        } catch (ConfigException e) {
            throw problem(e);
        }
    }

    private static Config parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(List.of(new ConfigProblem("--config", file.toString(),
                    Files.exists(file) ? "is not a regular file" : "file not found")));
        }
        if (!Files.isReadable(file)) {
            throw new InvalidConfigException(List.of(new ConfigProblem("--config", file.toString(),
                    "cannot be read; check its permissions")));
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), options().setAllowMissing(false));
        } catch (ConfigException e) {
            throw problem(e);
        }
    }

    private static Config parse(String hocon, String name) {
        try {
            return ConfigFactory.parseString(hocon, options().setOriginDescription(name));
        } catch (ConfigException e) {
            throw problem(e);
        }
    }

    private static ConfigParseOptions options() {
        // A file named sluice.properties or .json is still read as HOCON, which is a superset of JSON.
        return ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF);
    }

    /** Syntax and substitution errors: typesafe's message already starts with "file: line:". */
    private static InvalidConfigException problem(ConfigException e) {
        String where = e.origin() == null ? null : ConfigReader.where(e.origin());
        if (!(e instanceof ConfigException.Parse || e instanceof ConfigException.UnresolvedSubstitution
                || e instanceof ConfigException.IO)) {
            // Other messages may print whole subtrees, secrets included: name the failure only.
            return new InvalidConfigException(List.of(new ConfigProblem("configuration", where,
                    "cannot be merged (" + e.getClass().getSimpleName() + "); check substitutions ${...}")));
        }
        String message = e.getMessage();
        if (e.origin() != null && message.startsWith(e.origin().description() + ": ")) {
            message = message.substring(e.origin().description().length() + 2);
        }
        String kind = e instanceof ConfigException.Parse ? "syntax"
                : e instanceof ConfigException.UnresolvedSubstitution ? "substitution" : "configuration";
        return new InvalidConfigException(List.of(new ConfigProblem(kind, where, message)));
    }
}
