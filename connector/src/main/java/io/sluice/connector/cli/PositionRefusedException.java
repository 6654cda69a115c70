package io.sluice.connector.cli;

/**
 * {@code sluice position set} refused a target the server cannot stream from (a file it does not have,
 * an offset inside a transaction, a GTID set beyond or before its binlog); the message names the fix.
 */
final class PositionRefusedException extends Exception {

    PositionRefusedException(String message) {
        super(message);
    }
}
