/**
 * Reads existing table rows with plain SELECTs, in primary-key chunks, as cells identical to those the
 * binlog decoding produces, so a snapshot row encodes exactly like the same row arriving by the binlog.
 */
package io.sluice.connector.snapshot;
