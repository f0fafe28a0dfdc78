package org.frontline.reports.internal;

import java.time.LocalDate;
import java.util.List;

/** What a report yields: place mentions, dates, figures, actors and candidate events (offsets into {@code text}). */
public record ParseResult(
        LocalDate published,
        List<PlaceMention> places,
        List<DateMention> dates,
        List<Figure> figures,
        List<ActorMention> actors,
        List<Candidate> candidates,
        List<Unresolved> unresolved) {

    /**
     * A toponym in the text resolved to a gazetteer entry. kind: country / province / region / city / town /
     * place; {@code bbox} (minLon, minLat, maxLon, maxLat) is the area of a province, null for points.
     * {@code reason} says why this entry won: exact (spelling), variant (a spelling in the family), context (a cue
     * such as "X in Y" or a neighbour in the text) or population (equal spellings, the larger place);
     * {@code runnerUp} names the next best entry ("Name, CC"), null when there was none; {@code facility} names
     * the hospital, school or camp the text places there.
     */
    public record PlaceMention(
            String mention,
            int start,
            int end,
            String name,
            double lat,
            double lon,
            Long geonamesId,
            String kind,
            String country,
            double confidence,
            double[] bbox,
            String reason,
            String runnerUp,
            String facility) {}

    /**
     * A phrase that names a place the gazetteer does not know ("the village of X", "in X", "X, north of Y"), for
     * the reviewer to place. {@code area} is the place the context puts it in or near (null when none), with its
     * point; {@code cue} the words that said so.
     */
    public record Unresolved(String text, int start, int end, String area, Double lat, Double lon, String cue) {}

    /** A date expression resolved against the dateline; {@code date} is the start of the period meant. */
    public record DateMention(String text, int start, int end, LocalDate date, String precision, LocalDate until) {}

    /** A count of people with the words it came from. category: killed / wounded / displaced / at_risk. */
    public record Figure(
            String text, int start, int end, long count, String category, String qualifier, String group) {}

    /** A party named in the text, normalised (e.g. "government forces", "Russia (air force)", "HTS"). */
    public record ActorMention(String text, int start, int end, String actor) {}

    /**
     * A clause (or run of sentences) describing one event, with where and when, ACLED-like type and the span it
     * came from. {@code dateFrom}: the words that gave the date (null: none did, it is the report's date);
     * {@code flags}: what a reviewer should check (a figure too large to be true, a place only inherited...).
     */
    public record Candidate(
            String eventType,
            String subEventType,
            String trigger,
            String placeName,
            double lat,
            double lon,
            Long geonamesId,
            String geoPrecision,
            LocalDate date,
            String timePrecision,
            Long fatalities,
            Long displaced,
            List<Figure> figures,
            List<String> actors,
            int start,
            int end,
            String excerpt,
            double confidence,
            String dateFrom,
            List<String> flags) {}
}
