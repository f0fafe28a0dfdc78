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
 * Chooses one gazetteer entry per mention. Evidence, in rough order of weight: a cue phrase ("Idlib
 * province", "the town of X", "southern Idlib"), being a country, lying in the focus country or its
 * neighbours, an exact spelling, population and rank as a seat, and closeness to the other places the text
 * names (a second pass, once the first pass has placed the unambiguous ones).
 */
final class PlaceResolver {

    private static final Pattern PROVINCE_AFTER = Pattern.compile(
            "^[’']?s?\\s+(province|governorate|countryside|region|and its countryside)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROVINCE_BEFORE = Pattern.compile(
            "(\\b(province|governorate) of|\\b(rural|southern|northern|eastern|western|south|north|east|west|"
                    + "north-western|northwestern|south-western|southwestern|north-eastern|northeastern|"
                    + "south-eastern|southeastern|central)|\\bthe (north|south|east|west) of)\\s+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CITY_AFTER = Pattern.compile("^\\s+(city|town|village)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CITY_BEFORE = Pattern.compile("\\b(city|town|village|outskirts) of\\s+$|\\bin the heart of\\s+$",
            Pattern.CASE_INSENSITIVE);
    private static final double ACCEPT = 3.0;
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
        Place[] first = new Place[mentions.size()];
        for (int i = 0; i < mentions.size(); i++) {
            first[i] = best(text, mentions.get(i), null, i).place;
        }
        Map<String, Integer> countriesNamed = new HashMap<>();
        for (Place q : first) {
            if (q != null && q.isCountry()) countriesNamed.merge(q.country(), 1, Integer::sum);
        }
        Context context = new Context(first, countriesNamed);
        List<PlaceMention> out = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            ToponymExtractor.Mention m = mentions.get(i);
            Choice c = best(text, m, context, i);
            if (c.place == null) continue;
            Place p = c.place;
            out.add(new PlaceMention(m.text(), m.start(), m.end(), p.name(), p.lat(), p.lon(), p.publicGeonameId(),
                    p.kind(), p.country(), Math.round(c.confidence * 100) / 100.0, p.bbox()));
        }
        return out;
    }

    private record Choice(Place place, double confidence) {
    }

    /** The first pass's places, and how many mentions name each country (counted once per text). */
    private record Context(Place[] places, Map<String, Integer> countriesNamed) {
    }

    private Choice best(String text, ToponymExtractor.Mention m, Context context, int self) {
        String before = text.substring(Math.max(0, m.start() - 40), m.start());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 30));
        boolean provinceCue = PROVINCE_AFTER.matcher(after).find() || PROVINCE_BEFORE.matcher(before).find();
        boolean cityCue = CITY_AFTER.matcher(after).find() || CITY_BEFORE.matcher(before).find();
        Place bestPlace = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m.candidates().size(); j++) {
            Place p = m.candidates().get(j);
            double s = score(p, m.exact()[j], provinceCue, cityCue, context, self);
            // "George Clooney", "Paris Hilton": a far-away town followed by another name is part of that name
            if (m.followedByName() && !p.isCountry() && !p.country().equals(focusCountry)
                    && !neighbours.contains(p.country())) {
                s = Double.NEGATIVE_INFINITY;
            }
            if (s > bestScore) {
                second = bestScore;
                bestScore = s;
                bestPlace = p;
            } else if (s > second) {
                second = s;
            }
        }
        if (bestScore < ACCEPT) return new Choice(null, 0);
        double margin = second == Double.NEGATIVE_INFINITY ? 3 : Math.min(3, bestScore - second);
        double confidence = Math.min(0.99, 0.45 + 0.1 * Math.min(bestScore, 8) / 2 + 0.1 * margin);
        return new Choice(bestPlace, confidence);
    }

    private double score(Place p, boolean exact, boolean provinceCue, boolean cityCue, Context context, int self) {
        double s = Math.log10(p.population() + 1) * 0.4;
        if (p.country().equals(focusCountry)) s += 3;
        else if (neighbours.contains(p.country())) s += 1.5;
        // far-away places are written the English way; a loose spelling match there is a false friend
        else if (!exact) return Double.NEGATIVE_INFINITY;
        if (exact) s += 2;
        if (p.isCountry()) s += 4;
        switch (p.featureCode()) {
            case "PPLC" -> s += 1.5;
            case "PPLA" -> s += 1;
            case "PPLA2" -> s += 0.6;
            case "PPLA3" -> s += 0.3;
            default -> { }
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
