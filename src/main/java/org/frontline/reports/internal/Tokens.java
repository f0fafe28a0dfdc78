package org.frontline.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word tokens of a text with their offsets; a possessive 's is left outside the token. */
final class Tokens {

    record Token(int index, int start, int end, String text) {
        boolean capitalised() {
            char c = text.charAt(0);
            return Character.isUpperCase(c)
                    || Character.isTitleCase(c)
                    || org.frontline.gazetteer.NameFolding.isArabic(c);
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}'’ʿʾ‘]*");

    private Tokens() {}

    static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            String t = m.group();
            if (t.length() > 2 && (t.endsWith("'s") || t.endsWith("’s"))) {
                e -= 2;
            }
            while (e > s + 1 && isApostrophe(text.charAt(e - 1))) e--;
            out.add(new Token(out.size(), s, e, text.substring(s, e)));
        }
        return out;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʿ' || c == 'ʾ' || c == '‘';
    }

    /** True when only spaces or one hyphen separate two tokens (a name may continue across). */
    static boolean joined(String text, Token a, Token b) {
        if (b.start() - a.end() > 3) return false;
        for (int i = a.end(); i < b.start(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-' && c != '\u2010' && c != '\u2011') return false;
        }
        return b.start() > a.end();
    }

    static boolean hyphenated(String text, Token a, Token b) {
        return b.start() == a.end() + 1 && (text.charAt(a.end()) == '-' || text.charAt(a.end()) == '\u2010');
    }
}
