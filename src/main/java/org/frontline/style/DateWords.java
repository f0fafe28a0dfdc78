package org.frontline.style;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as people read them, the same as {@code frontend/js/dates.js}: "23 August 2019", ranges inclusive
 * ("19–22 August 2019"), instants to the minute in UTC. The API and exports keep ISO dates with an exclusive end;
 * only what is shown to a reader goes through here.
 */
public final class DateWords {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.UK);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private DateWords() {}

    /** "23 August 2019". */
    public static String day(LocalDate d) {
        return DAY.format(d);
    }

    /** Both days inclusive: "19–22 August 2019", "30 July – 2 August 2019", "28 December 2019 – 3 January 2020".
     */
    public static String range(LocalDate first, LocalDate last) {
        if (last == null) {
            return "since " + day(first);
        }
        if (!last.isAfter(first)) {
            return day(first);
        }
        if (first.getYear() != last.getYear()) {
            return day(first) + " – " + day(last);
        }
        if (first.getMonth() != last.getMonth()) {
            return DAY_MONTH.format(first) + " – " + day(last);
        }
        return first.getDayOfMonth() + "–" + last.getDayOfMonth() + " " + MONTH_YEAR.format(last);
    }

    /** An instant to the minute in UTC: "27 November 2026, 19:26 UTC". */
    public static String instant(Instant t) {
        return day(t.atOffset(ZoneOffset.UTC).toLocalDate()) + ", " + TIME.format(t.atOffset(ZoneOffset.UTC)) + " UTC";
    }
}
