/**
 * Reads existing table rows with plain SELECTs, in primary-key chunks, as cells identical to those the
 * binlog decoding produces, so a snapshot row encodes exactly like the same row arriving by the binlog.
 *
 * <p>Not yet used by the daemon: the coordinator that interleaves chunks with the stream (watermarks,
 * chunk progress in the checkpoint, modes) is the next step. The parity tests
 * ({@code *SnapshotParityIT}) hold this part to the binlog's encoding on every server flavor.
 */
package io.sluice.connector.snapshot;
