package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.reports.internal.ParseResult.Candidate;
import org.frontline.reports.internal.ParseResult.DateMention;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seasons as date ranges anchored to the report's dateline (northern meteorological seasons: spring Mar–May, summer
 * Jun–Aug, autumn Sep–Nov, winter Dec–Feb): text and dateline in, the range [from, until) and its precision out.
 */
class SeasonsTest {

    @ParameterizedTest(name = "{0} | {1} -> {2}..{3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # text                                                   | published  | from       | until      | precision | words
            Shelling displaced thousands last winter.                | 2020-02-10 | 2018-12-01 | 2019-03-01 | season | last winter
            Shelling displaced thousands last winter.                | 2020-06-15 | 2019-12-01 | 2020-03-01 | season | last winter
            BEIRUT, Feb 28 (Reuters) - Raids hit Ariha last winter.  | 2020-03-02 | 2018-12-01 | 2019-03-01 | season | last winter
            Raids hit Ariha last winter.                             | 2020-03-02 | 2019-12-01 | 2020-03-01 | season | last winter
            The town was bombed in the spring.                       | 2020-02-10 | 2019-03-01 | 2019-06-01 | season | the spring
            The town was bombed in the spring.                       | 2020-06-15 | 2020-03-01 | 2020-06-01 | season | the spring
            Air strikes intensified this summer.                     | 2019-08-20 | 2019-06-01 | 2019-09-01 | season | this summer
            Air strikes intensified this summer.                     | 2019-10-02 | 2019-06-01 | 2019-09-01 | season | this summer
            The offensive is expected to resume this summer.         | 2020-02-10 | 2020-06-01 | 2020-09-01 | season | this summer
            The army took the town in autumn 2019.                   | 2020-06-15 | 2019-09-01 | 2019-12-01 | season | autumn 2019
            The army took the town in the fall of 2019.              | 2021-01-05 | 2019-09-01 | 2019-12-01 | season | the fall of 2019
            Fighting resumed in early spring.                        | 2020-06-15 | 2020-03-01 | 2020-04-01 | month  | early spring
            Fighting resumed in late summer 2018.                    | 2020-06-15 | 2018-08-01 | 2018-09-01 | month  | late summer 2018
            Fighting resumed in mid-winter.                          | 2020-06-15 | 2020-01-01 | 2020-02-01 | month  | mid-winter
            Thousands fled during winter 2019/20.                    | 2020-06-15 | 2019-12-01 | 2020-03-01 | season | winter 2019/20
            Thousands fled during the winter of 2020.                | 2020-06-15 | 2019-12-01 | 2020-03-01 | season | the winter of 2020
            Thousands fled during the winter.                        | 2020-01-20 | 2019-12-01 | 2020-03-01 | season | the winter
            Last summer, jets struck the market.                     | 2019-08-20 | 2018-06-01 | 2018-09-01 | season | Last summer
            Talks are planned for next spring.                       | 2019-08-20 | 2020-03-01 | 2020-06-01 | season | next spring
            """)
    void seasonsAreRangesAnchoredToTheDateline(
            String text, LocalDate published, LocalDate from, LocalDate until, String precision, String words) {
        List<DateMention> seasons = DateExtractor.find(text, published).stream()
                .filter(d -> d.text().equals(words))
                .toList();
        assertThat(seasons).as("a date for '%s' in: %s", words, text).hasSize(1);
        DateMention d = seasons.get(0);
        assertThat(d.date()).as("from").isEqualTo(from);
        assertThat(d.until()).as("until (exclusive)").isEqualTo(until);
        assertThat(d.precision()).isEqualTo(precision);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Turkey launched Operation Peace Spring in October.
            The government's Operation Spring Shield began.
            Protests of the Arab Spring reached Deraa.
            Food prices could fall further.
            After the fall of Aleppo, rebels regrouped.
            Winter clothes were handed out in the camps.
            Summer Palace gardens reopened.
            """)
    void seasonWordsThatAreNotDatesGiveNone(String text) {
        assertThat(DateExtractor.find(text, LocalDate.of(2020, 3, 5)))
                .noneMatch(d -> d.precision().equals("season")
                        || d.text().toLowerCase().matches(".*(spring|summer|winter|autumn|fall).*"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # text                                                                  | published  | from       | precision
            Government air strikes killed 12 civilians in Maarat al-Numan last winter. | 2020-06-15 | 2019-12-01 | season
            Government air strikes killed 12 civilians in Maarat al-Numan last winter. | 2020-02-10 | 2018-12-01 | season
            Government forces captured Khan Sheikhoun in late summer 2019.              | 2020-06-15 | 2019-08-01 | month
            """)
    void aCandidateTakesTheSeasonNeverADay(String text, LocalDate published, LocalDate from, String precision) {
        ReportParser parser = new ReportParser(new Gazetteer(null), "SY", "TR,LB,IQ,JO,IL,PS,CY");
        List<Candidate> candidates = parser.parse(text, published).candidates();
        assertThat(candidates).isNotEmpty();
        assertThat(candidates.get(0).date()).isEqualTo(from);
        assertThat(candidates.get(0).timePrecision()).isEqualTo(precision);
        assertThat(candidates.get(0).dateFrom()).containsIgnoringCase(precision.equals("season") ? "winter" : "summer");
    }
}
