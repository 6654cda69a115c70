/** Checkpoint stores built into the connector. */
package io.sluice.connector.checkpoint;
