package io.sluice.connector.decode;

import java.io.Serializable;

/**
 * A DATETIME or TIMESTAMP value whose date part names no calendar day, kept exactly as the server
 * stored it: {@code 0000-00-00 00:00:00}, zero month or day, or a day its month lacks (see
 * {@link InvalidDate}). A zero TIMESTAMP (stored as epoch second 0) decodes to {@link #ZERO}. Valid
 * values decode to {@link java.time.LocalDateTime} (DATETIME) or {@link java.time.Instant} (TIMESTAMP).
 *
 * @param year   0..9999
 * @param month  0..12
 * @param day    0..31
 * @param hour   0..23
 * @param minute 0..59
 * @param second 0..59
 * @param micros fraction of the second in microseconds, 0..999999
 */
public record InvalidDateTime(int year, int month, int day, int hour, int minute, int second, int micros)
        implements Serializable {

    /** {@code 0000-00-00 00:00:00}. */
    public static final InvalidDateTime ZERO = new InvalidDateTime(0, 0, 0, 0, 0, 0, 0);
}
