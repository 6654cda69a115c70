/**
 * Turns binlog cells into exact typed values ({@link io.sluice.connector.decode.BinlogDeserializers}) and
 * writes them as JSON ({@link io.sluice.connector.decode.ValueWriter}).
 */
package io.sluice.connector.decode;
