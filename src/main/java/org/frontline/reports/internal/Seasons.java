package org.frontline.reports.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.reports.internal.ParseResult.DateMention;

/**
 * Season expressions ("last winter", "in the spring", "this summer", "autumn 2019", "early spring", "winter
 * 2019/20") as date ranges, never a day. Seasons are the northern hemisphere's meteorological ones: spring March to
 * May, summer June to August, autumn (fall) September to November, winter December to February; "winter 2020" is
 * the one whose January is in 2020 (December 2019 to February 2020), "winter 2019/20" says the same. A plain season
 * has precision "season" (three months from its first day); early/mid/late pick its first, middle or last month
 * (precision "month"). Without a year a season is anchored to the report's reference day (its dateline): "last
 * winter" is the latest winter that ended before the current season (on 10 February 2020 that is December 2018 to
 * February 2019, on 15 June 2020 December 2019 to February 2020); "this summer" the summer nearest the reference
 * day; "next spring" the first one after it; "in the spring" the latest one begun by then, or the next one when the
 * sentence speaks of the future. Only with a lead word (in, during, last, this, early...) or a year is a season
 * word read as a date, and a capitalised one next to another name is part of that name ("Operation Spring Shield",
 * "Peace Spring", "the Arab Spring"); "fall" needs a lead word and is no date before "of" ("the fall of Aleppo").
 */
final class Seasons {

    private static final Pattern SEASON = Pattern.compile("(?i)\\b(?:(in|during|over|through|throughout|since|"
            + "until|by|from|for|of|at|across)\\s+)?(?:(the)\\s+)?(?:(last|this|next|past|previous|coming)\\s+)?"
            + "(?:(early|mid|late)[ -])?(winter|spring|summer|autumn|fall)(?:\\s+(?:of\\s+)?((?:19|20)\\d{2})"
            + "(?:\\s*[/–-]\\s*(\\d{4}|\\d{2}))?)?\\b(?!-)");
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}[\\p{L}-]*");

    private Seasons() {}

    /** Adds each season expression in the text, resolved against {@code ref}, to {@code out}. */
    static void find(String text, LocalDate ref, TreeMap<Integer, DateMention> out) {
        Matcher m = SEASON.matcher(text);
        while (m.find()) {
            String lead = lower(m.group(1));
            String the = m.group(2);
            String rel = lower(m.group(3));
            String part = lower(m.group(4));
            String name = m.group(5);
            String year = m.group(6);
            if (lead == null && rel == null && part == null && year == null) continue;
            if (isName(text, m.start(5), m.end(5), rel != null || part != null)) continue;
            int first = firstMonth(name);
            if (first == 9 && name.equalsIgnoreCase("fall")) {
                if (lead == null && rel == null && part == null) continue; // "fall 2019" alone: a verb's object
                if (year == null && text.startsWith(" of ", m.end())) continue; // "the fall of Aleppo"
            }
            LocalDate start = year != null
                    ? withYear(first, DateExtractor.num(year), m.group(7) != null)
                    : anchored(first, ref, rel, DateExtractor.future(text, m.start()));
            int from = the != null && lead != null
                    ? m.start(2)
                    : rel != null ? m.start(3) : part != null ? m.start(4) : m.start(5);
            String words = text.substring(from, m.end());
            if (part == null) {
                DateExtractor.addSpan(out, from, m.end(), words, start, "season");
            } else {
                int offset = part.equals("early") ? 0 : part.equals("mid") ? 1 : 2;
                DateExtractor.addSpan(out, from, m.end(), words, start.plusMonths(offset), "month");
            }
        }
    }

    /** First day of the season that begins in {@code firstMonth}, given its year ("winter 2020": December 2019). */
    private static LocalDate withYear(int firstMonth, int year, boolean split) {
        if (firstMonth == 12 && !split) return LocalDate.of(year - 1, 12, 1);
        return LocalDate.of(year, firstMonth, 1);
    }

    private static LocalDate anchored(int firstMonth, LocalDate ref, String rel, boolean future) {
        LocalDate latest = LocalDate.of(ref.getYear(), firstMonth, 1);
        if (latest.isAfter(ref)) latest = latest.minusYears(1); // the latest one begun by the reference day
        boolean current = ref.isBefore(latest.plusMonths(3));
        LocalDate next = latest.plusYears(1);
        if (rel == null) return future && !current ? next : latest;
        return switch (rel) {
            case "last", "past", "previous" -> current ? latest.minusYears(1) : latest;
            case "next", "coming" -> next;
            default -> { // this: the nearer of the latest (ended how long ago) and the next (begins how soon)
                long endedAgo =
                        current ? 0 : ref.toEpochDay() - latest.plusMonths(3).toEpochDay();
                long beginsIn = next.toEpochDay() - ref.toEpochDay();
                yield endedAgo <= beginsIn ? latest : next;
            }
        };
    }

    /** "Spring Shield", "Peace Spring", "Arab Spring": a capitalised season word beside another capitalised word. */
    private static boolean isName(String text, int start, int end, boolean led) {
        if (!Character.isUpperCase(text.charAt(start))) return false;
        Matcher after = CAPITALISED.matcher(text);
        int a = end;
        while (a < text.length() && text.charAt(a) == ' ') a++;
        if (a > end && after.region(a, text.length()).lookingAt()) return true;
        if (led) return false;
        int b = start;
        while (b > 0 && text.charAt(b - 1) == ' ') b--;
        int w = b;
        while (w > 0 && Character.isLetter(text.charAt(w - 1))) w--;
        return w < b && Character.isUpperCase(text.charAt(w)) && !isLead(text.substring(w, b));
    }

    private static boolean isLead(String word) {
        return word.matches("(?i)in|during|over|through|throughout|since|until|by|from|for|of|at|across|the");
    }

    private static int firstMonth(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "spring" -> 3;
            case "summer" -> 6;
            case "autumn", "fall" -> 9;
            default -> 12;
        };
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
