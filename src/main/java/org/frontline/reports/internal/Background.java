package org.frontline.reports.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.reports.internal.ParseResult.DateMention;
import org.frontline.reports.internal.ParseResult.Figure;

/**
 * Sentences and clauses that describe how things stand rather than something that happened: analysis, background
 * and statements carry the same words as reports of events ("displaced", "captured", "killed", "fought") but no
 * event of their own. Four kinds are told apart:
 * <ul>
 *   <li>a state as the sentence's main predicate ("Afrin is controlled by ...", "the zone is home to four million
 *       civilians ... displaced"), unless the sentence gives a day or a toll of its own;
 *   <li>a tally or a course over years ("for eight years", "in recent years", "since the start of the war"), or a
 *       clause dated only by a year ("In 2019 over 400 children had been killed", "this year ... so far");
 *   <li>what happens habitually ("these people often live ...", "is regularly bombed"), when no toll is given;
 *   <li>a displacement word naming people rather than an event ("displaced people", "the internally displaced").
 * </ul>
 */
final class Background {

    private static final Pattern STATE = Pattern.compile("(?i)\\b(?:is|are)\\s+(?:currently\\s+|now\\s+|also\\s+|"
            + "still\\s+|largely\\s+|mostly\\s+)?(?:home to|controlled by|held by|run by|under the control of)\\b");
    private static final Pattern RELATIVE_SUBJECT = Pattern.compile("(?i)\\b(?:which|that|who|where)\\s+$");
    private static final String COUNT = "(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "thirteen|fourteen|many|several|few)";
    private static final Pattern OVER_YEARS = Pattern.compile("(?i)\\b(?:for (?:the (?:past|last) )?" + COUNT
            + " years|for years|in recent years|over the (?:past|last) " + COUNT + " years|so far this year|"
            + "since the (?:start|beginning|outbreak|onset) of the (?:war|conflict|uprising|revolution|crisis))\\b");
    private static final Pattern HABITUAL =
            Pattern.compile("(?i)\\b(?:often|usually|typically|routinely|regularly|frequently|tend to)\\b");
    private static final Pattern PEOPLE = Pattern.compile("(?i)^\\s+(?:people|persons|civilians|families|"
            + "syrians|children|women|men|residents|population|idps|households|communities)\\b");
    private static final Pattern NOUN_BEFORE = Pattern.compile("(?i)\\b(?:the|internally)\\s+$");

    private Background() {}

    /**
     * Whether the sentence's main predicate is a state ("X is controlled by", "X is home to") and it gives no day
     * (outside the dateline) and no count of dead or wounded of its own.
     */
    static boolean stateSentence(
            String text, int start, int end, List<DateMention> dates, List<Figure> figures, int datelineEnd) {
        String head = text.substring(start, Math.min(end, start + 120));
        Matcher m = STATE.matcher(head);
        if (!m.find() || RELATIVE_SUBJECT.matcher(head.substring(0, m.start())).find()) return false;
        boolean day = dates.stream()
                .anyMatch(d -> d.start() >= datelineEnd && d.precision().equals("day"));
        boolean toll = figures.stream()
                .anyMatch(f -> f.category().equals("killed") || f.category().equals("wounded"));
        return !day && !toll;
    }

    /** Whether the clause (giving no day of its own) tells a tally or course over years, or a habit (no toll). */
    static boolean clause(String clause, List<DateMention> dates, List<Figure> figures, int datelineEnd) {
        List<DateMention> own =
                dates.stream().filter(d -> d.start() >= datelineEnd).toList();
        if (own.stream().anyMatch(d -> d.precision().equals("day"))) return false; // "..., withdrew on Tuesday"
        if (OVER_YEARS.matcher(clause).find()) return true;
        // "the street, which is usually crowded ..., leaving 6 people injured": a habit beside a toll is scenery
        if (HABITUAL.matcher(clause).find() && !toll(figures)) return true;
        return !own.isEmpty() && own.stream().allMatch(d -> d.precision().equals("year"));
    }

    private static boolean toll(List<Figure> figures) {
        return figures.stream()
                .anyMatch(f -> f.category().equals("killed") || f.category().equals("wounded"));
    }

    /** Whether the displacement word at [at, atEnd) of the clause names people ("displaced families"). */
    static boolean namesPeople(String clause, int at, int atEnd) {
        String word = clause.substring(at, atEnd).toLowerCase(java.util.Locale.ROOT);
        if (!word.equals("displaced")) return false;
        return PEOPLE.matcher(clause.substring(atEnd)).lookingAt()
                || NOUN_BEFORE.matcher(clause.substring(0, at)).find();
    }
}
