package io.sluice.connector.operations;

import io.sluice.connector.binlog.BinlogReader;
import io.sluice.connector.metrics.SluiceMetrics;
import io.sluice.connector.pipeline.Pipeline;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.position.Checkpoint;
import io.sluice.connector.position.SnapshotProgress;
import io.sluice.connector.position.TableProgress;
import io.sluice.sink.Sink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state metrics of a running daemon, each read from the stage that owns it when scraped: queue
 * and in-flight depth, how far behind the source, positions, checkpoint age, snapshot progress,
 * connection state and errors. See docs/operations.md for what each means and what to alert on.
 */
public final class PipelineGauges {

    private PipelineGauges() {
    }

    public static void register(SluiceMetrics metrics, BinlogReader reader, Pipeline pipeline, Sink sink,
                                Supplier<Readiness> readiness) {
        metrics.gauge("sluice_queue_rows", "Row changes waiting between the binlog reader and the publisher",
                pipeline::queuedRows);
        metrics.gauge("sluice_in_flight_events", "Events handed to the sink and not yet acknowledged",
                pipeline::inFlightEvents);
        metrics.gauge("sluice_in_flight_bytes", "Encoded bytes handed to the sink and not yet acknowledged",
                pipeline::inFlightBytes);
        metrics.gauge("sluice_sink_oldest_unacknowledged_seconds",
                "How long the oldest unacknowledged event has waited for the sink; 0 when none waits",
                () -> pipeline.oldestUnacknowledged().toNanos() / 1e9);
        metrics.gauge("sluice_source_lag_seconds", "Seconds behind the source: from the commit of the last"
                        + " streamed change on the server (second resolution) to handing it to the sink",
                () -> pipeline.sourceLag().toMillis() / 1e3);
        metrics.gauge("sluice_checkpoint_age_seconds", "Seconds since the saved checkpoint last caught up with"
                + " the delivered events; about sluice.checkpoint.interval when healthy", () ->
                pipeline.checkpointAge().toMillis() / 1e3);
        metrics.gauge("sluice_binlog_file_number", "The binlog file's sequence number (binlog.000042 is 42) of"
                        + " the published position and of the checkpoint", "position",
                positions(pipeline, binlog -> fileNumber(binlog.file())));
        metrics.gauge("sluice_binlog_offset", "The byte offset in that binlog file of the last transaction"
                + " started, for the published position and the checkpoint", "position",
                positions(pipeline, BinlogPosition::offset));
        metrics.gauge("sluice_snapshot_tables_pending",
                "Tables the running snapshot has still to finish; 0 when none runs", () -> {
                    SnapshotProgress progress = pipeline.snapshotProgress();
                    return progress == null ? 0 : progress.tables().size();
                });
        metrics.gauge("sluice_snapshot_rows_done", "Rows of each table being snapshotted that are published",
                new String[] {"database", "table"}, callback -> {
                    SnapshotProgress progress = pipeline.snapshotProgress();
                    if (progress != null) {
                        for (TableProgress table : progress.tables()) {
                            callback.call(table.rowsDone(), table.database(), table.table());
                        }
                    }
                });
        metrics.gauge("sluice_ready", "1 when /health/ready answers 200", () -> readiness.get().ready() ? 1 : 0);
        metrics.gauge("sluice_source_connected", "1 while the binlog connection is up", () -> reader.connected() ? 1 : 0);
        metrics.gauge("sluice_sink_connected", "1 while the sink reaches its broker", () -> sink.connected() ? 1 : 0);
        Map<String, DoubleSupplier> errors = new LinkedHashMap<>();
        errors.put("source_connection_lost", reader::connectionsLost);
        errors.put("checkpoint_save_failed", pipeline::failedCheckpointSaves);
        errors.put("delivery_failed", () -> pipeline.failure() == null ? 0 : 1);
        metrics.counter("sluice_errors", "Errors by kind: lost binlog connections (re-established by themselves),"
                + " failed checkpoint saves (retried), and a sink or store failure that stopped the daemon", "kind", errors);
    }

    private static Map<String, DoubleSupplier> positions(Pipeline pipeline, Function<BinlogPosition, Number> part) {
        Map<String, DoubleSupplier> series = new LinkedHashMap<>();
        series.put("published", () -> value(pipeline.published(), part));
        series.put("checkpoint", () -> value(pipeline.checkpointed(), part));
        return series;
    }

    private static double value(Checkpoint checkpoint, Function<BinlogPosition, Number> part) {
        return checkpoint == null ? Double.NaN : part.apply(checkpoint.binlog()).doubleValue();
    }

    /** The digits after the last dot; a position known by GTID set alone has no file yet. */
    static long fileNumber(String file) {
        int dot = file.lastIndexOf('.');
        try {
            return dot < 0 ? 0 : Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
