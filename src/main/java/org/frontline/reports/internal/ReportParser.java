package org.frontline.reports.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.reports.internal.ParseResult.ActorMention;
import org.frontline.reports.internal.ParseResult.Candidate;
import org.frontline.reports.internal.ParseResult.DateMention;
import org.frontline.reports.internal.ParseResult.Figure;
import org.frontline.reports.internal.ParseResult.PlaceMention;
import org.frontline.reports.internal.ParseResult.Unresolved;
import org.frontline.settings.FrontlineSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Plain text + dateline → places, dates, figures, actors and candidate events. Stores nothing. */
@Service
public class ReportParser {

    private final ToponymExtractor toponyms;
    private final PlaceResolver resolver;
    private final String focusCountry;
    /** Where an event goes when the report names no place for it: the focus country, at its centre. */
    private final PlaceMention focusArea;

    @Autowired
    ReportParser(Gazetteer gazetteer, FrontlineSettings settings) {
        this(
                gazetteer,
                settings.reports().focusCountry(),
                String.join(",", settings.reports().neighbours()));
    }

    public ReportParser(Gazetteer gazetteer, String focusCountry, String neighbours) {
        this.toponyms = new ToponymExtractor(gazetteer);
        this.focusCountry = focusCountry;
        this.resolver = new PlaceResolver(focusCountry, new HashSet<>(Arrays.asList(neighbours.split(","))));
        this.focusArea = gazetteer.byFeature(focusCountry, "PCLI").stream()
                .findFirst()
                .map(c -> new PlaceMention(
                        "",
                        0,
                        0,
                        c.name(),
                        c.lat(),
                        c.lon(),
                        c.publicGeonameId(),
                        "country",
                        c.country(),
                        0.5,
                        c.bbox(),
                        "focus-country",
                        null,
                        null))
                .orElse(null);
    }

    public ParseResult parse(String text, LocalDate dateline) {
        List<ActorMention> actors = ActorExtractor.find(text);
        Spans<ActorMention> actorSpans = new Spans<>(actors, ActorMention::start, ActorMention::end);
        List<Tokens.Token> tokens = Tokens.of(text);
        NotPlaces.Result notPlaces = NotPlaces.find(text, tokens);
        List<ToponymExtractor.Mention> mentions = toponyms.find(text, tokens, notPlaces).stream()
                // "Hayat Tahrir al-Sham" names a group, not al-Sham (Damascus)
                .filter(m -> !actorSpans.overlaps(m.start(), m.end()))
                .toList();
        List<int[]> nameRuns = UnresolvedPlaces.nameRuns(
                text,
                tokens,
                mentions.stream().map(m -> new int[] {m.start(), m.end()}).toList(),
                notPlaces);
        List<PlaceMention> places = resolver.resolve(text, mentions, nameRuns);
        boolean[] areaLike = new boolean[places.size()];
        for (int i = 0; i < areaLike.length; i++) {
            String kind = places.get(i).kind();
            areaLike[i] = kind.equals("country") || kind.equals("province") || kind.equals("region");
        }
        List<Unresolved> unresolved = UnresolvedPlaces.find(text, tokens, places, notPlaces, areaLike);
        List<DateMention> dates = DateExtractor.find(text, dateline);
        Spans<DateMention> dateSpans = new Spans<>(dates, DateMention::start, DateMention::end);
        // "December 12 and 25" are days, not counts of people
        List<Figure> figures = FigureExtractor.find(text).stream()
                .filter(f -> !dateSpans.overlaps(f.start(), f.end()))
                .toList();
        List<Candidate> candidates =
                EventDetector.find(text, dateline, focusCountry, places, dates, figures, actors, focusArea);
        return new ParseResult(dateline, places, dates, figures, actors, candidates, unresolved);
    }
}
