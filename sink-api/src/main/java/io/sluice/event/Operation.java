package io.sluice.event;

/**
 * What happened to a row. The codes are Debezium's, so existing consumers read them unchanged.
 */
public enum Operation {
    /** A row was inserted. */
    CREATE("c"),
    /** A row was updated; the event carries the row before and after. */
    UPDATE("u"),
    /** A row was deleted; the event carries the row as it was. */
    DELETE("d"),
    /** A row was read by a snapshot rather than changed. */
    READ("r");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    /** The one-letter code written into the event's {@code op} field and sink headers. */
    public String code() {
        return code;
    }
}
