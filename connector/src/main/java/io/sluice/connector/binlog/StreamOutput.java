package io.sluice.connector.binlog;

/** Receives what the reader produces, in binlog order; blocking here pauses reading (back-pressure). */
public interface StreamOutput {

    void put(StreamItem item) throws InterruptedException;
}
