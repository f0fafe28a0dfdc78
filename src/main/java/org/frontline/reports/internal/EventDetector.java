package org.frontline.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.reports.internal.ParseResult.ActorMention;
import org.frontline.reports.internal.ParseResult.Candidate;
import org.frontline.reports.internal.ParseResult.DateMention;
import org.frontline.reports.internal.ParseResult.Figure;
import org.frontline.reports.internal.ParseResult.PlaceMention;

/**
 * Turns sentences that describe an event into candidate events with an ACLED-like type. The place is the
 * sentence's most specific place in the focus country; failing that, the last such place named before (a
 * report keeps talking about where it is), at lower confidence. The date is the sentence's own date
 * expression, failing that the dateline with week precision.
 */
final class EventDetector {

    private record Trigger(String eventType, String subEventType, Pattern pattern) {
    }

    private static final List<Trigger> TRIGGERS = List.of(
            new Trigger("Battles", "Encirclement", p("surrounded|encircled|besieged|encirclement|cut off|under siege")),
            new Trigger("Battles", "Territory captured", p("captured|seized|took control|taken control|recaptured|"
                    + "retook|overran|fell to|fall of|entered|stormed|advanced|advances|made advances")),
            new Trigger("Explosions/Remote violence", "Air/drone strike", p("air ?strikes?|air raids?|bombed|"
                    + "bombing|bombardment|bombarded|warplanes struck|struck|drone strikes?|barrel bombs?")),
            new Trigger("Explosions/Remote violence", "Shelling/artillery/missile attack", p("shelling|shelled|"
                    + "artillery|rockets?|missiles?|mortars?")),
            new Trigger("Battles", "Armed clash", p("clashes|clashed|fighting|battles?|attacked|offensive|"
                    + "assault|ambush(?:ed)?")),
            new Trigger("Violence against civilians", "Attack", p("killed|killing|massacre|executed|died")),
            new Trigger("Strategic developments", "Displacement", p("fled|flee|fleeing|displaced|displacement|"
                    + "exodus")),
            new Trigger("Strategic developments", "Agreement", p("agreement|agreed|deal|ceasefire|truce|"
                    + "accord|signed|summit")));

    /** Every trigger word in one alternation with a group per trigger, so the text is scanned once. */
    private static final Pattern ANY_TRIGGER = Pattern.compile(String.join("|",
            TRIGGERS.stream().map(t -> "(" + t.pattern().pattern() + ")").toList()));

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"”’']?\\s+|\\n+");

    private EventDetector() {
    }

    private static Pattern p(String words) {
        return Pattern.compile("(?i)\\b(?:" + words + ")\\b");
    }

    static List<Candidate> find(String text, LocalDate dateline, String focusCountry, List<PlaceMention> places,
            List<DateMention> dates, List<Figure> figures, List<ActorMention> actors) {
        List<Candidate> out = new ArrayList<>();
        Spans<PlaceMention> placeSpans = new Spans<>(places, PlaceMention::start, PlaceMention::end);
        Spans<DateMention> dateSpans = new Spans<>(dates, DateMention::start, DateMention::end);
        Spans<Figure> figureSpans = new Spans<>(figures, Figure::start, Figure::end);
        Spans<ActorMention> actorSpans = new Spans<>(actors, ActorMention::start, ActorMention::end);
        PlaceMention lastFocusPlace = null;
        int start = 0;
        Matcher ends = SENTENCE_END.matcher(text);
        while (start < text.length()) {
            int end = ends.find() ? ends.start() : text.length();
            int next = end < text.length() ? ends.end() : text.length();
            String sentence = text.substring(start, end);
            final int s0 = start;
            List<PlaceMention> here = placeSpans.within(s0, end);
            // the trigger of highest priority in the sentence (encirclement before capture before strikes...)
            Trigger trigger = null;
            Matcher tm = null;
            int best = Integer.MAX_VALUE;
            Matcher any = ANY_TRIGGER.matcher(sentence);
            while (any.find()) {
                for (int g = 1; g <= TRIGGERS.size() && g - 1 < best; g++) {
                    if (any.start(g) >= 0) {
                        best = g - 1;
                        trigger = TRIGGERS.get(best);
                        tm = TRIGGERS.get(best).pattern().matcher(sentence);
                        tm.find(any.start(g));
                        break;
                    }
                }
            }
            PlaceMention place = mostSpecific(here, focusCountry, tm == null ? s0 : s0 + tm.start());
            // a sentence about a town abroad (talks in Geneva, a statement in Washington) locates nothing here
            boolean abroad = place == null && here.stream().anyMatch(p -> !focusCountry.equals(p.country())
                    && !"country".equals(p.kind()));
            if (trigger != null && sentence.length() > 20 && !abroad) {
                boolean inherited = place == null;
                PlaceMention where = inherited ? lastFocusPlace : place;
                if (where != null) {
                    out.add(candidate(text, dateline, s0, end, trigger, tm, where, inherited, dateSpans, figureSpans,
                            actorSpans));
                }
            }
            if (place != null) lastFocusPlace = place;
            start = next;
        }
        return out;
    }

    private static Candidate candidate(String text, LocalDate dateline, int s, int e, Trigger t, Matcher tm,
            PlaceMention where, boolean inherited, Spans<DateMention> dates, Spans<Figure> figures,
            Spans<ActorMention> actors) {
        // of several dates in a sentence, time adverbials usually follow the verb ("were surrounded ... this
        // week"): the first date after the trigger wins, else the nearest one before it
        int at = s + tm.start();
        List<DateMention> inSentence = dates.within(s, e);
        DateMention date = inSentence.stream().filter(d -> d.start() >= at).findFirst()
                .orElse(inSentence.stream().filter(d -> d.start() < at).reduce((a, b) -> b).orElse(null));
        String word = tm.group();
        List<Figure> fig = figures.within(s, e);
        Long fatalities = sum(fig, "killed");
        Long displaced = sum(fig, "displaced");
        List<String> who = actors.within(s, e).stream().map(ActorMention::actor)
                .distinct().toList();
        String geo = switch (where.kind()) {
            case "country", "province" -> "admin";
            case "region" -> "near";
            default -> inherited ? "near" : "exact";
        };
        double confidence = where.confidence() * (inherited ? 0.6 : 1) * (date == null ? 0.8 : 1);
        return new Candidate(t.eventType(), t.subEventType(), word, where.name(), where.lat(), where.lon(),
                where.geonamesId(), geo, date == null ? dateline : date.date(),
                date == null ? "week" : date.precision(), fatalities, displaced, fig, who, s, e,
                text.substring(s, e).strip(), Math.round(confidence * 100) / 100.0);
    }

    private static Long sum(List<Figure> figures, String category) {
        long n = figures.stream().filter(f -> f.category().equals(category)).mapToLong(Figure::count).sum();
        return n == 0 ? null : n;
    }

    /**
     * A town beats a region beats a province beats the country; of equals, the one nearest the trigger word.
     * Places outside the focus country do not locate events.
     */
    private static PlaceMention mostSpecific(List<PlaceMention> here, String focusCountry, int at) {
        PlaceMention best = null;
        for (PlaceMention p : here) {
            if (!focusCountry.equals(p.country())) continue;
            if (best == null || rank(p) > rank(best)
                    || (rank(p) == rank(best) && Math.abs(p.start() - at) < Math.abs(best.start() - at))) {
                best = p;
            }
        }
        return best;
    }

    private static int rank(PlaceMention p) {
        return switch (p.kind()) {
            case "country" -> 0;
            case "province" -> 1;
            case "region" -> 2;
            default -> 3;
        };
    }
}
