package io.sluice.demo;

import io.sluice.connector.config.ConfigLoader;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.servers.DatabaseServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The daemon's configuration for the demo, written as the {@code --set} assignments a user would give
 * {@code sluice run}, so that it is validated and completed from the {@code reference.conf} files exactly
 * as theirs is: the throwaway server, only database {@value ShopWorkload#DATABASE}, a snapshot of the
 * rows already there, checkpoints in the demo's directory.
 */
final class DemoConfig {

    private DemoConfig() {
    }

    static SluiceConfig of(DatabaseServer mysql, Path workDirectory, Destination destination) {
        List<String> settings = new ArrayList<>(List.of(
                "sluice.source.host=" + mysql.host(),
                "sluice.source.port=" + mysql.port(),
                "sluice.source.user=" + mysql.user(),
                "sluice.source.password=" + mysql.password(),
                "sluice.filter.include-databases=[" + ShopWorkload.DATABASE + "]",
                "sluice.snapshot.mode=initial",
                "sluice.checkpoint.file.path=" + workDirectory.resolve("checkpoint.json"),
                // A demo stops in seconds: nothing it does takes long, and nobody should wait on a stuck broker.
                "sluice.pipeline.shutdown-timeout=10s",
                // The health and metrics endpoint on a free port (a fixed one could be taken); Sluice logs
                // its address at start, so the demo shows it too.
                "sluice.http.port=0"));
        settings.addAll(destination.sinkSettings());
        // An empty environment: the user's SLUICE_* variables are meant for their own daemon, not this one.
        SluiceConfig validated = new ConfigLoader(Map.of()).load("", "sluice demo", settings);
        return new SluiceConfig(validated.source(), validated.filter(), destination.sink(validated.sink()),
                validated.checkpoint(), validated.pipeline(), validated.encoding(), validated.snapshot(),
                validated.http(), validated.log());
    }
}
