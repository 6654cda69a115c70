package io.sluice.checkpoint;

import java.util.Optional;

/**
 * Keeps the position the core may resume from.
 *
 * <p>The checkpoint is an opaque JSON document owned by the core; a store keeps the latest one
 * durably and returns it unchanged. The core calls {@link #load} once at start-up, then
 * {@link #save} from a single thread, batched by time and count, and {@link #close} last.
 * A save that returns normally must survive a crash of the process ({@code kill -9}) immediately after.
 */
public interface CheckpointStore extends AutoCloseable {

    /** The last saved checkpoint, or empty when none was ever saved. */
    Optional<String> load() throws CheckpointException;

    /** Durably replaces the saved checkpoint. */
    void save(String checkpoint) throws CheckpointException;

    /** Where the checkpoint lives, for log lines and error messages (never includes secrets). */
    String describe();

    @Override
    void close();
}
