package io.sluice.connector.checkpoint;

import io.sluice.checkpoint.CheckpointException;

import java.nio.file.Path;

/**
 * Another process holds the {@link WriterLock} of a checkpoint file: a running daemon, or
 * {@code sluice position set}.
 */
public final class CheckpointLockedException extends CheckpointException {

    private final transient Path lockFile;
    private final String holder;

    CheckpointLockedException(Path checkpointFile, Path lockFile, String holder) {
        super("the checkpoint " + checkpointFile + " is in use by process " + holder + ", which holds " + lockFile
                + ": a Sluice daemon running with this checkpoint file, or a 'sluice position set' moving it. Two"
                + " writers would overwrite each other's position; stop the other one first, or give this instance"
                + " its own sluice.checkpoint.file.path.");
        this.lockFile = lockFile;
        this.holder = holder;
    }

    /** The lock file, {@code <checkpoint file>.lock}. */
    public Path lockFile() {
        return lockFile;
    }

    /** The holder as it named itself, usually {@code pid@host}. */
    public String holder() {
        return holder;
    }
}
