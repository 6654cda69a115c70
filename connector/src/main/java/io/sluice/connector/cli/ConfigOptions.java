package io.sluice.connector.cli;

import io.sluice.connector.config.ConfigLoader;
import io.sluice.connector.config.SluiceConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every command that reads a configuration shares: {@code --config} and {@code --set}.
 * Subcommands inherit them ({@code sluice position set --config FILE}).
 */
final class ConfigOptions {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The HOCON configuration file; see config/ for examples.")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", scope = ScopeType.INHERIT,
            description = {"Overrides one setting; repeatable, the value is HOCON.",
                    "Example: --set sluice.source.port=3307. Wins over SLUICE_* variables and the file."})
    List<String> overrides = new ArrayList<>();

    /** @throws io.sluice.connector.config.InvalidConfigException listing every problem */
    SluiceConfig load(ConfigLoader loader) {
        SluiceConfig config = loader.load(file, overrides);
        LogFormat.apply(config.log().format());
        return config;
    }
}
