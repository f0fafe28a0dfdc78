package org.frontline.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences and clauses of a report, as offsets. A full stop after an abbreviation ("Aug. 28", "U.S.", "Gen.")
 * or before a lower-case word or a digit ends nothing; a line break ends a sentence after end punctuation, before
 * a blank line or after a short line (a headline, a dateline), but not inside the hard-wrapped lines of a wire
 * story ("were killed\non Wednesday"). A sentence reporting two events ("..., while X killed one person") splits
 * into clauses.
 */
final class Sentences {

    record Span(int start, int end) {}

    private static final Pattern STOP = Pattern.compile("[.!?]+[\"”’')]*(?=\\s)|\\n");
    private static final Pattern ABBREVIATION = Pattern.compile("(?i)(?:\\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct"
            + "|nov|dec|mr|mrs|ms|dr|gen|lt|col|maj|capt|sgt|st|no|vs|approx|est|ca|govt|dept)|\\b\\p{Lu}|\\.\\p{Lu})"
            + "\\.$");
    private static final Pattern CLAUSE = Pattern.compile("(?i),? while |; |, whereas |\\bmeanwhile,? ");
    private static final int SHORT_LINE = 50;
    private static final Pattern OPEN_END = Pattern.compile("(?i)(?:\\b(?:on|in|at|of|the|a|an|and|or|to|by|for|from|"
            + "with|near|into|than|as|its|their|his|her|were|was|is|are|has|have|had)|[,-])$");

    private Sentences() {}

    static List<Span> of(String text) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        Matcher m = STOP.matcher(text);
        while (m.find()) {
            if (!endsHere(text, m)) continue;
            add(out, text, start, text.charAt(m.start()) == '\n' ? m.start() : m.end());
            start = m.end();
        }
        add(out, text, start, text.length());
        return out;
    }

    private static boolean endsHere(String text, Matcher m) {
        int next = m.end();
        while (next < text.length() && text.charAt(next) == ' ') next++;
        char after = next < text.length() ? text.charAt(next) : 'A';
        if (text.charAt(m.start()) != '\n') {
            if (Character.isLowerCase(after) || Character.isDigit(after)) return false;
            String upTo = text.substring(Math.max(0, m.start() - 12), m.start() + 1);
            return !ABBREVIATION.matcher(upTo).find();
        }
        // a line break
        int lineStart = text.lastIndexOf('\n', m.start() - 1) + 1;
        String line = text.substring(lineStart, m.start()).strip();
        if (line.isEmpty() || after == '\n') return true;
        char last = line.charAt(line.length() - 1);
        if (".!?:;\"”’)".indexOf(last) >= 0) return true;
        if (Character.isLowerCase(after) || Character.isDigit(after)) return false;
        // "launched missiles on\nWednesday": a line cut after a word that cannot end a sentence
        return !(line.length() >= SHORT_LINE && OPEN_END.matcher(line).find());
    }

    private static void add(List<Span> out, String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) from++;
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--;
        if (to > from) out.add(new Span(from, to));
    }

    /** The clauses of a sentence that may each report an event of their own. */
    static List<Span> clauses(String text, Span sentence) {
        List<Span> out = new ArrayList<>();
        Matcher m = CLAUSE.matcher(text).region(sentence.start(), sentence.end());
        int start = sentence.start();
        while (m.find()) {
            if (m.start() - start < 25) continue; // "Meanwhile, ..." at the start, or a short aside
            out.add(new Span(start, m.start()));
            start = m.end();
        }
        out.add(new Span(start, sentence.end()));
        return out;
    }
}
