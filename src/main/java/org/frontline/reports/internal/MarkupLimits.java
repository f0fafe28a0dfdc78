package org.frontline.reports.internal;

import java.util.Locale;
import java.util.Set;
import org.frontline.web.BadInputException;

/**
 * Bounds on submitted markup, checked in one linear pass before any parser sees it: jsoup's tree building is
 * quadratic in nesting depth (80,000 nested divs took 30 s), and a regex over thousands of comments overflowed
 * the stack. Also tells a feed from other markup without backtracking.
 */
final class MarkupLimits {
    /** Real pages nest 20–40 elements deep; far more is an attack or a broken generator. */
    static final int MAX_DEPTH = 512;
    /** Items read from one feed submission. */
    static final int MAX_FEED_ITEMS = 500;
    /** Elements without an end tag, and elements whose end tag is optional (HTML closes them implicitly). */
    private static final Set<String> NOT_NESTING = Set.of(
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "param",
            "source",
            "track",
            "wbr",
            "p",
            "li",
            "dt",
            "dd",
            "option",
            "optgroup",
            "tr",
            "td",
            "th",
            "thead",
            "tbody",
            "tfoot",
            "colgroup",
            "caption",
            "rb",
            "rt",
            "rp",
            "html",
            "head",
            "body");

    private MarkupLimits() {}

    /** Refuses markup nested deeper than {@link #MAX_DEPTH}; {@code what} names the input in the message. */
    static void checkDepth(String s, String what) {
        int depth = 0;
        int max = 0;
        int n = s.length();
        int i = s.indexOf('<');
        while (i >= 0 && i < n - 1) {
            char c = s.charAt(i + 1);
            int end;
            if (c == '!' && i + 3 < n && s.charAt(i + 2) == '-' && s.charAt(i + 3) == '-') { // "<!--"
                end = s.indexOf("-->", i + 4);
                end = end < 0 ? n : end + 3;
            } else if (c == '/') {
                depth = Math.max(0, depth - (nests(s, i + 2) ? 1 : 0));
                end = tagEnd(s, i);
            } else if (isLetter(c)) {
                end = tagEnd(s, i);
                boolean selfClosing = end > 1 && s.charAt(end - 2) == '/';
                String name = name(s, i + 1);
                if (!selfClosing && !NOT_NESTING.contains(name)) {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        throw new BadInputException(what + ": the markup is nested more than " + MAX_DEPTH
                                + " elements deep; at most " + MAX_DEPTH + " are read");
                    }
                    max = Math.max(max, depth);
                }
                if (name.equals("script") || name.equals("style")) { // raw text: no tags inside
                    int close = closingTag(s, name, end);
                    end = close < 0 ? n : close;
                }
            } else {
                end = i + 1;
            }
            i = end >= n ? -1 : s.indexOf('<', end);
        }
    }

    /**
     * Where "&lt;/name" (any case) starts at or after {@code from}, or -1. Searched from {@code from} on, never by
     * lower-casing the whole text: once per script or style element that made 60,000 of them take minutes.
     */
    private static int closingTag(String s, String name, int from) {
        for (int j = s.indexOf('<', from); j >= 0; j = s.indexOf('<', j + 1)) {
            if (j + 1 < s.length() && s.charAt(j + 1) == '/' && lowerAt(s, j + 2, name)) return j;
        }
        return -1;
    }

    /** Whether the lower-case {@code word} stands at {@code at} in any case (char by char: no copy of the text). */
    private static boolean lowerAt(String s, int at, String word) {
        if (at + word.length() > s.length()) return false;
        for (int k = 0; k < word.length(); k++) {
            if (Character.toLowerCase(s.charAt(at + k)) != word.charAt(k)) return false;
        }
        return true;
    }

    /** Whether the text is an RSS, Atom or RDF feed: optional XML declaration, comments, then the root element. */
    static boolean isFeed(String s) {
        int i = skipSpace(s, 0);
        if (s.startsWith("<?xml", i)) {
            int end = s.indexOf('>', i);
            if (end < 0) return false;
            i = skipSpace(s, end + 1);
        }
        while (s.startsWith("<!--", i)) {
            int end = s.indexOf("-->", i + 4);
            if (end < 0) return false;
            i = skipSpace(s, end + 3);
        }
        for (String root : new String[] {"<rss", "<feed", "<rdf:RDF"}) {
            if (s.startsWith(root, i)) {
                int after = i + root.length();
                return after == s.length() || !isNameChar(s.charAt(after));
            }
        }
        return false;
    }

    private static boolean nests(String s, int from) {
        String name = name(s, from);
        return !name.isEmpty() && !NOT_NESTING.contains(name);
    }

    private static String name(String s, int from) {
        int j = from;
        while (j < s.length() && j - from < 40 && isNameChar(s.charAt(j))) j++;
        return s.substring(from, j).toLowerCase(Locale.ROOT);
    }

    /**
     * Index just after the '>' closing the tag at i, or the end of the text. Quotes count only around an attribute
     * value (after '='), as in HTML parsers: a stray quote elsewhere ({@code <article">}) does not hide the rest.
     */
    private static int tagEnd(String s, int i) {
        char quote = 0;
        boolean afterEquals = false;
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if ((c == '"' || c == '\'') && afterEquals) {
                quote = c;
            } else if (c == '>') {
                return j + 1;
            }
            if (quote == 0 && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                afterEquals = c == '=';
            }
        }
        return s.length();
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_' || c == '.';
    }
}
