/**
 * Reads the binlog as a replica and turns its events into row changes in commit order, tracking
 * the position of every change so the stream can resume exactly.
 */
package io.sluice.connector.binlog;
