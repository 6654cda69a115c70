package io.sluice.connector.binlog;

/** Reading the binlog stopped for a reason a reconnect cannot mend; the message says what to do. */
public final class BinlogReadException extends Exception {

    public BinlogReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
