package org.frontline.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.NameFolding;
import org.frontline.gazetteer.Place;
import org.frontline.reports.internal.Tokens.Token;

/**
 * Finds toponym mentions: the longest run of capitalised tokens (with article links such as al-, ash-)
 * whose phonetic key the gazetteer knows. Short keys must match exactly, since vowel-folded keys of two or
 * three letters collide with ordinary words.
 */
final class ToponymExtractor {

    /** A span of text with its gazetteer candidates and whether each candidate matched its exact spelling. */
    record Mention(int start, int end, String text, String exactKey, List<Place> candidates, boolean[] exact,
            boolean followedByName) {
    }

    private static final Set<String> LINKS = NameFolding.ARTICLES;
    /**
     * First words of Arabic compound names ("Tall X", "Kafr X", "Khan X"). Alone they are also places (At Tall),
     * but followed by another capitalised word they open a name the gazetteer does not know: no match then.
     */
    private static final Set<String> GENERIC_HEADS = Set.of("tall", "tell", "tal", "kafr", "kfar", "khan", "ras",
            "deir", "dayr", "ain", "ayn", "ein", "abu", "bir", "qasr", "jisr", "beit", "bayt", "bab", "wadi", "jabal",
            "jebel", "maarat", "maaret", "marat", "umm", "tel", "hayy", "haret", "mazraat", "qalaat", "sheikh", "shaykh");
    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
    private final Gazetteer gazetteer;

    ToponymExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    List<Mention> find(String text, List<Token> tokens) {
        List<Mention> out = new ArrayList<>();
        int maxN = gazetteer.maxTokens();
        int i = 0;
        while (i < tokens.size()) {
            Mention m = longestAt(text, tokens, i, maxN);
            if (m == null) {
                // an unknown compound ("Kafr Sajna"): its tail alone is not the place meant
                boolean unknownCompound = GENERIC_HEADS.contains(NameFolding.foldToken(tokens.get(i).text()))
                        && i + 1 < tokens.size() && tokens.get(i + 1).capitalised()
                        && Tokens.joined(text, tokens.get(i), tokens.get(i + 1));
                i += unknownCompound ? 2 : 1;
                continue;
            }
            out.add(m);
            while (i < tokens.size() && tokens.get(i).start() < m.end()) i++;
        }
        return out;
    }

    private Mention longestAt(String text, List<Token> tokens, int i, int maxN) {
        Token first = tokens.get(i);
        String firstFold = NameFolding.foldToken(first.text());
        boolean firstIsArticle = LINKS.contains(firstFold);
        // an article opens a name only when hyphenated to a capitalised word (al-Bab, As-Suwayda), not "As Syria"
        if (firstIsArticle) {
            if (!(i + 1 < tokens.size() && Tokens.hyphenated(text, first, tokens.get(i + 1))
                    && tokens.get(i + 1).capitalised())) {
                return null;
            }
        } else if (!first.capitalised()) {
            return null;
        }
        if (i > 0 && CommonWords.PERSON_TITLES.contains(tokens.get(i - 1).text().toLowerCase(Locale.ROOT))
                && Tokens.joined(text, tokens.get(i - 1), first)) {
            return null;
        }
        int end = i;
        List<Integer> ends = new ArrayList<>();
        while (end < tokens.size() && end - i < maxN + 2) {
            Token t = tokens.get(end);
            if (end > i && !Tokens.joined(text, tokens.get(end - 1), t)) break;
            boolean link = LINKS.contains(NameFolding.foldToken(t.text()));
            if (!t.capitalised() && !link) break;
            if (!link) ends.add(end);
            end++;
        }
        for (int k = ends.size() - 1; k >= 0; k--) {
            int last = ends.get(k);
            if (last == i && ends.size() > 1 && GENERIC_HEADS.contains(firstFold)) break;
            Token lt = tokens.get(last);
            String span = text.substring(first.start(), lt.end());
            boolean followed = last + 1 < tokens.size() && tokens.get(last + 1).capitalised()
                    && Tokens.joined(text, lt, tokens.get(last + 1))
                    && !CommonWords.NOT_PLACES.contains(NameFolding.foldToken(tokens.get(last + 1).text()));
            Mention m = lookup(span, first.start(), lt.end(), last == i, followed);
            if (m != null) return m;
        }
        return null;
    }

    private Mention lookup(String span, int start, int end, boolean singleToken, boolean followedByName) {
        String exact = NameFolding.exactKey(span);
        if (exact.isEmpty()) return null;
        if (singleToken && (CommonWords.NOT_PLACES.contains(exact) || exact.length() < 3)) return null;
        String key = NameFolding.phoneticKey(span);
        List<Place> found = gazetteer.candidates(key);
        if (found.isEmpty()) return null;
        boolean arabic = ARABIC.matcher(span).find();
        boolean needExact = key.replace(" ", "").length() < 5 && !arabic;
        List<Place> kept = new ArrayList<>(found.size());
        List<Boolean> exactFlags = new ArrayList<>(found.size());
        for (Place p : found) {
            boolean ex = gazetteer.exactName(p, exact);
            if (needExact && !ex) continue;
            kept.add(p);
            exactFlags.add(ex);
        }
        if (kept.isEmpty()) return null;
        boolean[] flags = new boolean[kept.size()];
        for (int j = 0; j < flags.length; j++) flags[j] = exactFlags.get(j);
        return new Mention(start, end, span, exact, kept, flags, followedByName);
    }
}
