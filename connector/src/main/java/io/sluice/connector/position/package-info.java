/** Where in the binlog the stream stands, and how that is written into a checkpoint. */
package io.sluice.connector.position;
