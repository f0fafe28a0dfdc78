package org.frontline.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.reports.internal.ParseResult.Figure;

/**
 * Counts of people killed, wounded, displaced or at risk. A number counts when a category word stands in the
 * same clause close after it ("920 civilians killed", "400,000 fled") or close before it ("killed more than
 * 920 civilians", "caused 400,000 people to flee"); the nearest word wins.
 */
final class FigureExtractor {

    private static final String WORD_NUMBERS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "fifteen|twenty|thirty|forty|fifty|hundred|a hundred|dozens|hundreds|thousands|tens of thousands|"
            + "hundreds of thousands|a dozen";
    private static final Pattern NUMBER = Pattern.compile("(?i)\\b(?:(more than|over|at least|nearly|almost|about|"
            + "around|some|up to|fewer than|less than|roughly|an estimated) )?((?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)"
            + "(?: (?:million|thousand))?|(?:" + WORD_NUMBERS + ")(?: (?:million|thousand))?)\\b(?![:.]\\d)");
    private static final Map<String, Pattern> CATEGORIES = Map.of(
            "killed", Pattern.compile("(?i)\\b(killed|killing|kills|dead|deaths|died|die|lives lost|fatalities|"
                    + "massacred|executed|slain|death toll)\\b"),
            "wounded", Pattern.compile("(?i)\\b(wounded|wounding|injured|injuring|injuries|hurt)\\b"),
            "displaced", Pattern.compile("(?i)\\b(fled|flee|fleeing|displaced|displacing|displacement|uprooted|"
                    + "homeless|evacuated|refugees|driven from their homes)\\b"),
            "at_risk", Pattern.compile("(?i)\\b(at risk|in danger|threatened|trapped)\\b"));
    private static final Pattern GROUP = Pattern.compile("(?i)^\\s+(?:of them )?(civilians|people|children|women|"
            + "soldiers|fighters|rebels|troops|militants|residents|members|combatants|persons|men)\\b");
    private static final Pattern NOT_PEOPLE = Pattern.compile("(?i)^\\s*(?:%|percent|km|kilomet|miles|metres|meters|"
            + "observation|posts|villages|towns|years|days|hours|weeks|months|am|pm|gmt|air ?strikes|strikes|"
            + "barrel|rockets|missiles|shells|tonnes|tons|dollars|\\$|euros|kilograms|aircraft|tanks|vehicles|schools|"
            + "hospitals|facilities)");
    /** "between December 12 and 25", "from 3 to 9 March": the second number is a day too. */
    private static final Pattern DAY_RANGE = Pattern.compile("(?:January|February|March|April|May|June|July|August|"
            + "September|October|November|December) \\d{1,2}(?:st|nd|rd|th)? (?:and|to|-|–|until) $|"
            + "\\b(?:from|between) \\d{1,2}(?:st|nd|rd|th)? (?:and|to|-|–|until) $");
    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
    /** "3 August", "3rd of August": the number is a day of the month. */
    private static final Pattern MONTH_AFTER = Pattern.compile("^(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\b");
    /** "August 3": a day too, unless people follow ("in August 7 people were killed"). */
    private static final Pattern MONTH_BEFORE = Pattern.compile("\\b" + MONTH + "\\.?\\s+$");
    private static final int AFTER = 70;
    private static final int BEFORE = 45;

    private FigureExtractor() {
    }

    static List<Figure> find(String text) {
        List<Figure> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String after = clauseAfter(text, m.end());
            if (NOT_PEOPLE.matcher(after).find()) continue;
            if (m.group(2).matches("(19|20)\\d{2}") && !GROUP.matcher(after).find()) continue; // a year
            String before = clauseBefore(text, m.start());
            if (DAY_RANGE.matcher(before).find()) continue;
            if (isDayOfMonth(m.group(2), after, before)) continue;
            String category = null;
            int bestDistance = Integer.MAX_VALUE;
            for (var e : CATEGORIES.entrySet()) {
                Matcher a = e.getValue().matcher(after);
                if (a.find() && a.start() < bestDistance) {
                    bestDistance = a.start();
                    category = e.getKey();
                }
                Matcher b = e.getValue().matcher(before);
                int last = -1;
                while (b.find()) last = b.end();
                if (last >= 0 && before.length() - last < bestDistance) {
                    bestDistance = before.length() - last;
                    category = e.getKey();
                }
            }
            if (category == null) continue;
            Matcher g = GROUP.matcher(after);
            String group = g.find() ? g.group(1).toLowerCase(Locale.ROOT) : null;
            long count = value(m.group(2));
            if (count <= 0) continue;
            out.add(new Figure(m.group(), m.start(), m.end(), count, category,
                    m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT), group));
        }
        return out;
    }

    private static boolean isDayOfMonth(String number, String after, String before) {
        if (!number.matches("\\d{1,2}") || Integer.parseInt(number) < 1 || Integer.parseInt(number) > 31) return false;
        return MONTH_AFTER.matcher(after).find()
                || (MONTH_BEFORE.matcher(before).find() && !GROUP.matcher(after).find());
    }

    private static String clauseAfter(String text, int from) {
        String s = text.substring(from, Math.min(text.length(), from + AFTER));
        int stop = indexOfAny(s, ".;!?\n");
        return stop < 0 ? s : s.substring(0, stop);
    }

    private static String clauseBefore(String text, int to) {
        String s = text.substring(Math.max(0, to - BEFORE), to);
        int stop = lastIndexOfAny(s, ".;!?\n");
        return stop < 0 ? s : s.substring(stop + 1);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            // a full stop between digits is a decimal point, not a sentence end
            if (chars.indexOf(s.charAt(i)) >= 0 && !(s.charAt(i) == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOfAny(String s, String chars) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }

    /** "400,000" → 400000; "3 million" / "three million" → 3000000; "dozens" → 24 (a floor, as ACLED does). */
    static long value(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace(",", "");
        long scale = 1;
        if (t.endsWith(" million")) {
            scale = 1_000_000;
            t = t.substring(0, t.length() - 8);
        } else if (t.endsWith(" thousand")) {
            scale = 1_000;
            t = t.substring(0, t.length() - 9);
        }
        double base = switch (t) {
            case "one" -> 1; case "two" -> 2; case "three" -> 3; case "four" -> 4; case "five" -> 5;
            case "six" -> 6; case "seven" -> 7; case "eight" -> 8; case "nine" -> 9; case "ten" -> 10;
            case "eleven" -> 11; case "twelve" -> 12; case "fifteen" -> 15; case "twenty" -> 20;
            case "thirty" -> 30; case "forty" -> 40; case "fifty" -> 50; case "hundred", "a hundred" -> 100;
            case "a dozen" -> 12; case "dozens" -> 24; case "hundreds" -> 200; case "thousands" -> 2000;
            case "tens of thousands" -> 20000; case "hundreds of thousands" -> 200000;
            default -> Double.parseDouble(t);
        };
        return Math.round(base * scale);
    }
}
