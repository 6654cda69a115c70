/** Table and column schemas as the binlog describes them, and where they come from. */
package io.sluice.connector.schema;
