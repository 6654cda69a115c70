package io.sluice.connector.config;

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
 */
public record SluiceConfig(
        SourceConfig source,
        FilterConfig filter,
        SinkSelection sink,
        CheckpointConfig checkpoint,
        PipelineConfig pipeline,
        ValueEncoding encoding) {
}
