package org.frontline.gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Folds place names so that transliterations of one Arabic name meet: case, diacritics, ʿayn/hamza marks and
 * apostrophes go; the Arabic article (al-, el-, as-, ash-, an-...) goes; Arabic letters that vary in writing
 * (alef with hamza, alef maqsura, teh marbuta) are unified. The phonetic key then maps every vowel group to
 * one vowel and collapses doubled consonants, so Maarat/Maaret/Ma'arrat, Shaykhun/Sheikhoun and
 * Saraqib/Saraqeb give the same key while consonants (which transliterations agree on) still tell names apart.
 */
public final class NameFolding {

    private NameFolding() {
    }

    /** Article forms that stand as their own token once hyphens are split. */
    public static final Set<String> ARTICLES = Set.of("al", "el", "as", "ash", "an", "ar", "at", "ad", "az",
            "es", "esh", "ed", "en", "er", "et", "ez", "ul", "ech", "l", "a", "ال");


    /** Case, marks and apostrophes folded; Arabic letter forms unified. Keeps the token's letters otherwise. */
    public static String foldToken(String token) {
        String s = isAscii(token) ? token : Normalizer.normalize(token, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0640' || isApostrophe(c)) continue;
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ı' -> b.append('i');
                case 'ß' -> b.append("ss");
                case 'ø', 'Ø' -> b.append('o');
                case 'ł', 'Ł' -> b.append('l');
                case 'ة' -> b.append('ه');
                case 'ى' -> b.append('ي');
                case 'ٱ' -> b.append('ا');
                default -> b.append(Character.toLowerCase(c));
            }
        }
        if (b.length() > 3 && b.charAt(0) == 'ا' && b.charAt(1) == 'ل') b.delete(0, 2);
        return b.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) return false;
        }
        return true;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '‘' || c == 'ʿ' || c == 'ʾ' || c == 'ʼ' || c == '`' || c == '´' || c == 'ʻ';
    }

    /** Folded tokens of a name, articles dropped. Words split at anything not a letter, digit or apostrophe. */
    public static List<String> foldedTokens(String name) {
        List<String> out = new ArrayList<>(4);
        int i = 0;
        int n = name.length();
        while (i < n) {
            while (i < n && !isWordChar(name.charAt(i))) i++;
            int start = i;
            while (i < n && (isWordChar(name.charAt(i)) || isApostrophe(name.charAt(i)))) i++;
            if (i > start) {
                String t = foldToken(name.substring(start, i));
                if (!t.isEmpty() && !ARTICLES.contains(t)) out.add(t);
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    /** Exact key: folded tokens joined by a space. */
    public static String exactKey(String name) {
        return String.join(" ", foldedTokens(name));
    }

    /** Phonetic key: the exact key with vowel groups reduced and doubled consonants collapsed. */
    public static String phoneticKey(String name) {
        return phoneticKey(foldedTokens(name));
    }

    public static String phoneticKey(List<String> tokens) {
        StringBuilder b = new StringBuilder();
        for (String t : tokens) {
            if (b.length() > 0) b.append(' ');
            b.append(phoneticToken(t));
        }
        return b.toString();
    }

    public static String phoneticToken(String t) {
        if (t.isEmpty() || isArabic(t.charAt(0))) return t;
        StringBuilder b = new StringBuilder(t.length());
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            char next = i + 1 < n ? t.charAt(i + 1) : 0;
            if (c == 'd' && (next == 'j' || next == 'h')) continue;        // dj → j, dh → d... (h dropped below)
            if (c == 'p' && next == 'h') { b.append('f'); i++; continue; }
            if (c == 'c' && next == 'h') { b.append("sh"); i++; continue; }
            if (c == 'c' && next == 'k') continue;
            if (c == 'h' && i > 0 && t.charAt(i - 1) == 'd') { b.append('d'); continue; }
            if (c == 'q' || c == 'c') c = 'k';
            // a leading y is a consonant (Yabroud); elsewhere it belongs to a diphthong (Shaykhun ~ Sheikhoun)
            boolean vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || (c == 'y' && i > 0);
            if (vowel) {
                if (b.length() == 0 || b.charAt(b.length() - 1) != 'a') b.append('a');
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) == c) continue;   // doubled consonants
            b.append(c);
        }
        // a final h after a vowel is teh marbuta / a spelling habit (Hamah ~ Hama, Raqqah ~ Raqqa)
        if (b.length() > 2 && b.charAt(b.length() - 1) == 'h' && b.charAt(b.length() - 2) == 'a') {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    public static boolean isArabic(char c) {
        return c >= '\u0600' && c <= '\u06FF';
    }
}
