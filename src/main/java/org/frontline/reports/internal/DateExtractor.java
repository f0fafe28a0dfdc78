package org.frontline.reports.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.reports.internal.ParseResult.DateMention;
import org.frontline.web.TimeParam;

/**
 * Resolves date expressions with a precision (day / week / month / year) against the report's reference day: the
 * agency dateline at the head of the text ("BEIRUT, July 27 (Reuters) -", "IDLIB, 27 July:", "22.07.2020, Afrin.")
 * when there is one, else the publication date. A day-and-month without a year is the latest such day on or before
 * the reference, unless its sentence speaks of the future ("is set to host ... on 16 September"); a weekday is the
 * latest such day on or before it; "last September" is the previous year's. Month, season-like and year expressions
 * keep month/year precision ("early/mid/late" move the start to the 1st/11th/21st) and never claim a day.
 */
final class DateExtractor {

    static final String MONTHS = "(January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
    private static final String DAYS = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String PART =
            "(?:(early|mid|late|the end of|the beginning of|the start of|the middle of)[ -])?";

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH =
            Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTHS + "\\.?(?:,? (\\d{4}))?\\b");
    private static final Pattern MONTH_DAY =
            Pattern.compile("\\b" + MONTHS + "\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4})\\b)?(?!:\\d)");
    private static final Pattern MONTH = Pattern.compile("\\b(?:(in|since|until|by|from|of|during|last|this|"
            + "early|mid|late|the end of|the beginning of|the start of|the middle of)[ -])?" + PART + MONTHS
            + "(?: (\\d{4}))?\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(last|this|next|on|since|late on|early on|"
            + "earlier on|later on|late|early|overnight|on the night of) )?" + DAYS + "\\b");
    private static final Pattern RELATIVE = Pattern.compile(
            "\\b(today|yesterday|overnight|last night|tonight|"
                    + "this (?:morning|afternoon|evening)|earlier today|early today|since (?:early morning|dawn|midnight)|"
                    + "at dawn|after midnight|(?:in|over) the (?:last|past) 24 hours|(?:over |during |at )?the weekend|"
                    + "last weekend|this weekend|"
                    + "this week|last week|earlier this week|this month|last month|earlier this month|this year|last year|"
                    + "earlier this year|next week|next month|next year|(\\d{1,3}|two|three|four|five|six|seven|ten) "
                    + "(days|weeks|months|years) ago)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\b(?:[Ii]n|[Ss]ince|of|during|until) ((?:19|20)\\d{2})\\b");
    /** The head of a wire story: "CITY[, Country], <date>[ (Agency)] -" or "<dd.mm.yyyy>, City." */
    private static final Pattern DATELINE = Pattern.compile("^\\s*(?:(?!(?:On|In|By|Since|From|At|As|After|"
            + "Before|Until|During|Last|This|Early|Late|Today|The)\\b)\\p{Lu}[\\p{L}.'’ -]{1,40}"
            + "(?:, ?\\p{Lu}[\\p{L} ]{1,30})?"
            + ",? (?:" + MONTHS + "\\.? (\\d{1,2})|(\\d{1,2}) " + MONTHS + ")(?:,? (\\d{4}))?\\b\\.?\\s*"
            + "(?:\\([^)\\n]{1,60}\\))?\\s*(?:--|[-–—:])?|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}),)");
    /** "KABUL (UrduPoint News / Sputnik - 13th September, 2020)": the day inside the agency's brackets. */
    private static final Pattern BRACKET_DATELINE =
            Pattern.compile("^\\s*\\p{Lu}[\\p{L}.'’ ,-]{1,40}\\s*\\(([^)\\n]{4,80})\\)" + "\\s*(?:--|[-–—:])?");
    /** Words that put a day in the future: a plan, not a report. */
    private static final Pattern FUTURE = Pattern.compile("(?i)\\b(will|would|shall|must|due|deadline|set to|"
            + "scheduled|planned|plans? to|"
            + "expected to|upcoming|to (?:hold|host|start|begin|take effect|meet|resume|open|visit))\\b");

    /** The dateline at the head of a text: where it ends and the day it names. */
    record Dateline(int end, LocalDate date) {}

    private DateExtractor() {}

    /**
     * The agency dateline heading the text, if any, with its day resolved against the publication date (never
     * after it); null when the text has none or it names an impossible day.
     */
    static Dateline dateline(String text, LocalDate published) {
        String head = text.length() > 160 ? text.substring(0, 160) : text;
        Matcher m = DATELINE.matcher(head);
        if (!m.find()) return bracketDateline(head, published);
        try {
            LocalDate d;
            if (m.group(6) != null) {
                d = LocalDate.of(num(m.group(8)), num(m.group(7)), num(m.group(6)));
            } else {
                Month month = month(m.group(1) != null ? m.group(1) : m.group(4));
                int day = num(m.group(2) != null ? m.group(2) : m.group(3));
                d = m.group(5) != null ? LocalDate.of(num(m.group(5)), month, day) : latest(published, month, day);
            }
            return new Dateline(m.end(), d);
        } catch (DateTimeException e) {
            return null; // "BEIRUT, February 31 -": not a day; the publication date stands
        }
    }

    private static Dateline bracketDateline(String head, LocalDate published) {
        Matcher b = BRACKET_DATELINE.matcher(head);
        if (!b.find()) return null;
        String inside = b.group(1);
        Matcher d = DAY_MONTH.matcher(inside);
        Matcher md = MONTH_DAY.matcher(inside);
        try {
            if (d.find()) {
                Month month = month(d.group(2));
                return new Dateline(
                        b.end(),
                        d.group(3) != null
                                ? LocalDate.of(num(d.group(3)), month, num(d.group(1)))
                                : latest(published, month, num(d.group(1))));
            }
            if (md.find()) {
                Month month = month(md.group(1));
                return new Dateline(
                        b.end(),
                        md.group(3) != null
                                ? LocalDate.of(num(md.group(3)), month, num(md.group(2)))
                                : latest(published, month, num(md.group(2))));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** The day relative expressions count from: the dateline's when it is at most a week before publication. */
    static LocalDate reference(String text, LocalDate published) {
        Dateline d = dateline(text, published);
        if (d == null || d.date().isAfter(published) || d.date().isBefore(published.minusDays(7))) return published;
        return d.date();
    }

    static List<DateMention> find(String text, LocalDate published) {
        LocalDate ref = reference(text, published);
        TreeMap<Integer, DateMention> out = new TreeMap<>();
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            try {
                add(out, m, LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3))), "day");
            } catch (DateTimeException ignored) {
                // not a calendar date (e.g. a reference number); leave it
            }
        }
        m = DAY_MONTH.matcher(text);
        while (m.find()) addDay(out, text, m, ref, num(m.group(1)), m.group(2), m.group(3));
        m = MONTH_DAY.matcher(text);
        while (m.find()) addDay(out, text, m, ref, num(m.group(2)), m.group(1), m.group(3));
        m = WEEKDAY.matcher(text);
        while (m.find()) weekday(out, m, ref);
        m = RELATIVE.matcher(text);
        while (m.find()) relative(out, m, ref);
        Seasons.find(text, ref, out);
        m = MONTH.matcher(text);
        while (m.find()) month(out, m, ref);
        m = YEAR.matcher(text);
        while (m.find()) add(out, m.start(1), m.end(1), text, LocalDate.of(num(m.group(1)), 1, 1), "year");
        List<DateMention> found = new ArrayList<>();
        for (DateMention d : out.values()) {
            if (d.date() != null) found.add(d);
        }
        return found;
    }

    private static void addDay(
            TreeMap<Integer, DateMention> out,
            String text,
            Matcher m,
            LocalDate ref,
            int day,
            String monthName,
            String year) {
        Month month = month(monthName);
        try {
            LocalDate d;
            if (year != null) {
                d = LocalDate.of(num(year), month, day);
            } else if (future(text, m.start())) {
                d = nearest(ref, month, day);
            } else {
                d = latest(ref, month, day);
            }
            add(out, m, d, "day");
        } catch (DateTimeException ignored) {
            // "31 February" and the like are not dates, nor is their month alone
            addSpan(out, m.start(), m.end(), m.group(), null, null);
        }
    }

    /** Whether the sentence before this offset speaks of what is to come. */
    static boolean future(String text, int at) {
        String before = text.substring(Math.max(0, at - 100), at);
        int stop = Math.max(before.lastIndexOf(". "), before.lastIndexOf('\n'));
        if (stop >= 0) before = before.substring(stop + 1);
        return FUTURE.matcher(before).find() || before.endsWith("by ");
    }

    /** The latest such day on or before the reference (29 February looks back to the last leap year). */
    private static LocalDate latest(LocalDate ref, Month month, int day) {
        for (int y = ref.getYear(); y >= ref.getYear() - 8; y--) {
            if (day > month.length(java.time.Year.isLeap(y))) continue;
            LocalDate d = LocalDate.of(y, month, day);
            if (!d.isAfter(ref)) return d;
        }
        throw new DateTimeException("no " + month + " " + day);
    }

    private static LocalDate nearest(LocalDate ref, Month month, int day) {
        LocalDate best = null;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            if (day > month.length(java.time.Year.isLeap(y))) continue;
            LocalDate d = LocalDate.of(y, month, day);
            if (best == null
                    || Math.abs(d.toEpochDay() - ref.toEpochDay()) < Math.abs(best.toEpochDay() - ref.toEpochDay())) {
                best = d;
            }
        }
        if (best == null) throw new DateTimeException("no " + month + " " + day);
        return best;
    }

    private static void relative(TreeMap<Integer, DateMention> out, Matcher m, LocalDate d) {
        String e = m.group(1).toLowerCase(Locale.ROOT);
        LocalDate weekStart = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (e.endsWith("weekend")) {
            LocalDate saturday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
            add(
                    out,
                    m,
                    e.startsWith("last") && !saturday.isBefore(d.minusDays(1)) ? saturday.minusWeeks(1) : saturday,
                    "week");
            return;
        }
        if (e.startsWith("this ") && !e.endsWith("week") && !e.endsWith("month") && !e.endsWith("year")
                || e.startsWith("since ")
                || e.endsWith("24 hours")
                || e.endsWith(" today")
                || e.equals("at dawn")
                || e.equals("after midnight")) {
            add(out, m, d, "day"); // this morning, since early morning, in the past 24 hours, earlier today
            return;
        }
        switch (e) {
            case "today", "tonight" -> add(out, m, d, "day");
            case "yesterday", "overnight", "last night" -> add(out, m, d.minusDays(1), "day");
            case "this week", "earlier this week" -> add(out, m, weekStart, "week");
            case "last week" -> add(out, m, weekStart.minusWeeks(1), "week");
            case "next week" -> add(out, m, weekStart.plusWeeks(1), "week");
            case "this month", "earlier this month" -> add(out, m, d.withDayOfMonth(1), "month");
            case "last month" -> add(out, m, d.withDayOfMonth(1).minusMonths(1), "month");
            case "next month" -> add(out, m, d.withDayOfMonth(1).plusMonths(1), "month");
            case "this year", "earlier this year" -> add(out, m, d.withDayOfYear(1), "year");
            case "last year" -> add(out, m, d.withDayOfYear(1).minusYears(1), "year");
            case "next year" -> add(out, m, d.withDayOfYear(1).plusYears(1), "year");
            default -> {
                int n = wordNumber(m.group(2));
                switch (m.group(3).toLowerCase(Locale.ROOT)) {
                    case "days" -> add(out, m, d.minusDays(n), "day");
                    case "weeks" -> add(out, m, d.minusWeeks(n), "week");
                    case "months" -> add(out, m, d.minusMonths(n).withDayOfMonth(1), "month");
                    default -> add(out, m, d.minusYears(n).withDayOfYear(1), "year");
                }
            }
        }
    }

    private static void weekday(TreeMap<Integer, DateMention> out, Matcher m, LocalDate d) {
        DayOfWeek day = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        String mod = m.group(1) == null ? "" : m.group(1);
        LocalDate date = mod.equals("next")
                ? d.with(TemporalAdjusters.next(day))
                : mod.equals("last")
                        ? d.with(TemporalAdjusters.previous(day))
                        : d.with(TemporalAdjusters.previousOrSame(day));
        add(out, m.start(mod.isEmpty() || mod.equals("on") ? 2 : 0), m.end(), m, date, "day");
    }

    private static void month(TreeMap<Integer, DateMention> out, Matcher m, LocalDate d) {
        String lead = m.group(1);
        String part =
                m.group(2) != null ? m.group(2) : (lead != null && lead.matches("early|mid|late|the .*") ? lead : null);
        String name = m.group(3);
        // "May" is a verb too: take it only with a lead word, a part or a year
        if (name.equals("May") && lead == null && part == null && m.group(4) == null) return;
        Month month = month(name);
        int year;
        if (m.group(4) != null) {
            year = num(m.group(4));
        } else if ("last".equals(lead)) {
            year = d.getYear() - 1; // "last September": the previous year's ("this September" is this year's)
        } else if ("this".equals(lead)) {
            year = d.getYear();
        } else {
            year = month.getValue() <= d.getMonthValue() ? d.getYear() : d.getYear() - 1;
        }
        int day = part == null
                ? 1
                : switch (part) {
                    case "mid", "the middle of" -> 11;
                    case "late", "the end of" -> 21;
                    default -> 1;
                };
        int start = m.start(part != null && m.group(2) != null ? 2 : 3);
        if (part != null && m.group(2) == null) start = m.start(1);
        add(out, start, m.end(), m, LocalDate.of(year, month, day), "month");
    }

    static Month month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Month mo : Month.values()) {
            if (mo.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    .toLowerCase(Locale.ROOT)
                    .startsWith(n.substring(0, 3))) {
                return mo;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void add(TreeMap<Integer, DateMention> out, Matcher m, LocalDate date, String precision) {
        add(out, m.start(), m.end(), m, date, precision);
    }

    private static void add(
            TreeMap<Integer, DateMention> out, int start, int end, Matcher m, LocalDate date, String precision) {
        String text = m.group().substring(start - m.start(), end - m.start());
        addSpan(out, start, end, text, date, precision);
    }

    private static void add(
            TreeMap<Integer, DateMention> out, int start, int end, String text, LocalDate date, String precision) {
        addSpan(out, start, end, text.substring(start, end), date, precision);
    }

    /** Keeps the first (most specific) reading of any stretch of text; 'out' is keyed by start. */
    static void addSpan(
            TreeMap<Integer, DateMention> out, int start, int end, String text, LocalDate date, String precision) {
        // the spans kept never overlap, so only the last one starting before 'end' can overlap this one
        var before = out.lowerEntry(end);
        if (before != null && before.getValue().end() > start) return;
        out.put(
                start,
                new DateMention(text, start, end, date, precision, date == null ? null : until(date, precision)));
    }

    /** The end (exclusive) of the range a date of this precision stands for: one rule, also for accepted events. */
    static LocalDate until(LocalDate date, String precision) {
        return TimeParam.endOfPeriod(date.atStartOfDay(ZoneOffset.UTC).toInstant(), precision)
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
    }

    static int num(String s) {
        return Integer.parseInt(s);
    }

    static int wordNumber(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "ten" -> 10;
            default -> Integer.parseInt(s);
        };
    }
}
