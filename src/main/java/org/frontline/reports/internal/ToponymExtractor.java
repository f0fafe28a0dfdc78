package org.frontline.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.NameFolding;
import org.frontline.gazetteer.Place;
import org.frontline.reports.internal.Tokens.Token;

/**
 * Finds toponym mentions: the longest run of capitalised tokens (with article links such as al-, ash-)
 * whose phonetic key the gazetteer knows. Short keys must match in their spelling family, since vowel-folded
 * keys of two or three letters collide with ordinary words; all-caps tokens of up to five letters (acronyms) only
 * exactly. A compound name is resolved whole or not at all: when a capitalised run opens with a word the
 * gazetteer does not know ("Hirsh Bayanin", "Enab Baladi"), its later words are not tried alone. Spans that
 * {@link NotPlaces} marks (actors, media, organisations, people) are skipped.
 */
final class ToponymExtractor {

    /**
     * A span of text with its gazetteer candidates and whether each candidate matched its exact spelling;
     * {@code facility} names the hospital/school the text places there ("the X Hospital in Y"), else null.
     */
    record Mention(
            int start,
            int end,
            String text,
            String exactKey,
            List<Place> candidates,
            boolean[] exact,
            boolean followedByName,
            String facility) {}

    private static final Set<String> LINKS = NameFolding.ARTICLES;
    /**
     * First words of Arabic compound names ("Tall X", "Kafr X", "Khan X"). Alone they are also places (At Tall),
     * but followed by another capitalised word they open a name the gazetteer does not know: no match then.
     */
    private static final Set<String> GENERIC_HEADS = Set.of(
            "tall", "tell", "tal", "kafr", "kfar", "khan", "ras", "deir", "dayr", "ain", "ayn", "ein", "abu", "bir",
            "qasr", "jisr", "beit", "bayt", "bab", "wadi", "jabal", "jebel", "maarat", "maaret", "marat", "umm", "tel",
            "hayy", "haret", "mazraat", "qalaat", "sheikh", "shaykh", "hirsh", "tallet", "khirbet", "khirbat", "mazraa",
            "jabl");
    /** Lower-case words that end facility names in the gazetteer ("Taftanaz airbase", "Atmeh camp"). */
    private static final Set<String> FACILITY_WORDS =
            Set.of("airbase", "air", "base", "airport", "airfield", "crossing", "camp", "camps", "military", "border");
    /** Dotted and bare abbreviations of countries, as reports write them. */
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "U.S.",
            "United States",
            "U.S.A.",
            "United States",
            "US",
            "United States",
            "USA",
            "United States",
            "U.K.",
            "United Kingdom",
            "UK",
            "United Kingdom",
            "UAE",
            "United Arab Emirates",
            "U.A.E.",
            "United Arab Emirates");

    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?<![\\p{L}.])(U\\.S\\.A\\.|U\\.S\\.|U\\.K\\.|" + "U\\.A\\.E\\.|USA|US|UK|UAE)(?![\\p{L}])");
    private static final Pattern FACILITY_BEFORE = Pattern.compile(
            "^\\s+(?:in|at|near|of|on the outskirts of|outside)\\s+(?:the\\s+)?(?:(?:city|town|village)\\s+of\\s+)?$");
    private static final Pattern MODIFIED = Pattern.compile("^(?:-|\\s+(?:forces|troops|aircraft|military|jets?|"
            + "warplanes?|officials?|army|envoy|drones?|strikes?|air|special|administration|president|state|"
            + "coalition|embassy|ambassador|citizens?|sanctions|soldiers|navy|intelligence|diplomats?|led|backed)\\b)");
    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
    private final Gazetteer gazetteer;

    ToponymExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    List<Mention> find(String text, List<Token> tokens) {
        return find(text, tokens, NotPlaces.find(text, tokens));
    }

    List<Mention> find(String text, List<Token> tokens, NotPlaces.Result notPlaces) {
        List<Mention> out = new ArrayList<>();
        int maxN = gazetteer.maxTokens();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (notPlaces.blocks(t.start(), t.end())) {
                i++;
                continue;
            }
            Mention m = longestAt(text, tokens, i, maxN, notPlaces);
            if (m == null) {
                i = unknownRunEnd(text, tokens, i) + 1;
                continue;
            }
            out.add(withFacility(text, m, notPlaces));
            while (i < tokens.size() && tokens.get(i).start() < m.end()) i++;
        }
        abbreviations(text, out, notPlaces);
        return out;
    }

    /**
     * Where scanning goes on after a token that opens no name: a capitalised word the gazetteer does not know
     * takes the rest of its compound with it ("Hirsh Bayanin", "Enab Baladi", "Kafr Sajna"); common words
     * (sentence openers, titles, demonyms) do not.
     */
    private static int unknownRunEnd(String text, List<Token> tokens, int i) {
        Token first = tokens.get(i);
        String fold = NameFolding.foldToken(first.text());
        if (!first.capitalised()
                || LINKS.contains(fold)
                || CommonWords.NOT_PLACES.contains(fold)
                || !first.text().chars().allMatch(Character::isLetter)
                || NameFolding.isArabic(first.text().charAt(0))) {
            return i;
        }
        int end = i;
        for (int k = i + 1; k < tokens.size() && Tokens.joined(text, tokens.get(k - 1), tokens.get(k)); k++) {
            Token t = tokens.get(k);
            String f = NameFolding.foldToken(t.text());
            if (LINKS.contains(f)) continue;
            if (!t.capitalised() || CommonWords.NOT_PLACES.contains(f)) break;
            end = k;
        }
        return end;
    }

    /** "the Dar al-Hekma Hospital in Kafranbel": the mention keeps the facility's name. */
    private static Mention withFacility(String text, Mention m, NotPlaces.Result notPlaces) {
        for (int[] f : notPlaces.facilities().within(Math.max(0, m.start() - 200), m.start())) {
            if (m.start() - f[1] < 40
                    && FACILITY_BEFORE.matcher(text.substring(f[1], m.start())).find()) {
                return new Mention(
                        m.start(),
                        m.end(),
                        m.text(),
                        m.exactKey(),
                        m.candidates(),
                        m.exact(),
                        m.followedByName(),
                        text.substring(f[0], f[1]));
            }
        }
        return m;
    }

    /** U.S., U.K., UAE: the tokeniser splits dotted forms, and bare two-letter codes are never looked up. */
    private void abbreviations(String text, List<Mention> out, NotPlaces.Result notPlaces) {
        Spans<Mention> taken = new Spans<>(out, Mention::start, Mention::end);
        Matcher a = ABBREVIATION.matcher(text);
        while (a.find()) {
            int s = a.start();
            int e = a.end();
            if (notPlaces.blocks(s, e) || taken.overlaps(s, e)) continue;
            // "US" in an all-caps headline may be the pronoun: only where the neighbouring words are not all caps
            if (a.group().equals("US")
                    && e + 2 < text.length()
                    && Character.isUpperCase(text.charAt(e + 1))
                    && Character.isUpperCase(text.charAt(Math.min(text.length() - 1, e + 2)))) {
                continue;
            }
            // "US aircraft", "U.S.-backed": the country as a modifier, which reports do not mean as a place
            Matcher next = MODIFIED.matcher(text.substring(e, Math.min(text.length(), e + 30)));
            if (next.find()) continue;
            String name = ABBREVIATIONS.get(a.group());
            List<Place> found =
                    gazetteer.lookup(name, "").stream().filter(Place::isCountry).toList();
            if (found.isEmpty()) continue;
            boolean[] exact = new boolean[found.size()];
            java.util.Arrays.fill(exact, true);
            out.add(new Mention(s, e, a.group(), NameFolding.exactKey(name), found, exact, false, null));
        }
        out.sort(java.util.Comparator.comparingInt(Mention::start));
    }

    private Mention longestAt(String text, List<Token> tokens, int i, int maxN, NotPlaces.Result notPlaces) {
        Token first = tokens.get(i);
        String firstFold = NameFolding.foldToken(first.text());
        boolean firstIsArticle = LINKS.contains(firstFold);
        // an article opens a name only when hyphenated to a capitalised word (al-Bab, As-Suwayda), not "As Syria"
        if (firstIsArticle) {
            if (!(i + 1 < tokens.size()
                    && Tokens.hyphenated(text, first, tokens.get(i + 1))
                    && tokens.get(i + 1).capitalised())) {
                return null;
            }
        } else if (!first.capitalised()) {
            return null;
        }
        int end = i;
        List<Integer> ends = new ArrayList<>();
        while (end < tokens.size() && end - i < maxN + 2) {
            Token t = tokens.get(end);
            if (end > i && !Tokens.joined(text, tokens.get(end - 1), t)) break;
            if (notPlaces.blocks(t.start(), t.end())) break;
            boolean link = LINKS.contains(NameFolding.foldToken(t.text()));
            if (!t.capitalised() && !link) break;
            if (!link) ends.add(end);
            end++;
        }
        // "Abu al-Duhur airbase", "Bab al-Hawa crossing": facility words may close a name the gazetteer knows
        for (int k = end; k < tokens.size() && k < end + 2 && !ends.isEmpty(); k++) {
            Token t = tokens.get(k);
            if (!Tokens.joined(text, tokens.get(k - 1), t)
                    || !FACILITY_WORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
                break;
            }
            ends.add(k);
        }
        for (int k = ends.size() - 1; k >= 0; k--) {
            int last = ends.get(k);
            if (last == i && ends.size() > 1 && GENERIC_HEADS.contains(firstFold)) break;
            Token lt = tokens.get(last);
            String span = text.substring(first.start(), lt.end());
            boolean followed = last + 1 < tokens.size()
                    && tokens.get(last + 1).capitalised()
                    && Tokens.joined(text, lt, tokens.get(last + 1))
                    && !CommonWords.NOT_PLACES.contains(
                            NameFolding.foldToken(tokens.get(last + 1).text()));
            Mention m = lookup(span, first.start(), lt.end(), last == i, followed);
            if (m != null) return m;
        }
        return null;
    }

    private Mention lookup(String span, int start, int end, boolean singleToken, boolean followedByName) {
        List<String> tokens = NameFolding.foldedTokens(span);
        String exact = String.join(" ", tokens);
        if (exact.isEmpty()) return null;
        if (singleToken && (CommonWords.NOT_PLACES.contains(exact) || exact.length() < 3)) return null;
        boolean arabic = ARABIC.matcher(span).find();
        // an acronym (SAA, SOHR, HTS) is never a loose spelling of a place
        boolean acronym = singleToken && span.length() <= 5 && span.equals(span.toUpperCase(Locale.ROOT)) && !arabic;
        String key = NameFolding.phoneticKey(tokens);
        List<Place> found = gazetteer.candidates(key);
        boolean skeleton = false;
        if (found.isEmpty() && !acronym) {
            found = gazetteer.candidatesBySkeleton(NameFolding.skeletonKey(tokens));
            skeleton = true;
        }
        if (found.isEmpty()) return null;
        boolean shortKey = key.replace(" ", "").length() < 5 && !arabic;
        String family = NameFolding.familyKey(span);
        List<Place> kept = new ArrayList<>(found.size());
        List<Boolean> exactFlags = new ArrayList<>(found.size());
        for (Place p : found) {
            if (gazetteer.shadowed(p, key)) continue; // an analyst corrected this spelling to another place
            boolean ex = gazetteer.exactName(p, exact);
            if ((acronym || (shortKey && !skeleton))
                    && !ex
                    && !(shortKey && !acronym && gazetteer.familyName(p, family))) {
                continue;
            }
            kept.add(p);
            exactFlags.add(ex);
        }
        if (kept.isEmpty()) return null;
        boolean[] flags = new boolean[kept.size()];
        for (int j = 0; j < flags.length; j++) flags[j] = exactFlags.get(j);
        return new Mention(start, end, span, exact, kept, flags, followedByName, null);
    }
}
