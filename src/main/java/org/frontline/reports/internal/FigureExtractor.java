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

    private static final String WORD_NUMBERS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|"
            + "nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|"
            + "a hundred|dozens|hundreds|thousands|tens of thousands|hundreds of thousands|a dozen|scores";
    private static final String SCALE = "(?: (?:million|billion|thousand))?";
    private static final String AMOUNT =
            "(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)" + SCALE + "|(?:" + WORD_NUMBERS + ")" + SCALE + ")";
    /** A count, with its qualifier; a range ("10 to 15", "between 10 and 15") is one figure: its lowest number. */
    private static final Pattern NUMBER = Pattern.compile("(?i)\\b(?:(more than|over|at least|nearly|almost|about|"
            + "around|some|up to|fewer than|less than|roughly|an estimated|between) )?(" + AMOUNT + ")"
            + "(?:(?: ?(?:-|–) ?| to | or | and (?=\\d))(\\d{1,3}(?:,\\d{3})+|\\d+|" + WORD_NUMBERS + ")(?= \\p{L}))?"
            + "\\b(?![:.]\\d)");

    private static final Map<String, Pattern> CATEGORIES = Map.of(
            "killed",
                    Pattern.compile("(?i)\\b(killed|killing|kills|dead|deaths|died|die|lives lost|fatalities|"
                            + "massacred|executed|slain|death toll)\\b"),
            "wounded", Pattern.compile("(?i)\\b(wounded|wounding|injured|injuring|injuries|hurt)\\b"),
            "displaced",
                    Pattern.compile("(?i)\\b(fled|flee|fleeing|displaced|displacing|displacement|uprooted|"
                            + "homeless|evacuated|refugees|driven from their homes)\\b"),
            "at_risk", Pattern.compile("(?i)\\b(at risk|in danger|threatened|trapped)\\b"));
    private static final Pattern GROUP = Pattern.compile("(?i)^\\s+(?:of them )?(civilians|people|children|women|"
            + "soldiers|fighters|rebels|troops|militants|residents|members|combatants|persons|men)\\b");
    private static final Pattern NOT_PEOPLE = Pattern.compile("(?i)^\\s*(?:%|percent|km|kilomet|miles|metres|meters|"
            + "observation|posts|villages|towns|years|days|hours|weeks|months|am|pm|gmt|air ?strikes|strikes|"
            + "barrel|rockets|missiles|shells|tonnes|tons|dollars|\\$|euros|kilograms|aircraft|tanks|vehicles|schools|"
            + "hospitals|facilities|projectiles|times|rounds|sorties|raids|bombs|barrels|drones|planes|jets|"
            + "helicopters|"
            + "buildings|houses|homes|shops|trucks|cars)");
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

    private FigureExtractor() {}

    static List<Figure> find(String text) {
        List<Figure> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        while (m.find()) {
            String qualifier = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
            String amount = m.group(2);
            int start = m.start();
            int end = m.end();
            boolean range = m.group(3) != null;
            if (range && !"between".equals(qualifier) && m.group().contains(" and ")) {
                // "9 and 20 others": two counts, not a range; read the second one next
                range = false;
                end = m.end(2);
                m.region(end, text.length());
            } else if (!range && "between".equals(qualifier)) {
                continue;
            }
            String after = clauseAfter(text, end);
            if (NOT_PEOPLE.matcher(after).find()) continue;
            if (amount.matches("(19|20)\\d{2}") && !GROUP.matcher(after).find()) continue; // a year
            String before = clauseBefore(text, start);
            if (DAY_RANGE.matcher(before).find()) continue;
            if (isDayOfMonth(amount, after, before)) continue;
            String category = category(after, before);
            if (category == null) continue;
            Matcher g = GROUP.matcher(after);
            String group = g.find() ? g.group(1).toLowerCase(Locale.ROOT) : null;
            long count = value(amount);
            if (count <= 0) continue;
            if (range) qualifier = "range"; // the lowest figure counts, as ACLED takes it; the text keeps both
            out.add(new Figure(text.substring(start, end), start, end, count, category, qualifier, group));
        }
        return out;
    }

    /**
     * The category word a count belongs to: one following it in the same phrase ("9 civilians were killed", "20
     * others injured"), else the nearest before it ("killing 19 people and injuring 30"), else any after it.
     */
    private static String category(String after, String before) {
        String afterCategory = null;
        int afterAt = Integer.MAX_VALUE;
        String beforeCategory = null;
        int beforeDistance = Integer.MAX_VALUE;
        for (var e : CATEGORIES.entrySet()) {
            Matcher a = e.getValue().matcher(after);
            if (a.find() && a.start() < afterAt) {
                afterAt = a.start();
                afterCategory = e.getKey();
            }
            Matcher b = e.getValue().matcher(before);
            int last = -1;
            while (b.find()) last = b.end();
            if (last >= 0 && before.length() - last < beforeDistance) {
                beforeDistance = before.length() - last;
                beforeCategory = e.getKey();
            }
        }
        if (afterCategory != null && samePhrase(after.substring(0, afterAt))) return afterCategory;
        return beforeCategory != null ? beforeCategory : afterCategory;
    }

    /** Whether the words between a count and a category word belong to one phrase ("civilians were"). */
    private static boolean samePhrase(String gap) {
        String g = PAIRS.matcher(gap).replaceAll(" ");
        return !PHRASE_BREAK.matcher(g).find() && g.strip().split("\\s+").length <= 6;
    }

    private static final Pattern PAIRS = Pattern.compile("(?i)\\b(?:women and children|men and women|"
            + "children and women|civilians and fighters|soldiers and civilians)\\b");
    private static final Pattern PHRASE_BREAK = Pattern.compile("(?i)[,;:()\\d]|\\b(?:and|while|but|as|after|when)\\b");
    private static final Pattern SUBSET_BEFORE = Pattern.compile("(?i)\\b(?:including|among them|among whom|of whom|"
            + "among those|among the dead|among the victims)\\b[^,;.()]*$");
    private static final Pattern SUBSET_AFTER = Pattern.compile("(?i)^\\s+(?:\\p{L}+\\s+){0,2}?(?:of (?:them|whom)|"
            + "(?:were|are|was) (?:also )?among (?:the dead|the killed|those killed|the victims|the casualties|"
            + "the wounded|"
            + "the injured))\\b");

    /** A part of a toll already counted: "including 8 children", "five children were among the dead". */
    static boolean isSubset(String text, Figure f) {
        String before = text.substring(Math.max(0, f.start() - 40), f.start());
        String after = text.substring(f.end(), Math.min(text.length(), f.end() + 60));
        return SUBSET_BEFORE.matcher(before).find()
                || SUBSET_AFTER.matcher(after).find();
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
            if (chars.indexOf(s.charAt(i)) >= 0
                    && !(s.charAt(i) == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
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

    private static final List<String> TENS =
            List.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

    /** "twenty-five" → 25, "sixty" → 60, "12.5" → 12.5. */
    private static double tens(String t) {
        String[] parts = t.split("[- ]");
        int ten = TENS.indexOf(parts[0]);
        if (ten < 0) return Double.parseDouble(t);
        return (ten + 2) * 10 + (parts.length > 1 ? value(parts[1]) : 0);
    }

    /** "400,000" → 400000; "3 million" / "three million" → 3000000; "dozens" → 24 (a floor, as ACLED does). */
    static long value(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace(",", "");
        long scale = 1;
        if (t.endsWith(" billion")) {
            scale = 1_000_000_000;
            t = t.substring(0, t.length() - 8);
        } else if (t.endsWith(" million")) {
            scale = 1_000_000;
            t = t.substring(0, t.length() - 8);
        } else if (t.endsWith(" thousand")) {
            scale = 1_000;
            t = t.substring(0, t.length() - 9);
        }
        double base = switch (t) {
            case "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            case "eleven" -> 11;
            case "twelve" -> 12;
            case "thirteen" -> 13;
            case "fourteen" -> 14;
            case "fifteen" -> 15;
            case "sixteen" -> 16;
            case "seventeen" -> 17;
            case "eighteen" -> 18;
            case "nineteen" -> 19;
            case "hundred", "a hundred" -> 100;
            case "scores" -> 40;
            case "a dozen" -> 12;
            case "dozens" -> 24;
            case "hundreds" -> 200;
            case "thousands" -> 2000;
            case "tens of thousands" -> 20000;
            case "hundreds of thousands" -> 200000;
            default -> tens(t);
        };
        return Math.round(base * scale);
    }
}
