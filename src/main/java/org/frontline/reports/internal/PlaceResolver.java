package org.frontline.reports.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.frontline.gazetteer.Place;
import org.frontline.reports.internal.ParseResult.PlaceMention;

/**
 * Chooses one gazetteer entry per mention. Evidence, in rough order of weight: a context cue ("X in Y",
 * "X, near Y", "the southern countryside of Y": X must lie in Y's governorate, country or neighbourhood), a cue
 * phrase ("Idlib province", "the town of X"), being a country, lying in the focus country or its neighbours, an
 * exact spelling, population and rank as a seat, and closeness to the other places the text names.
 * <p>
 * Regional plausibility: the report's region is the set of its unambiguous anchors (governorates, regions and
 * exactly spelled towns of the focus country, found in a first pass). A variant spelling far from every anchor is
 * not accepted; an exact spelling abroad and far away needs support (its country is named, or it is a country,
 * capital or large city). What is refused may still come back as an unresolved place for the reviewer.
 */
final class PlaceResolver {

    private static final Pattern PROVINCE_AFTER = Pattern.compile(
            "^[’']?s?\\s+(province|governorate|countryside|region|and its countryside)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROVINCE_BEFORE = Pattern.compile(
            "(\\b(province|governorate|countryside|suburbs) of( the)?|\\b(rural|southern|northern|eastern|western|south|north|east|west|"
                    + "north-western|northwestern|south-western|southwestern|north-eastern|northeastern|"
                    + "south-eastern|southeastern|central)|\\bthe (north|south|east|west) of)\\s+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CITY_AFTER = Pattern.compile("^\\s+(city|town|village)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CITY_BEFORE = Pattern.compile(
            "\\b(city|town|village|outskirts) of\\s+$|\\bin the heart of\\s+$", Pattern.CASE_INSENSITIVE);
    private static final double ACCEPT = 3.0;
    /** A variant spelling farther than this from every anchor of the report is not the place meant. */
    static final double VARIANT_KM = 80;
    /** An exact spelling abroad farther than this from every anchor needs support. */
    static final double EXACT_KM = 250;

    static final long LARGE_CITY = 100_000;
    /** What an analyst's placing of a spelling is worth (about a namesake of a million people). */
    static final double LEARNED = 2.5;
    /**
     * Nearness looks only at this many mentions either side: neighbours in the text are what the bonus is
     * about, and comparing every mention with every other made long reports quadratic.
     */
    static final int NEAR_WINDOW = 50;

    private final String focusCountry;
    private final Set<String> neighbours;

    PlaceResolver(String focusCountry, Set<String> neighbours) {
        this.focusCountry = focusCountry;
        this.neighbours = neighbours;
    }

    List<PlaceMention> resolve(String text, List<ToponymExtractor.Mention> mentions) {
        return resolve(text, mentions, List.of());
    }

    /**
     * {@code nameRuns}: other capitalised runs of the text ([start, end)), names the gazetteer lacks: lists run
     * through them ("Balyon, Sfuhen, Fulayfel and Kansafra in Jabal al-Zawiya").
     */
    List<PlaceMention> resolve(String text, List<ToponymExtractor.Mention> mentions, List<int[]> nameRuns) {
        int n = mentions.size();
        Place[] first = new Place[n];
        boolean[] firstExact = new boolean[n];
        boolean[] areaLike = new boolean[n];
        for (int i = 0; i < n; i++) {
            Choice c = best(text, mentions.get(i), null, i);
            first[i] = c.place;
            firstExact[i] = c.exact;
            areaLike[i] =
                    c.place != null && (c.place.isCountry() || c.place.isProvince() || "region".equals(c.place.kind()));
        }
        Map<String, Integer> countriesNamed = new HashMap<>();
        List<Integer> anchors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Place q = first[i];
            if (q == null) continue;
            if (q.isCountry()) countriesNamed.merge(q.country(), 1, Integer::sum);
            else if (q.country().equals(focusCountry) && (q.isProvince() || firstExact[i])) anchors.add(i);
        }
        ContextCues.Cue[] cues = cues(text, mentions, nameRuns, areaLike);
        Context context = new Context(first, countriesNamed, anchors, cues);
        List<PlaceMention> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ToponymExtractor.Mention m = mentions.get(i);
            Choice c = best(text, m, context, i);
            if (c.place == null) continue;
            Place p = c.place;
            out.add(new PlaceMention(
                    m.text(),
                    m.start(),
                    m.end(),
                    p.name(),
                    p.lat(),
                    p.lon(),
                    p.publicGeonameId(),
                    p.kind(),
                    p.country(),
                    Math.round(c.confidence * 100) / 100.0,
                    p.bbox(),
                    c.reason,
                    c.runnerUp,
                    m.facility()));
        }
        return out;
    }

    /** Cues over mentions and name runs together; a cue that lands on a name run follows that run's own cue. */
    private static ContextCues.Cue[] cues(
            String text, List<ToponymExtractor.Mention> mentions, List<int[]> runs, boolean[] areaLike) {
        List<int[]> spans = new ArrayList<>(mentions.size() + runs.size());
        for (int i = 0; i < mentions.size(); i++)
            spans.add(new int[] {mentions.get(i).start(), mentions.get(i).end(), i});
        for (int[] r : runs) spans.add(new int[] {r[0], r[1], -1});
        spans.sort(java.util.Comparator.comparingInt(s -> s[0]));
        boolean[] area = new boolean[spans.size()];
        for (int k = 0; k < area.length; k++) area[k] = spans.get(k)[2] >= 0 && areaLike[spans.get(k)[2]];
        ContextCues.Cue[] all = ContextCues.find(text, spans, area);
        ContextCues.Cue[] out = new ContextCues.Cue[mentions.size()];
        for (int k = 0; k < spans.size(); k++) {
            if (spans.get(k)[2] < 0) continue;
            ContextCues.Cue c = all[k];
            while (c != null && spans.get(c.target())[2] < 0 && c.target() > k) c = all[c.target()];
            if (c != null && spans.get(c.target())[2] >= 0) {
                out[spans.get(k)[2]] = new ContextCues.Cue(spans.get(c.target())[2], c.words(), c.inherited(), c.km());
            }
        }
        return out;
    }

    private record Choice(Place place, double confidence, boolean exact, String reason, String runnerUp) {
        static final Choice NONE = new Choice(null, 0, false, null, null);
    }

    /** The first pass's places, the countries the text names, its anchors and each mention's cue. */
    private record Context(
            Place[] places, Map<String, Integer> countriesNamed, List<Integer> anchors, ContextCues.Cue[] cues) {}

    private Choice best(String text, ToponymExtractor.Mention m, Context context, int self) {
        String before = text.substring(Math.max(0, m.start() - 40), m.start());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 30));
        boolean provinceCue = PROVINCE_AFTER.matcher(after).find()
                || PROVINCE_BEFORE.matcher(before).find();
        boolean cityCue =
                CITY_AFTER.matcher(after).find() || CITY_BEFORE.matcher(before).find();
        ContextCues.Cue cue = context == null ? null : context.cues()[self];
        Place target = cue == null ? null : context.places()[cue.target()];
        Place bestPlace = null;
        Place secondPlace = null;
        boolean bestExact = false;
        boolean bestInContext = false;
        double bestScore = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        // the runner-up as spelling and rank alone would have it, even when the region or a cue refused it
        Place[] raw = new Place[2];
        double[] rawScore = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int j = 0; j < m.candidates().size(); j++) {
            Place p = m.candidates().get(j);
            boolean exact = m.exact()[j];
            double s = score(p, exact, provinceCue, cityCue, context, self);
            // "George Clooney", "Paris Hilton": a far-away town followed by another name is part of that name
            if (m.followedByName()
                    && !p.isCountry()
                    && !p.country().equals(focusCountry)
                    && !neighbours.contains(p.country())) {
                s = Double.NEGATIVE_INFINITY;
            }
            if (s > rawScore[0]) {
                raw[1] = raw[0];
                rawScore[1] = rawScore[0];
                raw[0] = p;
                rawScore[0] = s;
            } else if (s > rawScore[1]) {
                raw[1] = p;
                rawScore[1] = s;
            }
            boolean inContext = false;
            if (target != null && s > Double.NEGATIVE_INFINITY && (p.isSettlement() || "facility".equals(p.kind()))) {
                inContext = within(p, target, cue.km());
                s = inContext ? s + 4 : Double.NEGATIVE_INFINITY;
            }
            if (context != null && s > Double.NEGATIVE_INFINITY && !plausible(p, exact, context, self)) {
                s = Double.NEGATIVE_INFINITY;
            }
            if (s > bestScore) {
                second = bestScore;
                secondPlace = bestPlace;
                bestScore = s;
                bestPlace = p;
                bestExact = exact;
                bestInContext = inContext;
            } else if (s > second) {
                second = s;
                secondPlace = p;
            }
        }
        if (bestScore < ACCEPT) return Choice.NONE;
        double margin = second == Double.NEGATIVE_INFINITY ? 3 : Math.min(3, bestScore - second);
        double confidence = Math.min(0.99, 0.45 + 0.1 * Math.min(bestScore, 8) / 2 + 0.1 * margin);
        Place other = second > Double.NEGATIVE_INFINITY && secondPlace != null
                ? secondPlace
                : raw[0] != null && raw[0] != bestPlace ? raw[0] : raw[1];
        String runnerUp = other == null || other == bestPlace ? null : other.name() + ", " + other.country();
        String reason = bestInContext
                ? "context"
                : !bestExact
                        ? "variant"
                        : secondPlace != null
                                        && second > Double.NEGATIVE_INFINITY
                                        && secondPlace.isSettlement()
                                        && bestPlace.isSettlement()
                                        && secondPlace.name().equals(bestPlace.name())
                                ? "population"
                                : "exact";
        return new Choice(bestPlace, confidence, bestExact, reason, runnerUp);
    }

    /** Whether p lies in the area of the place a cue names: its country, its governorate, or near it. */
    static boolean within(Place p, Place target, double km) {
        if (target.isCountry()) return p.country().equals(target.country());
        if (target.isProvince()) {
            if (!p.country().equals(target.country())) return false;
            if (!target.admin1().isEmpty() && !p.admin1().isEmpty())
                return target.admin1().equals(p.admin1());
            return kmToArea(p, target) <= 10;
        }
        // "the countryside of Idlib": a governorate's seat stands for its governorate
        if ("PPLA".equals(target.featureCode())
                && !target.admin1().isEmpty()
                && target.country().equals(p.country())
                && target.admin1().equals(p.admin1())) {
            return true;
        }
        return kmToArea(p, target) <= km;
    }

    /**
     * The plausibility rule of the report's region. A variant spelling must lie near an anchor (or, when the text
     * has none, in the focus country or a country it names); an exact spelling abroad and far needs support.
     */
    private boolean plausible(Place p, boolean exact, Context context, int self) {
        if (p.isCountry() || p.isProvince()) return true;
        double regionKm = Double.POSITIVE_INFINITY;
        boolean anyAnchor = false;
        // anchors near in the text, as for nearness: comparing every mention with every anchor was quadratic
        List<Integer> anchors = context.anchors();
        int from = java.util.Collections.binarySearch(anchors, self - NEAR_WINDOW);
        from = from < 0 ? -from - 1 : from;
        for (int k = from; k < anchors.size() && anchors.get(k) <= self + NEAR_WINDOW; k++) {
            int a = anchors.get(k);
            if (a == self) continue;
            anyAnchor = true;
            regionKm = Math.min(regionKm, kmToArea(p, context.places()[a]));
        }
        boolean home = p.country().equals(focusCountry);
        boolean named = countryNamed(p, context, self) > 0;
        if (!exact) {
            if (anyAnchor) return regionKm <= VARIANT_KM;
            return home || named;
        }
        if (home) return true;
        boolean supported = named || "PPLC".equals(p.featureCode()) || p.population() >= LARGE_CITY;
        if (anyAnchor) return regionKm <= EXACT_KM || supported;
        return neighbours.contains(p.country()) || supported;
    }

    /** Kilometres from p to q: 0 inside q's box (a governorate), else to its point. Equirectangular is plenty. */
    static double kmToArea(Place p, Place q) {
        double[] b = q.bbox();
        double lat = q.lat();
        double lon = q.lon();
        if (b != null) {
            lon = Math.max(b[0], Math.min(b[2], p.lon()));
            lat = Math.max(b[1], Math.min(b[3], p.lat()));
        }
        double dy = (lat - p.lat()) * 111.2;
        double dx = (lon - p.lon()) * 111.2 * Math.cos(Math.toRadians(p.lat()));
        return Math.sqrt(dx * dx + dy * dy);
    }

    private double score(Place p, boolean exact, boolean provinceCue, boolean cityCue, Context context, int self) {
        double s = Math.log10(p.population() + 1) * 0.4;
        if (p.country().equals(focusCountry)) s += 3;
        else if (neighbours.contains(p.country())) s += 1.5;
        // far-away places are written the English way; a loose spelling match there is a false friend
        else if (!exact) return Double.NEGATIVE_INFINITY;
        if (exact) s += 2;
        // an analyst placed this spelling here in review: that outweighs a namesake's population
        if (p.learned()) s += LEARNED;
        if (p.isCountry()) s += 4;
        switch (p.featureCode()) {
            case "PPLC" -> s += 1.5;
            case "PPLA" -> s += 1;
            case "PPLA2" -> s += 0.6;
            case "PPLA3" -> s += 0.3;
            default -> {}
        }
        if (provinceCue && p.isProvince()) s += 6;
        if (cityCue && p.isSettlement()) s += 3;
        if (context != null && p.isSettlement()) s += nearness(p, context, self) + countryNamed(p, context, self);
        return s;
    }

    /** +2.5 when the text names the place's country ("Fighting in Libya reached Tripoli"). */
    private static double countryNamed(Place p, Context context, int self) {
        int named = context.countriesNamed().getOrDefault(p.country(), 0);
        Place own = context.places()[self];
        if (own != null && own.isCountry() && own.country().equals(p.country())) named--;
        return named > 0 ? 2.5 : 0;
    }

    /** Up to +2 when another place near in the text lies within 60 km (countries and provinces are too coarse). */
    private static double nearness(Place p, Context context, int self) {
        double bonus = 0;
        double cosLat = Math.cos(Math.toRadians(p.lat()));
        Place[] places = context.places();
        for (int k = Math.max(0, self - NEAR_WINDOW); k < Math.min(places.length, self + NEAR_WINDOW + 1); k++) {
            Place q = places[k];
            if (k == self || q == null || q.isCountry() || q.geonameId() == p.geonameId()) continue;
            // an equirectangular distance is plenty for a 60 km threshold and far cheaper than a geodesic
            double dy = (q.lat() - p.lat()) * 111.2;
            double dx = (q.lon() - p.lon()) * 111.2 * cosLat;
            double km = Math.sqrt(dx * dx + dy * dy);
            if (km < 60) bonus = Math.max(bonus, 2 * (1 - km / 60));
        }
        return bonus;
    }
}
