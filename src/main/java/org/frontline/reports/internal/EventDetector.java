package org.frontline.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.reports.internal.ParseResult.ActorMention;
import org.frontline.reports.internal.ParseResult.Candidate;
import org.frontline.reports.internal.ParseResult.DateMention;
import org.frontline.reports.internal.ParseResult.Figure;
import org.frontline.reports.internal.ParseResult.PlaceMention;

/**
 * Turns the clauses of a report that describe an event into candidate events with an ACLED-like type. A clause
 * with a trigger word (or a count of people killed or wounded) is an event; "..., while X killed one person" is a
 * second one. Its place is its most specific place in the focus country, failing that its sentence's, the last
 * one named before, the next one named after, or the focus country itself (each at lower confidence). Its date is
 * chosen by {@link EventTime}. A sentence that goes on about the event of the one before it ("The overnight attacks
 * targeted ...", "Six people were wounded", the same place on the same day) joins that candidate rather than
 * making another: its figures are the larger of the restated tolls, its place the more specific. Analysis and
 * background ({@link Background}: states, tallies over years, habits, "displaced people") make no candidate.
 */
final class EventDetector {

    private record Trigger(String eventType, String subEventType, String words, Pattern pattern) {
        Trigger(String eventType, String subEventType, String words) {
            this(eventType, subEventType, words, p(words));
        }
    }

    private static final List<Trigger> TRIGGERS = List.of(
            new Trigger("Battles", "Encirclement", "surrounded|encircled|besieged|encirclement|cut off|under siege"),
            new Trigger(
                    "Battles",
                    "Territory captured",
                    "captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|"
                            + "(?:re)?t(?:ake|akes|aking|aken|ook) (?:full )?control|(?:re)?(?:took|taken) over|recaptur(?:e|ed|es|ing)|"
                            + "retak(?:e|en|es|ing)|retook|regain(?:ed|s|ing)?|overr[au]n|fell to|fallen to|fall of|entered|"
                            + "enter(?:s|ing)? the (?:town|city|village)|storm(?:ed|ing)|advanced|advances|made advances|"
                            + "liberat(?:e|ed|es|ing)|(?:imposed|impose|imposes|seized|established) (?:full )?control"),
            new Trigger(
                    "Strategic developments",
                    "Non-violent transfer of territory",
                    "withdrew|withdrawn|" + "withdrawal|pulled out|retreated|handed over"),
            new Trigger(
                    "Explosions/Remote violence",
                    "Air/drone strike",
                    "air ?strikes?|air ?raids?|raids?|strikes|"
                            + "bombed|"
                            + "bombing|bombardment|bombarded|warplanes struck|struck(?! an? (?:deal|agreement))|drone strikes?|"
                            + "barrel bombs?|bombs"),
            new Trigger(
                    "Explosions/Remote violence",
                    "Shelling/artillery/missile attack",
                    "shelling|shelled|" + "artillery|rockets?|missiles?|mortars?|shells"),
            new Trigger(
                    "Explosions/Remote violence",
                    "Remote explosive/landmine/IED",
                    "explosions?|exploded|"
                            + "blasts?|car bombs?|blew up|explosive device|IEDs?|landmines?|booby-trapped"),
            new Trigger(
                    "Battles",
                    "Armed clash",
                    "clashes|clashed|fighting|battles?|battled|fought|attacked|"
                            + "attacks?|offensive|assault|ambush(?:ed)?|hit|targeted"),
            new Trigger("Violence against civilians", "Attack", "killed|killing|massacre|executed|died|dead"),
            new Trigger(
                    "Strategic developments", "Displacement", "fled|flee|fleeing|displaced|displacement|" + "exodus"),
            new Trigger(
                    "Strategic developments",
                    "Agreement",
                    "agreement|agreed|deal|struck a deal|ceasefire|cease-fire|truce|" + "accord|signed|summit"));
    private static final Trigger CASUALTIES = TRIGGERS.get(7);
    private static final int DISPLACEMENT_INDEX = 8;
    private static final int AGREEMENT_INDEX = 9;

    /** Every trigger word in one alternation with a group per trigger, so the text is scanned once. */
    private static final Pattern ANY_TRIGGER = Pattern.compile("(?i)\\b(?:"
            + String.join("|", TRIGGERS.stream().map(t -> "(" + t.words() + ")").toList()) + ")\\b");
    /** A sentence that names the event of the one before: "The overnight attacks", "Saturday's attacks". */
    private static final Pattern ANAPHORA = Pattern.compile("(?i)\\b(?:the|these|those|its|their|"
            + "\\p{L}+day(?: night| morning| evening| afternoon)?['’]s)\\s+"
            + "(?:[\\p{L}-]+\\s+){0,2}?(?:attacks?|strikes?|air ?strikes?|raids?|shelling|bombardment|bombing|"
            + "explosion|blast|assault|offensive|clashes|fighting)\\b");
    /** Words that say something violent happened without saying what: they join the event told more precisely. */
    private static final Pattern GENERIC = p("hit|targeted|attacks?|attacked|killed|killing|died|dead");

    private static final long IMPLAUSIBLE = 1_000_000_000L;

    private EventDetector() {}

    private static Pattern p(String words) {
        return Pattern.compile("(?i)\\b(?:" + words + ")\\b");
    }

    /** One event as it is being read: a clause, and the sentences after it that go on about it. */
    private static final class Draft {
        final int sentence;
        int lastSentence;
        final int start;
        int end;
        Trigger trigger;
        String word;
        int triggerAt = -1;
        /** The clause also tells of displacement or an agreement: not a mere detail of a violent event. */
        boolean alsoStrategic;

        PlaceMention place;
        boolean ownPlace;
        String inheritedFrom;
        EventTime.Choice time;
        final List<Figure> figures = new ArrayList<>();
        long killed;
        long displaced;
        final Set<String> actors = new LinkedHashSet<>();
        final Set<String> flags = new LinkedHashSet<>();

        Draft(int sentence, int start, int end, Trigger trigger, String word) {
            this.sentence = sentence;
            this.lastSentence = sentence;
            this.start = start;
            this.end = end;
            this.trigger = trigger;
            this.word = word;
        }
    }

    static List<Candidate> find(
            String text,
            LocalDate published,
            String focusCountry,
            List<PlaceMention> places,
            List<DateMention> dates,
            List<Figure> figures,
            List<ActorMention> actors,
            PlaceMention focusArea) {
        LocalDate ref = DateExtractor.reference(text, published);
        DateExtractor.Dateline dl = DateExtractor.dateline(text, published);
        int datelineEnd = dl == null ? 0 : dl.end();
        Spans<PlaceMention> placeSpans = new Spans<>(places, PlaceMention::start, PlaceMention::end);
        Spans<DateMention> dateSpans = new Spans<>(dates, DateMention::start, DateMention::end);
        Spans<Figure> figureSpans = new Spans<>(figures, Figure::start, Figure::end);
        Spans<ActorMention> actorSpans = new Spans<>(actors, ActorMention::start, ActorMention::end);
        List<Sentences.Span> sentences = Sentences.of(text);
        List<PlaceMention> sentencePlaces = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        for (int si = 0; si < sentences.size(); si++) {
            Sentences.Span s = sentences.get(si);
            List<PlaceMention> here = placeSpans.within(s.start(), s.end());
            PlaceMention sentencePlace = mostSpecific(here, focusCountry, s.start());
            sentencePlaces.add(sentencePlace);
            // a sentence about a town abroad (talks in Geneva, a statement in Washington) locates nothing here
            boolean abroad = sentencePlace == null
                    && here.stream().anyMatch(p -> !focusCountry.equals(p.country()) && !"country".equals(p.kind()));
            if (abroad || s.end() - s.start() <= 20) continue;
            // analysis and background: "Afrin is controlled by ...", "for eight years", "often live"
            if (Background.stateSentence(
                    text,
                    s.start(),
                    s.end(),
                    dateSpans.within(s.start(), s.end()),
                    figureSpans.within(s.start(), s.end()),
                    datelineEnd)) continue;
            List<Sentences.Span> clauses = Sentences.clauses(text, s);
            for (Sentences.Span c : clauses) {
                if (Background.clause(
                        text.substring(c.start(), c.end()),
                        dateSpans.within(c.start(), c.end()),
                        figureSpans.within(c.start(), c.end()),
                        datelineEnd)) continue;
                Draft d = draft(text, si, c, figureSpans);
                if (d == null) continue;
                PlaceMention own = mostSpecific(placeSpans.within(c.start(), c.end()), focusCountry, d.start);
                d.place = own != null ? own : sentencePlace;
                d.ownPlace = d.place != null;
                d.time = EventTime.choose(
                        text, c.start(), wordAt(text, d), dateSpans.within(c.start(), c.end()), ref, datelineEnd);
                if (d.time.strength() == EventTime.Strength.NONE && clauses.size() > 1) {
                    // "On Tuesday, the convoy was still ..., while forces encircled ...": the sentence's day
                    d.time = EventTime.choose(
                            text, s.start(), wordAt(text, d), dateSpans.within(s.start(), s.end()), ref, datelineEnd);
                }
                count(text, d, figureSpans.within(c.start(), c.end()));
                actorSpans.within(c.start(), c.end()).forEach(a -> d.actors.add(a.actor()));
                drafts.add(d);
            }
        }
        // the nearest place named in or before each sentence, so inheriting costs nothing per draft
        List<PlaceMention> lastPlace = new ArrayList<>();
        for (PlaceMention p : sentencePlaces) {
            lastPlace.add(p != null ? p : lastPlace.isEmpty() ? null : lastPlace.get(lastPlace.size() - 1));
        }
        List<Draft> events = new ArrayList<>();
        for (Draft d : drafts) {
            if (!d.ownPlace) inherit(d, sentencePlaces, lastPlace, focusArea);
            if (d.place == null) continue;
            Draft prev = events.isEmpty() ? null : events.get(events.size() - 1);
            if (prev != null && joins(text, prev, d)) absorb(prev, d);
            else events.add(d);
        }
        return events.stream().map(d -> candidate(text, d)).toList();
    }

    /** The clause's event, if it reports one: its trigger of highest priority, or a count of the dead or hurt. */
    private static Draft draft(String text, int sentence, Sentences.Span c, Spans<Figure> figures) {
        String clause = text.substring(c.start(), c.end());
        Trigger trigger = null;
        int best = Integer.MAX_VALUE;
        int at = -1;
        int atEnd = -1;
        boolean strategic = false;
        Matcher any = ANY_TRIGGER.matcher(clause);
        while (any.find()) {
            int g = 1;
            while (any.start(g) < 0) g++;
            if (g - 1 == DISPLACEMENT_INDEX && Background.namesPeople(clause, any.start(g), any.end(g))) continue;
            if (g - 1 == DISPLACEMENT_INDEX || g - 1 == AGREEMENT_INDEX) strategic = true;
            // "a campaign to take control of", "in a bid to retake": an aim, not an event
            if (g - 1 >= best || (g - 1 != DISPLACEMENT_INDEX && aim(clause, any.start(g)))) continue;
            best = g - 1;
            trigger = TRIGGERS.get(best);
            at = any.start(g);
            atEnd = any.end(g);
        }
        if (trigger == null) {
            Figure f = figures.within(c.start(), c.end()).stream()
                    .filter(x -> x.category().equals("wounded") || x.category().equals("killed"))
                    .findFirst()
                    .orElse(null);
            if (f == null) return null;
            return new Draft(sentence, c.start(), c.end(), CASUALTIES, f.category());
        }
        Draft d = new Draft(sentence, c.start(), c.end(), trigger, clause.substring(at, atEnd));
        d.triggerAt = c.start() + at;
        d.alsoStrategic = violent(trigger) && strategic;
        return d;
    }

    private static boolean aim(String clause, int at) {
        return at >= 3 && clause.startsWith("to ", at - 3) && (at == 3 || !Character.isLetter(clause.charAt(at - 4)));
    }

    private static int wordAt(String text, Draft d) {
        return d.triggerAt >= 0 ? d.triggerAt : d.start;
    }

    /** Fatalities and displaced of one clause: its counts summed, leaving out parts ("including 8 children"). */
    private static void count(String text, Draft d, List<Figure> figures) {
        for (Figure f : figures) {
            d.figures.add(f);
            if (f.count() >= IMPLAUSIBLE) {
                d.flags.add("figure '" + f.text() + "' (" + f.count() + " people) is not counted: over a billion");
                continue;
            }
            if (FigureExtractor.isSubset(text, f)) continue;
            if (f.category().equals("killed")) d.killed += f.count();
            if (f.category().equals("displaced")) d.displaced += f.count();
        }
    }

    /** A clause without a place of its own takes the last place named before, the next one after, or the country. */
    private static void inherit(
            Draft d, List<PlaceMention> sentencePlaces, List<PlaceMention> lastPlace, PlaceMention focusArea) {
        if (d.sentence > 0 && lastPlace.get(d.sentence - 1) != null) {
            d.place = lastPlace.get(d.sentence - 1);
            d.inheritedFrom = "an earlier sentence";
        }
        for (int i = d.sentence + 1; i < sentencePlaces.size() && i <= d.sentence + 2 && d.place == null; i++) {
            if (sentencePlaces.get(i) != null) {
                d.place = sentencePlaces.get(i);
                d.inheritedFrom = "a later sentence";
            }
        }
        if (d.place == null && focusArea != null) {
            d.place = focusArea;
            d.inheritedFrom = "the focus country (the report names no place for it)";
        }
    }

    /** Whether a sentence goes on about the event of the sentence just before rather than reporting another. */
    private static boolean joins(String text, Draft prev, Draft d) {
        if (d.sentence != prev.lastSentence + 1) return false;
        boolean sameKind = d.trigger.eventType().equals(prev.trigger.eventType())
                || (violent(d.trigger) && violent(prev.trigger) && (generic(d) || generic(prev)));
        if (!sameKind) return false;
        boolean anaphoric = ANAPHORA.matcher(text.substring(d.start, d.end)).find();
        if (d.ownPlace
                && prev.ownPlace
                && !samePlace(prev.place, d.place)
                && !contains(prev.place, d.place)
                && !anaphoric) {
            return false;
        }
        if (d.time.strength() != EventTime.Strength.OWN) return true;
        return switch (prev.time.strength()) {
            case OWN -> prev.time.date().equals(d.time.date());
            // "Civilians were killed. On 24 December, an air strike ... killed 12": the day comes with the detail
            case NONE -> anaphoric || generic(d) || generic(prev);
            case REPORTED -> anaphoric;
        };
    }

    private static boolean violent(Trigger t) {
        return !t.eventType().equals("Strategic developments");
    }

    private static boolean generic(Draft d) {
        return (d.trigger == CASUALTIES || GENERIC.matcher(d.word).matches()) && !d.alsoStrategic;
    }

    private static boolean samePlace(PlaceMention a, PlaceMention b) {
        return a.name().equals(b.name()) && a.lat() == b.lat() && a.lon() == b.lon();
    }

    /** Whether a is an area (country, province, region) that b lies in. */
    private static boolean contains(PlaceMention a, PlaceMention b) {
        if (rank(a) >= rank(b) || !a.country().equals(b.country())) return false;
        double[] box = a.bbox();
        return box == null || (b.lon() >= box[0] && b.lat() >= box[1] && b.lon() <= box[2] && b.lat() <= box[3]);
    }

    private static void absorb(Draft prev, Draft d) {
        prev.lastSentence = d.sentence;
        prev.end = d.end;
        // "The strikes on Maarat al-Numan killed 10": the sentence going on about the event places it more closely
        if (d.ownPlace && (!prev.ownPlace || rank(d.place) >= rank(prev.place))) {
            prev.place = d.place;
            prev.ownPlace = true;
            prev.inheritedFrom = null;
        }
        if (prev.time.strength().compareTo(d.time.strength()) > 0) prev.time = d.time;
        if (generic(prev) && !generic(d)) {
            prev.trigger = d.trigger;
            prev.word = d.word;
        }
        prev.figures.addAll(d.figures);
        // a later sentence restates the toll ("killing 19 people" after "19 people were killed") or tells of
        // others ("35 Syrian troops had been killed in retaliatory fire"): the first toll stands
        if (prev.killed == 0) prev.killed = d.killed;
        if (prev.displaced == 0) prev.displaced = d.displaced;
        prev.actors.addAll(d.actors);
        prev.flags.addAll(d.flags);
    }

    private static Candidate candidate(String text, Draft d) {
        PlaceMention where = d.place;
        boolean inherited = !d.ownPlace;
        String geo = switch (where.kind()) {
            case "country", "province" -> "admin";
            case "region" -> "near";
            default -> inherited ? "near" : "exact";
        };
        if (inherited) d.flags.add("place taken from " + d.inheritedFrom);
        EventTime.Choice t = d.time;
        if (t.strength() == EventTime.Strength.REPORTED) {
            d.flags.add(
                    "date is the day it was reported ('" + t.words().text() + "'): the event has no day of its own");
        }
        double confidence = where.confidence()
                * (inherited ? 0.6 : 1)
                * switch (t.strength()) {
                    case NONE -> 0.8;
                    case REPORTED -> 0.9;
                    case OWN -> 1;
                };
        return new Candidate(
                d.trigger.eventType(),
                d.trigger.subEventType(),
                d.word,
                where.name(),
                where.lat(),
                where.lon(),
                where.geonamesId(),
                geo,
                t.date(),
                t.precision(),
                d.killed == 0 ? null : d.killed,
                d.displaced == 0 ? null : d.displaced,
                List.copyOf(d.figures),
                List.copyOf(d.actors),
                d.start,
                d.end,
                text.substring(d.start, d.end).strip(),
                Math.round(confidence * 100) / 100.0,
                t.words() == null ? null : t.words().text(),
                List.copyOf(d.flags));
    }

    /**
     * A town beats a region beats a province beats the country; of equals, the one nearest the trigger word.
     * Places outside the focus country do not locate events.
     */
    private static PlaceMention mostSpecific(List<PlaceMention> here, String focusCountry, int at) {
        PlaceMention best = null;
        for (PlaceMention p : here) {
            if (!focusCountry.equals(p.country())) continue;
            if (best == null
                    || rank(p) > rank(best)
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
