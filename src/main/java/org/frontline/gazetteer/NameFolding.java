package org.frontline.gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern MARKS = Pattern.compile("[\\p{M}\\u0640]");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘ʿʾʼ`´ʻ]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

    /** Case, marks and apostrophes folded; Arabic letter forms unified. Keeps the token's letters otherwise. */
    public static String foldToken(String token) {
        String s = Normalizer.normalize(token, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace('ı', 'i').replace("ß", "ss").replace('ø', 'o').replace('ł', 'l');
        if (!s.isEmpty() && isArabic(s.charAt(0))) {
            s = s.replace('ة', 'ه').replace('ى', 'ي').replace('ٱ', 'ا');
            if (s.startsWith("ال") && s.length() > 3) s = s.substring(2);
        }
        return s;
    }

    /** Folded tokens of a name, articles dropped (unless the name is nothing but an article). */
    public static List<String> foldedTokens(String name) {
        List<String> out = new ArrayList<>();
        for (String raw : SEPARATORS.split(APOSTROPHES.matcher(name).replaceAll(""))) {
            if (raw.isEmpty()) continue;
            String t = foldToken(raw);
            if (!t.isEmpty() && !ARTICLES.contains(t)) out.add(t);
        }
        return out;
    }

    /** Exact key: folded tokens joined by a space. */
    public static String exactKey(String name) {
        return String.join(" ", foldedTokens(name));
    }

    /** Phonetic key: the exact key with vowel groups reduced and doubled consonants collapsed. */
    public static String phoneticKey(String name) {
        List<String> tokens = foldedTokens(name);
        StringBuilder b = new StringBuilder();
        for (String t : tokens) {
            if (b.length() > 0) b.append(' ');
            b.append(phoneticToken(t));
        }
        return b.toString();
    }

    public static String phoneticToken(String t) {
        if (t.isEmpty() || isArabic(t.charAt(0))) return t;
        String s = t.replace("dj", "j").replace("ph", "f").replace("dh", "d").replace("ch", "sh")
                .replace('q', 'k').replace("ck", "k").replace('c', 'k');
        // a leading y is a consonant (Yabroud); elsewhere it belongs to a diphthong (Shaykhun ~ Sheikhoun)
        String head = s.startsWith("y") ? "y" : "";
        s = VOWELS.matcher(s.substring(head.length())).replaceAll("a");
        s = head + s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i > 0 && c == s.charAt(i - 1)) continue;
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
