package io.sluice.checkpoint;

/** A checkpoint could not be read or written. The message says where and what to do. */
public class CheckpointException extends Exception {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
