package io.sluice.connector.config;

/**
 * When and how existing rows are read ({@code sluice.snapshot}).
 *
 * @param mode        when a snapshot runs
 * @param chunkSize   rows per chunk: each chunk is one SELECT, and the most rows a snapshot thread holds
 * @param parallelism tables read at once, each by its own thread and connection
 * @param signalTable {@code db.table} of the table that takes snapshot requests while running, or {@code null}
 */
public record SnapshotConfig(Mode mode, int chunkSize, int parallelism, String signalTable) {

    /** When a snapshot runs. */
    public enum Mode {
        /** Snapshot the captured tables when no checkpoint exists yet, then stream. */
        INITIAL,
        /** Never snapshot on start; only on request (signal table). */
        NEVER,
        /** As {@link #INITIAL}, and again when the saved position is no longer on the server. */
        WHEN_NEEDED,
        /** Snapshot the captured tables, then stop. */
        INITIAL_ONLY
    }

    /** No snapshot on start, no signal table: streaming alone. */
    public static final SnapshotConfig NEVER = new SnapshotConfig(Mode.NEVER, 8192, 1, null);

    /** Reads {@code sluice.snapshot}. */
    static SnapshotConfig from(ConfigReader in) {
        String signalTable = in.optionalString("signal-table", "the signal table as \"db.table\"");
        if (signalTable != null && (signalTable.indexOf('.') <= 0 || signalTable.endsWith("."))) {
            in.problem("signal-table", "is \"" + signalTable + "\"; name it with its database, as \"db.table\"");
        }
        return new SnapshotConfig(
                in.choice("mode", Mode.class),
                in.integer("chunk-size", 1, 1_000_000),
                in.integer("parallelism", 1, 64),
                signalTable);
    }
}
