/** Sinks built into the connector, and how the core finds sinks and checkpoint stores by type name. */
package io.sluice.connector.sink;
