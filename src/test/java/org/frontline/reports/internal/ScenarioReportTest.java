package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.reports.internal.ParseResult.PlaceMention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared scenario report (not copied into the project) must yield what issue 4 lists. */
class ScenarioReportTest {

    static final Path REPORT = Path.of("../shared/scenario/report-idlib-moscow-summit.txt");
    static ParseResult result;

    @BeforeAll
    static void parse() throws Exception {
        if (!Files.exists(REPORT)) {
            System.err.println("!!!!! SKIPPING ScenarioReportTest: " + REPORT.toAbsolutePath() + " is absent !!!!!");
        }
        assumeTrue(Files.exists(REPORT), "scenario report absent: " + REPORT.toAbsolutePath());
        String text = Files.readString(REPORT, StandardCharsets.UTF_8);
        result = new ReportParser(new Gazetteer(null), "SY", "TR,LB,IQ,JO,IL,PS,CY")
                .parse(text, LocalDate.of(2019, 8, 27));
        result.places().forEach(p -> System.out.println("place " + p));
        result.dates().forEach(p -> System.out.println("date " + p));
        result.figures().forEach(p -> System.out.println("figure " + p));
        result.actors().forEach(p -> System.out.println("actor " + p));
        result.candidates().forEach(p -> System.out.println("candidate " + p));
    }

    private static List<PlaceMention> named(String name) {
        return result.places().stream().filter(p -> p.name().equals(name)).toList();
    }

    @Test
    void idlibResolvesToTheProvince() {
        assertThat(named("Idlib")).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("province");
            // the governorate's area, which holds the town of Idlib
            assertThat(p.bbox()).isNotNull();
            assertThat(p.bbox()[0]).isLessThan(36.63);
            assertThat(p.bbox()[2]).isGreaterThan(36.63);
            assertThat(p.bbox()[1]).isLessThan(35.93);
            assertThat(p.bbox()[3]).isGreaterThan(35.93);
        });
    }

    @Test
    void moscowIsInRussiaAndAnkaraInTurkey() {
        assertThat(named("Moscow")).isNotEmpty().allSatisfy(p -> {
            assertThat(p.country()).isEqualTo("RU");
            assertThat(p.lat()).isBetween(55.0, 56.5);
            assertThat(p.lon()).isBetween(37.0, 38.5);
        });
        assertThat(named("Ankara"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.country()).isEqualTo("TR"));
    }

    @Test
    void countriesAreNamed() {
        for (String c : List.of("Syria", "Turkey", "Iran", "Russia")) {
            assertThat(named(c))
                    .as(c)
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.kind()).isEqualTo("country"));
        }
    }

    @Test
    void relativeDatesResolveAgainstTheDateline() {
        assertThat(result.dates()).anySatisfy(d -> {
            assertThat(d.text()).contains("Monday");
            assertThat(d.date()).isEqualTo(LocalDate.of(2019, 8, 26));
            assertThat(d.precision()).isEqualTo("day");
        });
        assertThat(result.dates()).anySatisfy(d -> {
            assertThat(d.text()).contains("16 September");
            assertThat(d.date()).isEqualTo(LocalDate.of(2019, 9, 16));
        });
        assertThat(result.dates()).anySatisfy(d -> {
            assertThat(d.text()).isEqualTo("last year");
            assertThat(d.date().getYear()).isEqualTo(2018);
            assertThat(d.precision()).isEqualTo("year");
        });
        assertThat(result.dates()).anySatisfy(d -> {
            assertThat(d.text()).contains("late April");
            assertThat(d.date()).isBetween(LocalDate.of(2019, 4, 15), LocalDate.of(2019, 4, 30));
            assertThat(d.precision()).isEqualTo("month");
        });
    }

    @Test
    void figuresWithTheirWords() {
        assertThat(result.figures()).anySatisfy(f -> {
            assertThat(f.count()).isEqualTo(920);
            assertThat(f.category()).isEqualTo("killed");
            assertThat(f.group()).isEqualTo("civilians");
        });
        assertThat(result.figures()).anySatisfy(f -> {
            assertThat(f.count()).isEqualTo(400_000);
            assertThat(f.category()).isEqualTo("displaced");
        });
        assertThat(result.figures()).anySatisfy(f -> {
            assertThat(f.count()).isEqualTo(3_000_000);
            assertThat(f.category()).isEqualTo("at_risk");
        });
    }

    @Test
    void surroundedObservationPostIsACandidateEvent() {
        assertThat(result.candidates()).anySatisfy(c -> {
            assertThat(c.excerpt()).contains("observation posts").contains("surrounded");
            assertThat(c.subEventType()).isEqualTo("Encirclement");
            assertThat(c.placeName()).isEqualTo("Idlib");
            assertThat(c.date()).isEqualTo(LocalDate.of(2019, 8, 26));
            assertThat(c.timePrecision()).isEqualTo("week");
        });
    }
}
