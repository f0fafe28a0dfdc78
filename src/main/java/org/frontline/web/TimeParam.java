package org.frontline.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Dates and instants as users write them: "2019-08-23" (midnight UTC) or an ISO-8601 instant such as
 * "2019-08-23T10:15:00Z". Dates are the common case: the data is known to the day at best.
 */
public final class TimeParam {
    private TimeParam() {}

    public static Instant required(String value, String name, String context) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(name + " is missing");
        }
        return parse(value, name);
    }

    public static Instant optional(String value, String name, String context) {
        return value == null || value.isBlank() ? null : parse(value, name);
    }

    public static Instant parse(String value, String name) {
        String v = value.strip();
        Instant t;
        try {
            t = v.length() == 10
                    ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException(name + " is not a date (YYYY-MM-DD) or an ISO-8601 instant: '" + value + "'");
        }
        if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) {
            throw new BadInputException(name + " must lie between the years 1900 and 2999, got '" + value + "'");
        }
        return t;
    }

    /** The range of time the store accepts; the API's open-ended queries span it. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    /** A range of valid time, [from, to). */
    public record Window(Instant from, Instant to) {}

    /**
     * The {@code from}/{@code to} parameters as every endpoint reads them: an open end reaches {@link #EARLIEST} or
     * {@link #LATEST}, a plain date as {@code to} means through that day, and {@code to} must come after
     * {@code from}.
     */
    public static Window window(String from, String to) {
        Instant f = from == null ? EARLIEST : parse(from, "from");
        Instant t = to == null ? LATEST : parse(to, "to");
        if (isDate(to)) {
            t = t.plus(1, ChronoUnit.DAYS);
        }
        if (!t.isAfter(f)) {
            throw new BadInputException("'to' (" + to + ") must not be before 'from' (" + from + ")");
        }
        return new Window(f, t);
    }

    /** True when the user wrote a plain date, which as an end bound means "through that day". */
    public static boolean isDate(String value) {
        return value != null && value.strip().length() == 10;
    }

    /** End (exclusive) of the period of the given precision that starts at {@code from} (a season: 3 months). */
    public static Instant endOfPeriod(Instant from, String precision) {
        OffsetDateTime t = from.atOffset(ZoneOffset.UTC);
        return switch (precision) {
            case "week" -> t.plusWeeks(1).toInstant();
            case "month" -> t.plusMonths(1).toInstant();
            case "season" -> t.plusMonths(3).toInstant();
            case "year" -> t.plusYears(1).toInstant();
            default -> t.plusDays(1).toInstant();
        };
    }

    /** An instant as the API writes it: a plain date when it is midnight UTC. */
    public static String format(Instant t) {
        if (t == null) {
            return null;
        }
        OffsetDateTime o = t.atOffset(ZoneOffset.UTC);
        return o.toLocalTime().toSecondOfDay() == 0 && o.getNano() == 0
                ? o.toLocalDate().toString()
                : t.toString();
    }
}
