package io.sluice.connector.cli;

/** {@code sluice check} found at least one FAIL; the findings themselves were printed already. */
final class CheckFailedException extends Exception {

    CheckFailedException(long failures) {
        super(failures == 1 ? "1 check failed" : failures + " checks failed");
    }
}
