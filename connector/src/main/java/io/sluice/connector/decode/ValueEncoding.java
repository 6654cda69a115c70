package io.sluice.connector.decode;

/**
 * How column values are written into event JSON. The defaults favour plain JSON readers; the
 * {@code DEBEZIUM} choices give byte-identical values to Debezium's JSON converter for drop-in use.
 *
 * @param decimal  DECIMAL/NUMERIC columns
 * @param temporal DATE, TIME, DATETIME, TIMESTAMP and YEAR columns
 * @param binary   BINARY, VARBINARY, BLOB and BIT columns
 */
public record ValueEncoding(DecimalMode decimal, TemporalMode temporal, BinaryMode binary) {

    /** The defaults: exact decimal strings, ISO-8601 temporals, base64 bytes. */
    public static final ValueEncoding DEFAULT =
            new ValueEncoding(DecimalMode.STRING, TemporalMode.ISO, BinaryMode.BASE64);

    /** How DECIMAL values are written. */
    public enum DecimalMode {
        /** An exact JSON string, for example {@code "12345.6700"}: no precision lost in any reader. */
        STRING,
        /** A JSON number with every digit, which readers that parse numbers as doubles may round. */
        NUMBER,
        /** A JSON double, as Debezium's {@code decimal.handling.mode=double}. */
        DOUBLE
    }

    /** How temporal values are written. */
    public enum TemporalMode {
        /** ISO-8601 strings: {@code 2024-02-29}, {@code 13:45:00.123}, {@code 2024-02-29T13:45:00Z}. */
        ISO,
        /** Debezium's numbers: days, microseconds, milliseconds since the epoch; timestamps as ISO UTC. */
        DEBEZIUM
    }

    /** How byte strings are written. */
    public enum BinaryMode {
        /** Standard base64, as Debezium writes bytes. */
        BASE64,
        /** Lower-case hexadecimal. */
        HEX
    }
}
