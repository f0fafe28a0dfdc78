package org.frontline.gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds place names so that transliterations of one Arabic name meet: case, diacritics, ʿayn/hamza marks and
 * apostrophes go; the Arabic article (al-, el-, as-, ash-, an-...) goes; Arabic letters that vary in writing
 * (alef with hamza, alef maqsura, teh marbuta) are unified. The phonetic key then maps every vowel group to
 * one vowel and collapses doubled consonants, so Maarat/Maaret/Ma'arrat, Shaykhun/Sheikhoun and
 * Saraqib/Saraqeb give the same key while consonants (which transliterations agree on) still tell names apart.
 */
public final class NameFolding {

    private NameFolding() {}

    /** Article forms that stand as their own token once hyphens are split. */
    public static final Set<String> ARTICLES = Set.of(
            "al", "el", "as", "ash", "an", "ar", "at", "ad", "az", "es", "esh", "ed", "en", "er", "et", "ez", "ul",
            "ech", "l", "a", "ال");

    /** Case, marks and apostrophes folded; Arabic letter forms unified. Keeps the token's letters otherwise. */
    public static String foldToken(String token) {
        String s = isAscii(token) ? token : Normalizer.normalize(token, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0640' || isApostrophe(c)) continue;
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
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
        return c == '\'' || c == '’' || c == '‘' || c == 'ʿ' || c == 'ʾ' || c == 'ʼ' || c == '`' || c == '´'
                || c == 'ʻ';
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
        return Character.isLetterOrDigit(c)
                || Character.getType(c) == Character.NON_SPACING_MARK
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
            b.append(phoneticToken(familyToken(t)));
        }
        return b.toString();
    }

    /**
     * Spelling families of whole tokens (issue 9): heads of Arabic compound names that transliterations write in
     * several ways. Edit as a table; the test {@code SpellingFamiliesTest} reads pairs that must meet.
     */
    static final Map<String, String> TOKEN_FAMILIES = families(
            "kafr: kfar kfr kafar kefr kafer kfer kefar kufr",
            "tall: tal tel tell til",
            "maarat: maarrat maaret maarret marat marrat maarat maret mearret maaret maarrat mearet",
            "dayr: deir der dair deyr",
            "ayn: ain ein aain ayin",
            "jabal: jebel jabel jbel",
            "shaykh: sheikh shaikh sheik cheikh seyh",
            "bayt: beit bait beyt",
            "khirbat: khirbet kherbet khirbit",
            "qalat: qalaat kalaat qalet",
            "hayy: hay hai",
            "jisr: jesr jeser jasr");

    private static Map<String, String> families(String... rows) {
        Map<String, String> out = new HashMap<>();
        for (String row : rows) {
            String head = row.substring(0, row.indexOf(':'));
            for (String v : row.substring(row.indexOf(':') + 1).trim().split("\\s+")) out.put(v, head);
        }
        return Map.copyOf(out);
    }

    /**
     * A token in its spelling family: the head table above, doubled letters once, "iy" as "y" (Ziyarah ~ Zyarah)
     * and the endings -ah/-eh/-a/-e as one (Hamah ~ Hama, Kafr Nabudeh ~ Kafr Nabuda). Arabic script is kept.
     */
    public static String familyToken(String t) {
        if (t.isEmpty() || isArabic(t.charAt(0))) return t;
        String head = TOKEN_FAMILIES.get(t);
        if (head != null) return head;
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (b.length() > 0 && b.charAt(b.length() - 1) == c && !Character.isDigit(c)) continue;
            if (c == 'i' && i + 1 < t.length() && t.charAt(i + 1) == 'y' && i > 0) continue;
            b.append(c);
        }
        int n = b.length();
        if (n > 3 && b.charAt(n - 1) == 'h' && (b.charAt(n - 2) == 'a' || b.charAt(n - 2) == 'e')) b.setLength(--n);
        if (n > 3 && b.charAt(n - 1) == 'e') b.setCharAt(n - 1, 'a');
        return b.toString();
    }

    /** Family key: folded tokens in their spelling families (what "the same spelling, loosely" means). */
    public static String familyKey(String name) {
        StringBuilder b = new StringBuilder();
        for (String t : foldedTokens(name)) {
            if (b.length() > 0) b.append(' ');
            b.append(familyToken(t));
        }
        return b.toString();
    }

    /**
     * Consonant skeleton: family tokens run together with every vowel (and a non-initial y or w between vowels)
     * dropped and repeated consonants once: vowel-dropped (Mhambel ~ Muhambal), vowel-doubled and run-together
     * spellings (Maaretunnuman ~ Maarrat an-Numan) meet. Empty for Arabic script.
     */
    public static String skeletonKey(List<String> tokens) {
        StringBuilder b = new StringBuilder();
        for (String raw : tokens) {
            String t = familyToken(raw);
            if (t.isEmpty() || isArabic(t.charAt(0))) return "";
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                boolean vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || (c == 'y' && i > 0);
                if (vowel) continue;
                if (c == 'q') c = 'k';
                if (b.length() > 0 && b.charAt(b.length() - 1) == c) continue;
                b.append(c);
            }
            if (b.length() > 1 && b.charAt(b.length() - 1) == 'h') b.setLength(b.length() - 1);
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
            if (c == 'd' && (next == 'j' || next == 'h')) continue; // dj → j, dh → d... (h dropped below)
            if (c == 'p' && next == 'h') {
                b.append('f');
                i++;
                continue;
            }
            if (c == 'c' && next == 'h') {
                b.append("sh");
                i++;
                continue;
            }
            if (c == 'c' && next == 'k') continue;
            if (c == 'h' && i > 0 && t.charAt(i - 1) == 'd') {
                b.append('d');
                continue;
            }
            if (c == 'q' || c == 'c') c = 'k';
            // a leading y is a consonant (Yabroud); elsewhere it belongs to a diphthong (Shaykhun ~ Sheikhoun)
            boolean vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || (c == 'y' && i > 0);
            if (vowel) {
                if (b.length() == 0 || b.charAt(b.length() - 1) != 'a') b.append('a');
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) == c) continue; // doubled consonants
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
