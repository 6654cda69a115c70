package io.sluice.servers;

/**
 * A throwaway server could not be prepared, started, stopped or used. The message names the
 * server, its port and data directory and, for start-up failures, ends with the last lines of the
 * server's log file, so a failing test shows why without anyone opening files.
 */
public class ServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerException(String message) {
        super(message);
    }

    public ServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
