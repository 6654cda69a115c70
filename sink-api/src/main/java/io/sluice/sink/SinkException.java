package io.sluice.sink;

/** A sink cannot be created or cannot publish. The message says what, where and how to fix it. */
public class SinkException extends Exception {

    public SinkException(String message) {
        super(message);
    }

    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
