package io.sluice.connector.config;

import com.typesafe.config.Config;
import io.sluice.connector.decode.ValueEncoding;

/**
 * The whole daemon configuration, the {@code sluice} tree of the HOCON file.
 *
 * @param source     where to read the binlog from ({@code sluice.source})
 * @param filter     which databases, tables and columns to capture ({@code sluice.filter})
 * @param sink       where events go ({@code sluice.sink})
 * @param checkpoint where and how often the position is saved ({@code sluice.checkpoint})
 * @param pipeline   queue sizes between the stages ({@code sluice.pipeline})
 * @param encoding   how column values are written ({@code sluice.encoding})
 * @param snapshot   when and how existing rows are read ({@code sluice.snapshot})
 * @param http       the health and metrics endpoint ({@code sluice.http})
 * @param log        the log format ({@code sluice.log})
 */
public record SluiceConfig(
        SourceConfig source,
        FilterConfig filter,
        SinkSelection sink,
        CheckpointConfig checkpoint,
        PipelineConfig pipeline,
        ValueEncoding encoding,
        SnapshotConfig snapshot,
        HttpConfig http,
        LogConfig log) {

    /** No operations endpoint, text logs: as tests and embedded daemons usually want it. */
    public SluiceConfig(SourceConfig source, FilterConfig filter, SinkSelection sink, CheckpointConfig checkpoint,
                        PipelineConfig pipeline, ValueEncoding encoding, SnapshotConfig snapshot) {
        this(source, filter, sink, checkpoint, pipeline, encoding, snapshot, HttpConfig.DISABLED, LogConfig.TEXT);
    }

    /** The same configuration with another operations endpoint. */
    public SluiceConfig withHttp(HttpConfig endpoint) {
        return new SluiceConfig(source, filter, sink, checkpoint, pipeline, encoding, snapshot, endpoint, log);
    }

    /** A configuration that never snapshots: streaming alone, as most tests and tools want it. */
    public SluiceConfig(SourceConfig source, FilterConfig filter, SinkSelection sink, CheckpointConfig checkpoint,
                        PipelineConfig pipeline, ValueEncoding encoding) {
        this(source, filter, sink, checkpoint, pipeline, encoding, SnapshotConfig.NEVER);
    }

    /**
     * Validates and reads a merged, resolved configuration, such as {@link ConfigLoader} builds.
     * Unknown keys are checked against the {@code reference.conf} files on the class path.
     *
     * @param config the whole configuration with its {@code sluice} tree, defaults already merged in
     * @throws InvalidConfigException listing every problem found, not only the first
     */
    public static SluiceConfig from(Config config) {
        return from(config, ConfigLoader.reference(SluiceConfig.class.getClassLoader()));
    }

    static SluiceConfig from(Config config, Config reference) {
        ConfigReader in = ConfigReader.of(config, "sluice");
        UnknownKeys.find(config, reference).forEach(in::add);
        SluiceConfig result = new SluiceConfig(
                SourceConfig.from(in.child("source")),
                FilterConfig.from(in.child("filter")),
                SinkSelection.from(in.child("sink")),
                CheckpointConfig.from(in.child("checkpoint")),
                PipelineConfig.from(in.child("pipeline")),
                ValueEncodings.from(in.child("encoding")),
                SnapshotConfig.from(in.child("snapshot")),
                HttpConfig.from(in.child("http")),
                LogConfig.from(in.child("log")));
        in.throwIfProblems();
        return result;
    }
}
