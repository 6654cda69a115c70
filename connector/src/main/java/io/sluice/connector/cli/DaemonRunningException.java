package io.sluice.connector.cli;

/**
 * A command that writes the checkpoint refused because a daemon may be running with the same
 * configuration; the message says how that was detected and what to do.
 */
final class DaemonRunningException extends Exception {

    DaemonRunningException(String message, Throwable cause) {
        super(message, cause);
    }
}
