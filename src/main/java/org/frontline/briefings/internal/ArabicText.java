package org.frontline.briefings.internal;

import java.text.Bidi;
import java.util.HashMap;
import java.util.Map;

/**
 * Arabic for a PDF without a shaping engine: letters become their contextual presentation forms (isolated,
 * final, initial, medial; lam-alef ligatures) and a line is put in visual order (Unicode bidi), so a plain
 * left-to-right text run draws it correctly.
 * Covers the Arabic letters of Arabic proper (U+0621–U+064A); other letters pass through unchanged.
 */
final class ArabicText {
    /** base letter → first presentation form (isolated) and the number of forms (2: right-joining, 4: dual). */
    private static final Map<Character, int[]> FORMS = new HashMap<>();

    static {
        int[][] table = {
            {0x0621, 0xFE80, 1}, {0x0622, 0xFE81, 2}, {0x0623, 0xFE83, 2}, {0x0624, 0xFE85, 2}, {0x0625, 0xFE87, 2},
            {0x0626, 0xFE89, 4}, {0x0627, 0xFE8D, 2}, {0x0628, 0xFE8F, 4}, {0x0629, 0xFE93, 2}, {0x062A, 0xFE95, 4},
            {0x062B, 0xFE99, 4}, {0x062C, 0xFE9D, 4}, {0x062D, 0xFEA1, 4}, {0x062E, 0xFEA5, 4}, {0x062F, 0xFEA9, 2},
            {0x0630, 0xFEAB, 2}, {0x0631, 0xFEAD, 2}, {0x0632, 0xFEAF, 2}, {0x0633, 0xFEB1, 4}, {0x0634, 0xFEB5, 4},
            {0x0635, 0xFEB9, 4}, {0x0636, 0xFEBD, 4}, {0x0637, 0xFEC1, 4}, {0x0638, 0xFEC5, 4}, {0x0639, 0xFEC9, 4},
            {0x063A, 0xFECD, 4}, {0x0641, 0xFED1, 4}, {0x0642, 0xFED5, 4}, {0x0643, 0xFED9, 4}, {0x0644, 0xFEDD, 4},
            {0x0645, 0xFEE1, 4}, {0x0646, 0xFEE5, 4}, {0x0647, 0xFEE9, 4}, {0x0648, 0xFEED, 2}, {0x0649, 0xFEEF, 2},
            {0x064A, 0xFEF1, 4},
        };
        for (int[] row : table) {
            FORMS.put((char) row[0], new int[] {row[1], row[2]});
        }
    }

    private ArabicText() {}

    static boolean isArabic(int cp) {
        return (cp >= 0x0600 && cp <= 0x06FF)
                || (cp >= 0x0750 && cp <= 0x077F)
                || (cp >= 0xFB50 && cp <= 0xFDFF)
                || (cp >= 0xFE70 && cp <= 0xFEFF);
    }

    static boolean hasArabic(String s) {
        return s.codePoints().anyMatch(ArabicText::isArabic);
    }

    private static boolean transparent(char c) {
        return (c >= 0x064B && c <= 0x065F) || c == 0x0670;
    }

    /** Joins to the next letter (to its left in writing). */
    private static boolean joinsForward(char c) {
        int[] f = FORMS.get(c);
        return c == 0x0640 || (f != null && f[1] == 4);
    }

    /** Joins to the previous letter (to its right). */
    private static boolean joinsBackward(char c) {
        int[] f = FORMS.get(c);
        return c == 0x0640 || (f != null && f[1] >= 2);
    }

    /** Contextual forms, logical order kept. */
    static String shape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int[] f = FORMS.get(c);
            if (f == null) {
                out.append(c);
                continue;
            }
            char prev = neighbour(s, i, -1);
            char next = neighbour(s, i, 1);
            boolean fromPrev = prev != 0 && joinsForward(prev) && f[1] >= 2;
            if (c == 0x0644 && isAlef(next)) { // lam-alef ligature
                int lig = switch (next) {
                    case 0x0622 -> 0xFEF5;
                    case 0x0623 -> 0xFEF7;
                    case 0x0625 -> 0xFEF9;
                    default -> 0xFEFB;
                };
                out.append((char) (lig + (fromPrev ? 1 : 0)));
                i = s.indexOf(next, i + 1);
                continue;
            }
            boolean toNext = next != 0 && f[1] == 4 && joinsBackward(next);
            int form = f[1] == 1 ? 0 : fromPrev && toNext ? 3 : fromPrev ? 1 : toNext ? 2 : 0;
            out.append((char) (f[0] + form));
        }
        return out.toString();
    }

    private static boolean isAlef(char c) {
        return c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0627;
    }

    private static char neighbour(String s, int i, int step) {
        for (int k = i + step; k >= 0 && k < s.length(); k += step) {
            char c = s.charAt(k);
            if (!transparent(c)) {
                return FORMS.containsKey(c) || c == 0x0640 ? c : 0;
            }
        }
        return 0;
    }

    /** One line shaped and in visual (left-to-right drawing) order. */
    static String visual(String line) {
        String shaped = shape(line);
        Bidi bidi = new Bidi(shaped, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return shaped;
        }
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        String[] texts = new String[runs];
        for (int r = 0; r < runs; r++) {
            levels[r] = (byte) bidi.getRunLevel(r);
            String t = shaped.substring(bidi.getRunStart(r), bidi.getRunLimit(r));
            texts[r] =
                    (levels[r] & 1) == 1 ? mirror(new StringBuilder(t).reverse().toString()) : t;
        }
        Bidi.reorderVisually(levels, 0, texts, 0, runs);
        return String.join("", texts);
    }

    private static String mirror(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(
                    switch (c) {
                        case '(' -> ')';
                        case ')' -> '(';
                        case '[' -> ']';
                        case ']' -> '[';
                        case '«' -> '»';
                        case '»' -> '«';
                        default -> c;
                    });
        }
        return b.toString();
    }
}
