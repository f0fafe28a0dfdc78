package org.frontline.reports.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.frontline.reports.internal.ParseResult.DateMention;

/**
 * Which of a clause's date expressions is the event's own. The report's dateline and the day of a reporting verb
 * ("said on Wednesday", "according to local sources on Wednesday") tell when it was reported, not when it happened;
 * a month, a year or a "since/until" phrase is background; a day after the report's reference day is a plan. Of
 * the rest, a written date beats a weekday beats a relative day ("yesterday", "overnight") beats a week; of equals,
 * the first after the trigger word, else the nearest before it. Without an own date the reporting day serves, and
 * without that the report's reference day.
 */
final class EventTime {

    /** How sure: OWN = the event's own words; REPORTED = the day it was reported; NONE = the report's date. */
    enum Strength {
        OWN,
        REPORTED,
        NONE
    }

    record Choice(LocalDate date, String precision, DateMention words, Strength strength) {}

    private static final Pattern REPORTING = Pattern.compile("(?i)\\b(?:said|says|say|saying|reported|reports|"
            + "announced|told [\\p{L} .'’-]{1,40}?|stated|confirmed|claimed|added|wrote|statement|"
            + "according to [^,.;]{1,70}?|a monitor said|sources said)\\s+(?:on\\s+|late\\s+on\\s+|early\\s+on\\s+)?$");
    private static final Pattern BACKGROUND = Pattern.compile("(?i)\\b(?:since|until|till|by|before|after|from|"
            + "through|throughout|as of|began|begun|started|launched)\\s+(?:(?:on|in)\\s+)?(?:the\\s+(?:start|end|"
            + "beginning|middle)\\s+of\\s+)?$");
    private static final Pattern DAY_NAME =
            Pattern.compile("(?i)monday|tuesday|wednesday|thursday|friday|saturday|" + "sunday");
    private static final int HISTORY_YEARS = 10;

    private EventTime() {}

    static Choice choose(
            String text, int clauseStart, int triggerAt, List<DateMention> inClause, LocalDate ref, int datelineEnd) {
        DateMention best = null;
        double bestRank = -1;
        DateMention reported = null;
        for (DateMention d : inClause) {
            if (d.start() < datelineEnd || d.date().isAfter(ref)) continue; // the dateline; a plan
            if (d.date().isBefore(ref.minusYears(HISTORY_YEARS))
                    || d.precision().equals("year")) continue;
            String before = text.substring(Math.max(clauseStart, d.start() - 90), d.start());
            boolean possessive =
                    d.end() + 1 < text.length() && (text.startsWith("'s", d.end()) || text.startsWith("’s", d.end()));
            if (!possessive && REPORTING.matcher(before).find()) {
                if (reported == null) reported = d;
                continue;
            }
            // "the September buffer zone deal": a month naming something else
            boolean attributive = !d.precision().equals("day") && before.endsWith("the ");
            String lead = before.length() > 50 ? before.substring(before.length() - 50) : before;
            double rank = rank(d, attributive || BACKGROUND.matcher(lead).find());
            if (best == null || rank > bestRank || (rank == bestRank && closer(d, best, triggerAt))) {
                best = d;
                bestRank = rank;
            }
        }
        if (best != null) return new Choice(best.date(), best.precision(), best, Strength.OWN);
        if (reported != null) return new Choice(reported.date(), reported.precision(), reported, Strength.REPORTED);
        return new Choice(ref, "week", null, Strength.NONE);
    }

    private static double rank(DateMention d, boolean background) {
        if (background) return 0.2;
        return switch (d.precision()) {
            case "day" ->
                d.text().chars().anyMatch(Character::isDigit)
                        ? 4
                        : DAY_NAME.matcher(d.text().toLowerCase(Locale.ROOT)).find() ? 3 : 2;
            case "week" -> 1;
            default -> 0.5;
        };
    }

    /** Time words usually follow the verb ("were surrounded ... this week"): the first after it, else the nearest. */
    private static boolean closer(DateMention d, DateMention best, int at) {
        boolean dAfter = d.start() >= at;
        boolean bestAfter = best.start() >= at;
        if (dAfter != bestAfter) return dAfter;
        return dAfter ? d.start() < best.start() : d.start() > best.start();
    }
}
