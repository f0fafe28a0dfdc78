package org.frontline.layers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** UTC days of instants, as the daily cell table counts them (db/&lt;database&gt;/V90): one rule for its readers. */
final class UtcDays {
    private UtcDays() {}

    /** The UTC date an instant falls on. */
    static LocalDate day(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Midnight UTC at or before the instant. */
    static Instant floor(Instant t) {
        return t.truncatedTo(ChronoUnit.DAYS);
    }

    /** Midnight UTC at or after the instant. */
    static Instant ceil(Instant t) {
        Instant d = floor(t);
        return d.equals(t) ? d : d.plus(1, ChronoUnit.DAYS);
    }

    /** Whether the instant is a midnight UTC. */
    static boolean midnight(Instant t) {
        return floor(t).equals(t);
    }
}
