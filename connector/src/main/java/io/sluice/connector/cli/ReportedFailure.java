package io.sluice.connector.cli;

/** A failure a command has already reported on standard error; carries only its exit code onwards. */
final class ReportedFailure extends Exception {

    private final int exitCode;

    ReportedFailure(int exitCode, Exception cause) {
        super(cause.getMessage(), cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
