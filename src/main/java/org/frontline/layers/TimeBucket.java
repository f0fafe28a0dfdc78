package org.frontline.layers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.frontline.web.BadInputException;

/** A bucket of valid time for counts: a UTC day, an ISO week (from Monday) or a calendar month. */
public enum TimeBucket {
    DAY,
    WEEK,
    MONTH;

    /** Reads {@code day}, {@code week} or {@code month}; anything else is a 400 naming the parameter. */
    public static TimeBucket parse(String text, String name) {
        if (text != null) {
            for (TimeBucket b : values()) {
                if (b.code().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return b;
                }
            }
        }
        throw new BadInputException(name + " must be day, week or month, got '" + text + "'");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the bucket holding {@code d}. */
    public LocalDate start(LocalDate d) {
        return switch (this) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
        };
    }

    /** The first day of the next bucket, given the first day of one. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
