package org.frontline.reports.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Context cues between neighbouring mentions: "X in Y", "X, near Y", "X in the southern countryside of Y",
 * "N km from Y", "north-west of Y", "on the road to Y", "Y's X"; and lists ("A, B and C in Y") whose members share
 * the cue of the last one. The resolver then keeps X inside Y's governorate, country or neighbourhood.
 */
final class ContextCues {

    /** Mention {@code target} constrains this one; {@code words} are the cue; {@code km} the radius, if given. */
    record Cue(int target, String words, boolean inherited, double km) {}

    private static final String DIR = "(?:northern|southern|eastern|western|central|rural|greater|"
            + "north|south|east|west|(?:north|south)[- ]?(?:east|west)(?:ern)?)";
    private static final String KIND = "(?:city|town|village|villages|towns|area|areas|district|camp|camps|"
            + "neighbourhood|neighborhood|farms|frontlines?|countryside|region|plain|mountains?|hills?)";
    private static final String AREA = "(?:countryside|suburbs|outskirts|province|governorate|region|vicinity|"
            + "area|district|parts?|plain|mountains?|city|town|village|heart|environs)";
    private static final Pattern CUE = Pattern.compile(
            "^[\"”’']?(?:['’]s)?\\s*(?:" + KIND + "\\s*)?,?\\s*"
                    + "(?:(?:located|which lies|lying|situated)\\s+)?"
                    + "(?:(in|of|near|outside|around|inside|within|at)\\s+|(\\d+(?:\\.\\d+)?)\\s*(?:km|kilometres|kilometers|"
                    + "miles)\\s+(?:\\(\\d+\\s*miles?\\)\\s+)?(?:" + DIR + "\\s+)?(?:from|of)\\s+|" + DIR
                    + "\\s+of\\s+|"
                    + "on the (?:road|highway|way|outskirts) (?:to|of)\\s+|" + DIR + "\\s+)"
                    + "(?:the\\s+)?(?:" + DIR + "\\s+)?(?:" + AREA + "\\s+of\\s+(?:the\\s+)?)?(?:" + DIR + "\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST = Pattern.compile(
            "^[\"”’']?\\s*(?:" + KIND + "\\s*)?(?:,\\s*|\\s+and\\s+|"
                    + ",\\s*and\\s+|\\s+or\\s+|\\s*-\\s*)(?:the\\s+)?(?:(?:villages?|towns?|cities) of\\s+)?[\"“]?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSSESSIVE = Pattern.compile("^['’]s\\s+(?:" + DIR + "\\s+)?$");
    private static final int MAX_GAP = 70;
    /** "X in the countryside of Y", "X near Y": X lies within this of a town Y. */
    static final double NEAR_KM = 25;

    private ContextCues() {}

    /**
     * One cue (or null) per mention ([start, end) spans in text order). {@code areaLike[j]}: mention j resolved (first pass) to a country, province
     * or region, so "X, Y" reads as X in Y rather than a list.
     */
    static Cue[] find(String text, List<int[]> mentions, boolean[] areaLike) {
        int n = mentions.size();
        Cue[] cues = new Cue[n];
        for (int i = n - 2; i >= 0; i--) {
            int j = i + 1;
            int from = mentions.get(i)[1];
            int to = mentions.get(j)[0];
            if (to - from > MAX_GAP || to < from) continue;
            String gap = text.substring(from, to);
            if (gap.indexOf('.') >= 0 && !gap.matches("(?s).*\\d\\.\\d.*")) continue; // a sentence ends between
            Matcher c = CUE.matcher(gap);
            Matcher l = LIST.matcher(gap);
            boolean apposition = areaLike[j]
                    && !areaLike[i]
                    && (gap.strip().equals(",") || gap.strip().equals("("));
            if (apposition) {
                cues[i] = new Cue(j, gap.strip(), false, NEAR_KM);
            } else if (l.find()) {
                if (cues[j] != null) cues[i] = new Cue(cues[j].target(), cues[j].words(), true, cues[j].km());
            } else if (c.find()) {
                double km = c.group(2) != null ? Double.parseDouble(c.group(2)) * 1.3 + 10 : NEAR_KM;
                cues[i] = new Cue(j, gap.strip(), false, km);
                // "X, north of Y, and Z, …": Y is X's anchor, not a member of the list after it
                if (cues[j] != null && cues[j].inherited()) cues[j] = null;
            } else if (POSSESSIVE.matcher(gap).find() && cues[j] == null) {
                cues[j] = new Cue(i, gap.strip(), false, NEAR_KM);
            }
        }
        return cues;
    }
}
