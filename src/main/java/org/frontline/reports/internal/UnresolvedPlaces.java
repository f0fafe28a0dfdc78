package org.frontline.reports.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.gazetteer.NameFolding;
import org.frontline.reports.internal.ParseResult.PlaceMention;
import org.frontline.reports.internal.ParseResult.Unresolved;
import org.frontline.reports.internal.Tokens.Token;

/**
 * Location-like phrases that found no gazetteer entry: a capitalised name after "in", "near", "the village of",
 * "shelled", "captured"…, before "village", "town", "countryside"…, or listed with such a name or with a resolved
 * place ("Kafr Zita, Latamneh and Lahya"); in Arabic script, the word after قرية / بلدة / مدينة / مخيم. Each
 * comes with the area its context cue names ("X in the countryside of Y", "Z, north of Y"), so the reviewer can
 * place it.
 */
final class UnresolvedPlaces {

    private static final String KIND = "(?:village|villages|town|towns|city|cities|area|areas|camp|camps|"
            + "frontlines?|outskirts|vicinity|countryside|road|farms|hill|hills|mountain|neighbourhood|district)";
    private static final Pattern BEFORE = Pattern.compile(
            "(?:\\b(?:in|at|near|from|to|towards|toward|into|outside|"
                    + "around|on|over|via|through|between|targeting|targeted|target|hit|hitting|shelled|shelling|struck|"
                    + "bombed|bombing|captured|seized|entered|took|retook|recaptured|regained|stormed|besieged|surrounded|"
                    + "attacked|reached|including|include|includes|flee|fled|fleeing|raided|losing|lost|capture of|fall of|"
                    + "control of|siege of|storm|storming)\\s+"
                    + "(?:the\\s+)?(?:(?:strategic|key|nearby|rebel-held|regime-held|opposition-held|[\\p{L}-]+-controlled|"
                    + "two|three|several|small|large)\\s+)*(?:" + KIND + "\\s+)?(?:of\\s+)?(?:the\\s+)?|\\b" + KIND
                    + "\\s+of\\s+(?:the\\s+)?)[\"“]?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER = Pattern.compile(
            "^[\"”]?\\s+(?:" + KIND + "\\b|(?:is|was|has been|had been|"
                    + "were)\\s+(?:captured|seized|recaptured|retaken|surrounded|besieged|shelled|bombed|taken|liberated|hit|"
                    + "struck|stormed|encircled|a\\s+(?:[\\p{L}-]+\\s+){0,2}(?:town|village|city|hill|base)\\b))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST = Pattern.compile(
            "^[\"”]?\\s*(?:" + KIND + "\\s*)?(?:,\\s*|\\s+and\\s+|"
                    + ",\\s*and\\s+|\\s+or\\s+)(?:the\\s+)?(?:(?:villages?|towns?) of\\s+)?[\"“]?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARABIC_PLACE =
            Pattern.compile("(?:^|[\\s،,])(?:و|ب|على\\s+)?(?:قرية|قريتي|بلدة|بلدتي|مدينة|مخيم|قرى|بلدات|منطقة)\\s+"
                    + "((?:كفر|تل|خان|دير|عين|جبل|معرة|أبو|ابو|بيت|رأس|جسر)?\\s?[\\p{IsArabic}]+)");

    private UnresolvedPlaces() {}

    static List<Unresolved> find(
            String text,
            List<Token> tokens,
            List<PlaceMention> places,
            NotPlaces.Result notPlaces,
            boolean[] placeAreaLike) {
        List<int[]> phrases =
                candidates(text, tokens, new Spans<>(places, PlaceMention::start, PlaceMention::end), notPlaces);
        if (phrases.isEmpty()) return List.of();
        // one text-ordered list of resolved places and phrases, so cues and lists can run through both
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < places.size(); i++)
            spans.add(new int[] {places.get(i).start(), places.get(i).end(), i, 1});
        for (int[] ph : phrases) spans.add(new int[] {ph[0], ph[1], -1, ph[2]});
        spans.sort(Comparator.comparingInt(s -> s[0]));
        boolean[] areaLike = new boolean[spans.size()];
        for (int k = 0; k < spans.size(); k++) areaLike[k] = spans.get(k)[2] >= 0 && placeAreaLike[spans.get(k)[2]];
        ContextCues.Cue[] cues = ContextCues.find(text, spans, areaLike);
        // a phrase listed with a located name, or after a list of them, is as much a place as they are
        boolean[] located = new boolean[spans.size()];
        for (int k = 0; k < spans.size(); k++) located[k] = spans.get(k)[2] >= 0 || spans.get(k)[3] == 1;
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < spans.size(); k++) {
                if (located[k]) continue;
                boolean prev = k > 0 && located[k - 1] && listed(text, spans.get(k - 1), spans.get(k));
                boolean next = k + 1 < spans.size() && located[k + 1] && listed(text, spans.get(k), spans.get(k + 1));
                located[k] = prev || next || cues[k] != null;
            }
        }
        List<Unresolved> out = new ArrayList<>();
        for (int k = 0; k < spans.size(); k++) {
            int[] s = spans.get(k);
            if (s[2] >= 0 || !located[k]) continue;
            PlaceMention area = null;
            String cue = null;
            for (ContextCues.Cue c = cues[k]; c != null && area == null; c = cues[c.target()]) {
                int[] t = spans.get(c.target());
                if (t[2] >= 0) {
                    area = places.get(t[2]);
                    cue = c.words();
                }
                if (c.target() <= k) break;
            }
            out.add(new Unresolved(
                    text.substring(s[0], s[1]),
                    s[0],
                    s[1],
                    area == null ? null : area.name(),
                    area == null ? null : area.lat(),
                    area == null ? null : area.lon(),
                    cue));
        }
        return out;
    }

    private static boolean listed(String text, int[] a, int[] b) {
        return b[0] >= a[1]
                && b[0] - a[1] < 30
                && LIST.matcher(text.substring(a[1], b[0])).find();
    }

    /** Capitalised runs outside the given spans: names the gazetteer lacks, for cues and lists to run through. */
    static List<int[]> nameRuns(String text, List<Token> tokens, List<int[]> taken, NotPlaces.Result notPlaces) {
        return candidates(text, tokens, new Spans<>(taken, t -> t[0], t -> t[1]), notPlaces);
    }

    /** [start, end, 1 if a locative cue is right there else 0] of name-like runs nobody resolved. */
    private static List<int[]> candidates(
            String text, List<Token> tokens, Spans<?> places, NotPlaces.Result notPlaces) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            String fold = NameFolding.foldToken(t.text());
            boolean opensName = t.capitalised()
                    && !NameFolding.isArabic(t.text().charAt(0))
                    && !CommonWords.NOT_PLACES.contains(fold)
                    && !NameFolding.ARTICLES.contains(fold);
            boolean article = NameFolding.ARTICLES.contains(fold)
                    && i + 1 < tokens.size()
                    && Tokens.hyphenated(text, t, tokens.get(i + 1))
                    && tokens.get(i + 1).capitalised();
            if (!(opensName || article)
                    || covered(t, places)
                    || notPlaces.blocks(t.start(), t.end())
                    || acronym(t.text())) {
                i++;
                continue;
            }
            int end = i;
            for (int k = i + 1; k < tokens.size() && Tokens.joined(text, tokens.get(k - 1), tokens.get(k)); k++) {
                Token u = tokens.get(k);
                String f = NameFolding.foldToken(u.text());
                if (covered(u, places) || notPlaces.blocks(u.start(), u.end())) break;
                if (NameFolding.ARTICLES.contains(f)) continue;
                if (!u.capitalised() || CommonWords.NOT_PLACES.contains(f)) break;
                end = k;
            }
            int s = t.start();
            int e = tokens.get(end).end();
            String before = text.substring(Math.max(0, s - 60), s);
            String after = text.substring(e, Math.min(text.length(), e + 20));
            boolean cued = BEFORE.matcher(before).find() || AFTER.matcher(after).find();
            out.add(new int[] {s, e, cued ? 1 : 0});
            i = end + 1;
        }
        Matcher a = ARABIC_PLACE.matcher(text);
        while (a.find()) {
            int s = a.start(1);
            int e = a.end(1);
            if (!places.overlaps(s, e)) out.add(new int[] {s, e, 1});
        }
        return out;
    }

    private static boolean covered(Token t, Spans<?> places) {
        return places.overlaps(t.start(), t.end());
    }

    private static boolean acronym(String s) {
        return s.length() <= 5 && s.equals(s.toUpperCase(Locale.ROOT));
    }
}
