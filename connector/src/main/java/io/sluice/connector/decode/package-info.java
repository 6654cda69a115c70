/** Turns binlog cell values into exact typed values and writes them as JSON. */
package io.sluice.connector.decode;
