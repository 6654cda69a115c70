package io.sluice.connector.decode;

import java.io.Serializable;

/**
 * A DATE value that names no calendar day, kept exactly as the server stored it: the zero date
 * {@code 0000-00-00}, a date with a zero month or day ({@code 2024-00-15}, {@code 2024-02-00}; accepted
 * unless {@code sql_mode} has {@code NO_ZERO_DATE}/{@code NO_ZERO_IN_DATE}), or a day its month lacks
 * ({@code 2024-02-30}, accepted under {@code ALLOW_INVALID_DATES}). Valid dates decode to
 * {@link java.time.LocalDate} instead.
 *
 * @param year  0..9999
 * @param month 0..12
 * @param day   0..31
 */
public record InvalidDate(int year, int month, int day) implements Serializable {

    /** {@code 0000-00-00}. */
    public static final InvalidDate ZERO = new InvalidDate(0, 0, 0);
}
