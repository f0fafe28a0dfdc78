package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.reports.internal.ParseResult.Candidate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events on real public reporting (src/test/resources/realtext/events.jsonl, sources in SOURCES.md there): the
 * first candidate's date is the event's date, every passage that reports an event gets a candidate, the first
 * candidate's fatalities are the reported toll, and no candidate is dated after the report's own date.
 */
class RealTextEventsTest {

    record Passage(
            String id,
            LocalDate published,
            String text,
            String focus,
            boolean event,
            String date,
            String precision,
            Long killed,
            Long wounded,
            boolean heldOut,
            int batch) {}

    static final Path SET = Path.of("src/test/resources/realtext/events.jsonl");
    static final Map<String, String> FOCUS =
            Map.of("Syria", "SY", "Libya", "LY", "Ukraine", "UA", "Yemen", "YE", "Iraq", "IQ", "Afghanistan", "AF");
    static List<Passage> set;
    static Gazetteer gazetteer;
    static final Map<String, ReportParser> parsers = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        set = read(SET);
        gazetteer = new Gazetteer(null);
    }

    static List<Passage> read(Path file) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Passage> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            out.add(new Passage(
                    n.get("id").asString(),
                    LocalDate.parse(n.get("published").asString()),
                    n.get("text").asString(),
                    FOCUS.get(n.has("region") ? n.get("region").asString() : "Syria"),
                    n.get("event").asBoolean(),
                    text(n, "date"),
                    text(n, "precision"),
                    number(n, "killed"),
                    number(n, "wounded"),
                    n.has("heldout") && n.get("heldout").asBoolean(),
                    n.has("batch") ? n.get("batch").asInt() : 1));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.has(field) && !n.get(field).isNull() ? n.get(field).asString() : null;
    }

    private static Long number(JsonNode n, String field) {
        return n.has(field) && !n.get(field).isNull() ? n.get(field).asLong() : null;
    }

    static ReportParser parser(String focus) {
        return parsers.computeIfAbsent(
                focus, f -> new ReportParser(gazetteer, f, f.equals("SY") ? "TR,LB,IQ,JO,IL,PS,CY" : ""));
    }

    /** A day is right when equal; a month when the candidate lies in it and claims no day; a weekend: Sat or Sun. */
    static boolean dateRight(Passage p, Candidate c) {
        return switch (p.precision()) {
            case "month" ->
                YearMonth.from(c.date()).equals(YearMonth.parse(p.date()))
                        && !c.timePrecision().equals("day");
            case "weekend" ->
                !c.date().isBefore(LocalDate.parse(p.date()))
                        && !c.date().isAfter(LocalDate.parse(p.date()).plusDays(1));
            default -> c.date().equals(LocalDate.parse(p.date()));
        };
    }

    record Scores(
            int events,
            int withCandidate,
            int datesRight,
            int fatalitiesRight,
            int woundedRight,
            int afterDateline,
            int candidatesOnNonEvents) {
        double recall() {
            return (double) withCandidate / events;
        }

        double dates() {
            return (double) datesRight / events;
        }

        double fatalities() {
            return (double) fatalitiesRight / events;
        }
    }

    static Scores score(List<Passage> passages, boolean verbose) {
        int events = 0, withCandidate = 0, datesRight = 0, fatalitiesRight = 0, woundedRight = 0, after = 0, extra = 0;
        for (Passage p : passages) {
            ParseResult r = parser(p.focus()).parse(p.text(), p.published());
            for (Candidate c : r.candidates()) {
                if (c.date().isAfter(p.published())) {
                    after++;
                    if (verbose) System.out.printf("  AFTER DATELINE %s: %s %s%n", p.id(), c.date(), c.excerpt());
                }
            }
            if (!p.event()) {
                extra += r.candidates().size();
                if (verbose)
                    r.candidates()
                            .forEach(c -> System.out.printf(
                                    "  CANDIDATE ON A NON-EVENT %s: %s '%s'%n", p.id(), c.eventType(), c.trigger()));
                continue;
            }
            events++;
            if (r.candidates().isEmpty()) {
                if (verbose) System.out.printf("  NO CANDIDATE %s%n", p.id());
                continue;
            }
            withCandidate++;
            Candidate first = r.candidates().get(0);
            if (dateRight(p, first)) datesRight++;
            else if (verbose)
                System.out.printf(
                        "  DATE %s: expected %s/%s got %s/%s%n",
                        p.id(), p.date(), p.precision(), first.date(), first.timePrecision());
            if (Objects.equals(p.killed(), first.fatalities())) fatalitiesRight++;
            else if (verbose)
                System.out.printf("  KILLED %s: expected %s got %s%n", p.id(), p.killed(), first.fatalities());
            Long wounded = first.figures().stream()
                    .filter(f -> f.category().equals("wounded"))
                    .map(ParseResult.Figure::count)
                    .findFirst()
                    .orElse(null);
            if (Objects.equals(p.wounded(), wounded)) woundedRight++;
            else if (verbose) System.out.printf("  WOUNDED %s: expected %s got %s%n", p.id(), p.wounded(), wounded);
        }
        return new Scores(events, withCandidate, datesRight, fatalitiesRight, woundedRight, after, extra);
    }

    @Test
    void eventsFromRealReportingMeetTheTargets() {
        Scores s = score(set, true);
        System.out.printf(
                "REAL-TEXT EVENTS: %d passages, %d report an event; with a candidate %.3f (%d), first "
                        + "candidate's date right %.3f (%d), fatalities exact %.3f (%d), wounded exact %d, candidates after "
                        + "the dateline %d, candidates on passages reporting no event %d%n",
                set.size(),
                s.events(),
                s.recall(),
                s.withCandidate(),
                s.dates(),
                s.datesRight(),
                s.fatalities(),
                s.fatalitiesRight(),
                s.woundedRight(),
                s.afterDateline(),
                s.candidatesOnNonEvents());
        // passages gathered after the rules were written, never tuned on: how the rules do on new text
        Scores h = score(set.stream().filter(Passage::heldOut).toList(), false);
        System.out.printf(
                "  of which held out (%d event passages): with a candidate %.3f, date right %.3f, fatalities "
                        + "exact %.3f, after the dateline %d%n",
                h.events(), h.recall(), h.dates(), h.fatalities(), h.afterDateline());
        // the second held-out batch: mostly analysis and statements (no event), some with seasons
        Scores b = score(set.stream().filter(p -> p.batch() == 2).toList(), false);
        System.out.printf(
                "  held-out batch 2 (%d passages, %d report an event): with a candidate %d, date right %d, fatalities "
                        + "exact %d, candidates on passages reporting no event %d%n",
                set.stream().filter(p -> p.batch() == 2).count(),
                b.events(),
                b.withCandidate(),
                b.datesRight(),
                b.fatalitiesRight(),
                b.candidatesOnNonEvents());
        assertThat(set).hasSizeGreaterThanOrEqualTo(60);
        assertThat(s.recall()).as("share of event passages with a candidate").isGreaterThanOrEqualTo(0.97);
        assertThat(s.dates()).as("first candidate's date right").isGreaterThanOrEqualTo(0.9);
        assertThat(s.fatalities()).as("fatalities exact").isGreaterThanOrEqualTo(0.9);
        assertThat(s.afterDateline()).as("candidates dated after the report").isZero();
    }
}
