package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.reports.internal.ParseResult.Candidate;
import org.frontline.reports.internal.ParseResult.Figure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One candidate per reported event, with its own figures: killed and wounded apart, parts of a toll not added. */
class EventCandidatesTest {

    static ReportParser parser;
    static final LocalDate WED = LocalDate.of(2019, 7, 31);

    @BeforeAll
    static void load() {
        parser = new ReportParser(new Gazetteer(null), "SY", "TR,LB,IQ,JO,IL,PS,CY");
    }

    static List<Candidate> candidates(String text) {
        return parser.parse(text, WED).candidates();
    }

    @Test
    void killedAndWoundedAreKeptApart() {
        Candidate c = candidates("Nine civilians were killed and 20 others injured in air strikes on Saraqib.")
                .get(0);
        assertThat(c.fatalities()).isEqualTo(9L);
        assertThat(c.figures())
                .filteredOn(f -> f.category().equals("wounded"))
                .extracting(Figure::count)
                .containsExactly(20L);
        assertThat(candidates("Four Turkish soldiers were killed and nine were wounded in shelling in Idlib.")
                        .get(0)
                        .fatalities())
                .isEqualTo(4L);
        assertThat(candidates("Shelling killed 2 civilians and wounded another 13 in Saraqib.")
                        .get(0)
                        .fatalities())
                .isEqualTo(2L);
    }

    @Test
    void partsOfATollAreNotAddedAndRestatedTollsNotDoubled() {
        assertThat(candidates("At least 21 civilians, including eight children, were killed in air strikes on Idlib.")
                        .get(0)
                        .fatalities())
                .isEqualTo(21L);
        assertThat(candidates("Five children were among the dead when warplanes struck Idlib on Monday. The strikes "
                        + "on Maarat al-Numan killed 10 civilians in all."))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.fatalities()).isEqualTo(10L);
                    assertThat(c.placeName()).contains("Nu");
                    assertThat(c.date()).isEqualTo(LocalDate.of(2019, 7, 29));
                });
        assertThat(candidates("At least 19 people were killed Saturday in air strikes on Saraqib. Warplanes hit two "
                        + "buses in Saraqib, killing at least 19 people and injuring 30 others."))
                .singleElement()
                .satisfies(c -> assertThat(c.fatalities()).isEqualTo(19L));
    }

    @Test
    void rangesWordsAndQualifiers() {
        assertThat(FigureExtractor.find("Between 10 and 15 people were killed."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.count()).isEqualTo(10L);
                    assertThat(f.qualifier()).isEqualTo("range");
                });
        assertThat(FigureExtractor.find("10 to 15 civilians were killed."))
                .singleElement()
                .satisfies(f -> assertThat(f.count()).isEqualTo(10L));
        assertThat(FigureExtractor.find("Twenty-five people were killed and sixty wounded."))
                .extracting(Figure::count)
                .containsExactly(25L, 60L);
        assertThat(FigureExtractor.find("At least seventeen civilians died."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.count()).isEqualTo(17L);
                    assertThat(f.qualifier()).isEqualTo("at least");
                });
        assertThat(FigureExtractor.find("Shelling killed 3 people, firing 161 projectiles 43 times."))
                .extracting(Figure::count)
                .containsExactly(3L);
    }

    @Test
    void aFigureInTheBillionsIsFlaggedNotCounted() {
        Candidate c = candidates("Air strikes on Saraqib killed 3 billion people and 5 civilians.")
                .get(0);
        assertThat(c.fatalities()).isEqualTo(5L);
        assertThat(c.flags()).anyMatch(f -> f.contains("billion"));
        assertThat(candidates("Shelling on Saraqib killed 99999999999999999999 people.")
                        .get(0)
                        .fatalities())
                .isNull();
    }

    @Test
    void twoEventsInOneSentenceAreTwoCandidates() {
        List<Candidate> c = candidates("Air strikes killed 4 people in Saraqib on Monday, while shelling killed 2 "
                + "in Kafranbel on Tuesday.");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).fatalities()).isEqualTo(4L);
        assertThat(c.get(1).fatalities()).isEqualTo(2L);
        assertThat(c.get(1).placeName()).isEqualTo("Kafranbel");
        assertThat(c.get(1).date()).isEqualTo(LocalDate.of(2019, 7, 30));
    }

    @Test
    void oneEventOverSeveralSentencesIsOneCandidate() {
        List<Candidate> c = candidates("Six civilians were killed in regime air strikes in Idlib, rescuers said on "
                + "Wednesday. The overnight attacks targeted Kafranbel and Saraqib.");
        assertThat(c).singleElement().satisfies(e -> {
            assertThat(e.date()).isEqualTo(LocalDate.of(2019, 7, 30));
            assertThat(e.dateFrom()).isEqualTo("overnight");
            assertThat(e.fatalities()).isEqualTo(6L);
            assertThat(e.subEventType()).isEqualTo("Air/drone strike");
        });
        // another day or another kind of event is another candidate
        assertThat(candidates("Rebels withdrew from Khan Sheikhoun, the Observatory reported on Wednesday. Government "
                        + "forces had advanced into Khan Sheikhoun late on Tuesday."))
                .hasSize(2);
        assertThat(candidates("Air strikes hit Saraqib on Monday. Clashes broke out in Saraqib on Monday."))
                .hasSize(2);
    }

    @Test
    void everyReportedEventGetsACandidate() {
        // no place named: the focus country, flagged for the reviewer
        assertThat(candidates("More than 70 people have been killed since hostilities began on 5 October."))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.placeName()).isEqualTo("Syria");
                    assertThat(c.geoPrecision()).isEqualTo("admin");
                    assertThat(c.flags()).anyMatch(f -> f.contains("focus country"));
                });
        // the place comes in the next sentence
        assertThat(candidates("Government forces captured one of the largest towns in the northwest, activists said. "
                        + "The town of Maarat al-Numan sits on the highway."))
                .singleElement()
                .satisfies(c -> assertThat(c.subEventType()).isEqualTo("Territory captured"));
        assertThat(candidates("A car bomb exploded in a crowded street in Afrin."))
                .singleElement()
                .satisfies(c -> assertThat(c.subEventType()).isEqualTo("Remote explosive/landmine/IED"));
        assertThat(candidates("Rebels withdrew from Khan Sheikhoun on Tuesday."))
                .singleElement()
                .satisfies(c -> assertThat(c.eventType()).isEqualTo("Strategic developments"));
        // wire copy broken across lines is one sentence
        assertThat(candidates("SANAA, Sept 21 At least 6 civilians were killed\non Wednesday when an air strike hit a "
                        + "house\nin Idlib, residents said."))
                .singleElement()
                .satisfies(c -> assertThat(c.date()).isEqualTo(WED));
    }
}
