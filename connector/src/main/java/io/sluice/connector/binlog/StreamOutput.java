package io.sluice.connector.binlog;

/** Receives what the reader produces, in binlog order; blocking here pauses reading (back-pressure). */
public interface StreamOutput {

    void put(StreamItem item) throws InterruptedException;

    /**
     * The reader has read every event before {@code offset} of {@code file} and is between transactions:
     * no row change lies between the last item put and that point. Lets a snapshot place rows after a
     * point the server reported (a rotation or a heartbeat) without waiting for the next transaction.
     */
    default void readThrough(String file, long offset) throws InterruptedException {
    }
}
