package io.sluice.connector.config;

/**
 * How log lines are written ({@code sluice.log}).
 *
 * @param format plain text for people, or one JSON object per line for log collectors
 */
public record LogConfig(Format format) {

    /** The shape of a log line. */
    public enum Format {
        /** {@code time level [thread] logger - message}. */
        TEXT,
        /** One JSON object per line (logback's JSON encoder). */
        JSON
    }

    public static final LogConfig TEXT = new LogConfig(Format.TEXT);

    /** Reads {@code sluice.log}. */
    static LogConfig from(ConfigReader in) {
        return new LogConfig(in.choice("format", Format.class));
    }
}
