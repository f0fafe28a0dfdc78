package org.frontline.reports.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.reports.internal.ParseResult.DateMention;

/**
 * Resolves date expressions against the report's dateline, with a precision (day / week / month / year).
 * A bare day-and-month takes the year that puts it nearest the dateline (reports announce coming summits);
 * a bare month ("in March") takes its latest occurrence not after the dateline's month. "early/mid/late"
 * move the start to the 1st/11th/21st but keep month precision.
 */
final class DateExtractor {

    private static final String MONTHS = "(January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
    private static final String DAYS = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String PART = "(?:(early|mid|late|the end of|the beginning of|the start of|the middle of)[ -])?";

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTHS
            + "\\.?(?:,? (\\d{4}))?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTHS + "\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b(?!:)");
    private static final Pattern MONTH = Pattern.compile("\\b(?:(in|since|until|by|from|of|during|last|this|"
            + "early|mid|late|the end of|the beginning of|the start of|the middle of)[ -])?" + PART + MONTHS
            + "(?: (\\d{4}))?\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(last|this|next|on|since|late on|early on) )?"
            + DAYS + "\\b");
    private static final Pattern RELATIVE = Pattern.compile("\\b(today|yesterday|overnight|last night|tonight|"
            + "this week|last week|earlier this week|this month|last month|earlier this month|this year|last year|"
            + "earlier this year|next week|next month|next year|(\\d+|two|three|four|five|six|seven|ten) "
            + "(days|weeks|months|years) ago)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\b(?:in|since|of|during|until) ((?:19|20)\\d{2})\\b");

    private DateExtractor() {
    }

    static List<DateMention> find(String text, LocalDate dateline) {
        TreeMap<Integer, DateMention> out = new TreeMap<>();
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            try {
                add(out, m, LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3))), "day");
            } catch (java.time.DateTimeException ignored) {
                // not a calendar date (e.g. a reference number); leave it
            }
        }
        m = DAY_MONTH.matcher(text);
        while (m.find()) addDay(out, m, dateline, num(m.group(1)), m.group(2), m.group(3));
        m = MONTH_DAY.matcher(text);
        while (m.find()) addDay(out, m, dateline, num(m.group(2)), m.group(1), m.group(3));
        m = RELATIVE.matcher(text);
        while (m.find()) relative(out, m, dateline);
        m = WEEKDAY.matcher(text);
        while (m.find()) weekday(out, m, dateline);
        m = MONTH.matcher(text);
        while (m.find()) month(out, m, dateline);
        m = YEAR.matcher(text);
        while (m.find()) add(out, m.start(1), m.end(1), text, LocalDate.of(num(m.group(1)), 1, 1), "year");
        return new ArrayList<>(out.values());
    }

    private static void addDay(TreeMap<Integer, DateMention> out, Matcher m, LocalDate dateline, int day, String monthName,
            String year) {
        Month month = month(monthName);
        try {
            LocalDate d;
            if (year != null) {
                d = LocalDate.of(num(year), month, day);
            } else {
                d = nearest(dateline, month, day);
            }
            add(out, m, d, "day");
        } catch (java.time.DateTimeException ignored) {
            // "31 February" and the like are not dates
        }
    }

    private static LocalDate nearest(LocalDate dateline, Month month, int day) {
        LocalDate best = null;
        for (int y = dateline.getYear() - 1; y <= dateline.getYear() + 1; y++) {
            LocalDate d = LocalDate.of(y, month, day);
            if (best == null || Math.abs(d.toEpochDay() - dateline.toEpochDay())
                    < Math.abs(best.toEpochDay() - dateline.toEpochDay())) {
                best = d;
            }
        }
        return best;
    }

    private static void relative(TreeMap<Integer, DateMention> out, Matcher m, LocalDate d) {
        String e = m.group(1).toLowerCase(Locale.ROOT);
        LocalDate weekStart = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
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
        LocalDate date = mod.equals("next") ? d.with(TemporalAdjusters.next(day))
                : mod.equals("last") ? d.with(TemporalAdjusters.previous(day))
                : d.with(TemporalAdjusters.previousOrSame(day));
        add(out, m.start(mod.isEmpty() || mod.equals("on") ? 2 : 0), m.end(), m, date, "day");
    }

    private static void month(TreeMap<Integer, DateMention> out, Matcher m, LocalDate d) {
        String lead = m.group(1);
        String part = m.group(2) != null ? m.group(2) : (lead != null && lead.matches("early|mid|late|the .*") ? lead : null);
        String name = m.group(3);
        // "May" is a verb too: take it only with a lead word, a part or a year
        if (name.equals("May") && lead == null && part == null && m.group(4) == null) return;
        Month month = month(name);
        int year;
        if (m.group(4) != null) {
            year = num(m.group(4));
        } else if ("last".equals(lead)) {
            year = month.getValue() < d.getMonthValue() ? d.getYear() : d.getYear() - 1;
        } else {
            year = month.getValue() <= d.getMonthValue() ? d.getYear() : d.getYear() - 1;
        }
        int day = part == null ? 1 : switch (part) {
            case "mid", "the middle of" -> 11;
            case "late", "the end of" -> 21;
            default -> 1;
        };
        int start = m.start(part != null && m.group(2) != null ? 2 : 3);
        if (part != null && m.group(2) == null) start = m.start(1);
        add(out, start, m.end(), m, LocalDate.of(year, month, day), "month");
    }

    private static Month month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Month mo : Month.values()) {
            if (mo.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(n.substring(0, 3))) {
                return mo;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void add(TreeMap<Integer, DateMention> out, Matcher m, LocalDate date, String precision) {
        add(out, m.start(), m.end(), m, date, precision);
    }

    private static void add(TreeMap<Integer, DateMention> out, int start, int end, Matcher m, LocalDate date, String precision) {
        String text = m.group().substring(start - m.start(), end - m.start());
        addSpan(out, start, end, text, date, precision);
    }

    private static void add(TreeMap<Integer, DateMention> out, int start, int end, String text, LocalDate date, String precision) {
        addSpan(out, start, end, text.substring(start, end), date, precision);
    }

    /** Keeps the first (most specific) reading of any stretch of text; 'out' is keyed by start. */
    private static void addSpan(TreeMap<Integer, DateMention> out, int start, int end, String text, LocalDate date, String precision) {
        // the spans kept never overlap, so only the last one starting before 'end' can overlap this one
        var before = out.lowerEntry(end);
        if (before != null && before.getValue().end() > start) return;
        out.put(start, new DateMention(text, start, end, date, precision));
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
