package io.sluice.connector.snapshot;

import io.sluice.connector.decode.InvalidDate;
import io.sluice.connector.decode.InvalidDateTime;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Temporal values between the text a server sends for a SELECT (session {@code time_zone} {@code +00:00})
 * and the values the binlog decoding produces: DATE {@link LocalDate} or {@link InvalidDate}, TIME
 * {@link Duration} (negative or above 24 hours), DATETIME {@link LocalDateTime} or {@link InvalidDateTime},
 * TIMESTAMP {@link Instant} or {@link InvalidDateTime#ZERO}. Zero and invalid dates stay as the server
 * stored them, as in the binlog.
 */
final class TemporalText {

    private TemporalText() {
    }

    /** {@code YYYY-MM-DD}. */
    static Serializable date(String text) {
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException notACalendarDay) {
            return year == 0 && month == 0 && day == 0 ? InvalidDate.ZERO : new InvalidDate(year, month, day);
        }
    }

    /** {@code YYYY-MM-DD hh:mm:ss[.ffffff]}. */
    static Serializable datetime(String text) {
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int micros = micros(text, 19);
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
        } catch (DateTimeException notACalendarDay) {
            if ((year | month | day | hour | minute | second | micros) == 0) {
                return InvalidDateTime.ZERO;
            }
            return new InvalidDateTime(year, month, day, hour, minute, second, micros);
        }
    }

    /** A TIMESTAMP read in UTC; the zero value is the only one that names no instant. */
    static Serializable timestamp(String text) {
        Serializable value = datetime(text);
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
        }
        if (!InvalidDateTime.ZERO.equals(value)) {
            throw new IllegalArgumentException("TIMESTAMP text '" + text + "' names no instant and is not the zero value");
        }
        return value;
    }

    /** {@code [-]h..h:mm:ss[.ffffff]}, hours of two or three digits. */
    static Duration time(String text) {
        boolean negative = text.startsWith("-");
        int start = negative ? 1 : 0;
        int firstColon = text.indexOf(':', start);
        long hours = number(text, start, firstColon);
        long minutes = number(text, firstColon + 1, firstColon + 3);
        long seconds = number(text, firstColon + 4, firstColon + 6);
        long micros = (hours * 3600 + minutes * 60 + seconds) * 1_000_000L + micros(text, firstColon + 6);
        return Duration.ofNanos((negative ? -micros : micros) * 1000);
    }

    /** The text a server reads back as {@code value} of a DATE column, for a key comparison. */
    static String dateText(Serializable value) {
        if (value instanceof LocalDate date) {
            return dateText(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        }
        InvalidDate date = (InvalidDate) value;
        return dateText(date.year(), date.month(), date.day());
    }

    /** The text of a DATETIME or TIMESTAMP value, in UTC, with six fraction digits. */
    static String datetimeText(Serializable value) {
        if (value instanceof Instant instant) {
            value = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime datetime) {
            return dateText(datetime.getYear(), datetime.getMonthValue(), datetime.getDayOfMonth()) + " "
                    + clockText(datetime.getHour(), datetime.getMinute(), datetime.getSecond(), datetime.getNano() / 1000);
        }
        InvalidDateTime datetime = (InvalidDateTime) value;
        return dateText(datetime.year(), datetime.month(), datetime.day()) + " "
                + clockText(datetime.hour(), datetime.minute(), datetime.second(), datetime.micros());
    }

    /** The text of a TIME value, with six fraction digits. */
    static String timeText(Duration value) {
        long micros = value.getSeconds() * 1_000_000L + value.getNano() / 1000;
        String sign = micros < 0 ? "-" : "";
        micros = Math.abs(micros);
        long seconds = micros / 1_000_000;
        return sign + clockText(seconds / 3600, seconds / 60 % 60, seconds % 60, micros % 1_000_000);
    }

    private static String dateText(int year, int month, int day) {
        return String.format("%04d-%02d-%02d", year, month, day);
    }

    private static String clockText(long hour, long minute, long second, long micros) {
        return String.format("%02d:%02d:%02d.%06d", hour, minute, second, micros);
    }

    /** The fraction after {@code text[dot]}, if there is one, in microseconds. */
    private static int micros(String text, int dot) {
        if (dot >= text.length() || text.charAt(dot) != '.') {
            return 0;
        }
        int micros = 0;
        for (int i = 1; i <= 6; i++) {
            micros *= 10;
            if (dot + i < text.length()) {
                micros += digit(text, dot + i);
            }
        }
        return micros;
    }

    private static int number(String text, int from, int to) {
        if (from < 0 || to > text.length() || from >= to) {
            throw new IllegalArgumentException("not a temporal value the server writes: '" + text + "'");
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + digit(text, i);
        }
        return value;
    }

    private static int digit(String text, int i) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not a temporal value the server writes: '" + text + "'");
        }
        return c - '0';
    }
}
