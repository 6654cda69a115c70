package io.sluice.connector.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sluice.connector.config.CheckpointConfig;
import io.sluice.connector.config.FilterConfig;
import io.sluice.connector.config.PipelineConfig;
import io.sluice.connector.config.Secret;
import io.sluice.connector.config.SinkSelection;
import io.sluice.connector.config.SluiceConfig;
import io.sluice.connector.config.SourceConfig;
import io.sluice.connector.config.StartPosition;
import io.sluice.connector.decode.ValueEncoding;
import io.sluice.servers.DatabaseServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Daemon configurations for tests, built as records without a HOCON file. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** Every daemon a test starts is a replica of its own: a lingering one must not evict the next. */
    private static final java.util.concurrent.atomic.AtomicLong SERVER_IDS = new java.util.concurrent.atomic.AtomicLong(6400);

    public static SourceConfig source(DatabaseServer server) {
        return source(server, StartPosition.CURRENT_POSITION);
    }

    public static SourceConfig source(DatabaseServer server, StartPosition start) {
        return new SourceConfig(server.host(), server.port(), server.user(), new Secret(server.password()),
                SERVER_IDS.incrementAndGet(),
                Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(2), start);
    }

    /** A daemon reading {@code server} into the memory sink {@code sinkName}, checkpointing to {@code checkpoint}. */
    public static SluiceConfig memory(DatabaseServer server, String sinkName, Path checkpoint, FilterConfig filter) {
        return memory(server, sinkName, -1, checkpoint, filter);
    }

    public static SluiceConfig memory(DatabaseServer server, String sinkName, long failAt, Path checkpoint,
                                      FilterConfig filter) {
        return memory(server, StartPosition.CURRENT_POSITION, sinkName, failAt, checkpoint, filter);
    }

    public static SluiceConfig memory(DatabaseServer server, StartPosition start, String sinkName, long failAt,
                                      Path checkpoint, FilterConfig filter) {
        Map<String, Object> sink = new HashMap<>();
        sink.put("name", sinkName);
        if (failAt > 0) {
            sink.put("fail-at", failAt);
        }
        return new SluiceConfig(source(server, start), filter,
                new SinkSelection("memory", ConfigFactory.parseMap(sink)),
                new CheckpointConfig("file", ConfigFactory.parseMap(Map.of("path", checkpoint.toString())),
                        Duration.ofMillis(200), 1000),
                new PipelineConfig(1024, 16L << 20, Duration.ofSeconds(10)),
                ValueEncoding.DEFAULT);
    }

    /**
     * A daemon capturing database {@code db} into the memory sink {@code sinkName}, checkpointing under key
     * {@code db} in the NATS KV bucket of the server at {@code natsUrl}.
     */
    public static SluiceConfig memoryWithNatsKv(DatabaseServer server, String db, String sinkName, String natsUrl) {
        Config checkpoint = ConfigFactory.parseString("servers = [\"" + natsUrl + "\"]\nkey = " + db)
                .withFallback(ConfigFactory.defaultReference().getConfig("sluice.checkpoint.nats-kv"));
        return new SluiceConfig(source(server), database(db),
                new SinkSelection("memory", ConfigFactory.parseMap(Map.of("name", sinkName))),
                new CheckpointConfig("nats-kv", checkpoint, Duration.ofMillis(200), 1000),
                new PipelineConfig(1024, 16L << 20, Duration.ofSeconds(10)), ValueEncoding.DEFAULT);
    }

    /** {@code config} with {@code snapshot} in place of its snapshot settings. */
    public static SluiceConfig withSnapshot(SluiceConfig config, io.sluice.connector.config.SnapshotConfig snapshot) {
        return new SluiceConfig(config.source(), config.filter(), config.sink(), config.checkpoint(), config.pipeline(),
                config.encoding(), snapshot, config.http(), config.log());
    }

    /** Captures the tables of every database whose name starts with {@code prefix}. */
    public static FilterConfig databasesStartingWith(String prefix) {
        return new FilterConfig(java.util.List.of(java.util.regex.Pattern.quote(prefix) + ".*"), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.List.of());
    }

    /** Captures only the tables of one database. */
    public static FilterConfig database(String name) {
        return new FilterConfig(java.util.List.of(java.util.regex.Pattern.quote(name)), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.List.of());
    }
}
