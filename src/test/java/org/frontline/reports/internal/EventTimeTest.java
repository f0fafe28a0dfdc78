package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.List;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.reports.internal.ParseResult.Candidate;
import org.frontline.reports.internal.ParseResult.DateMention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When an event happened, as agencies write it: datelines, the reporting day against the event's day, relative
 * words anchored to the report, background months, and odd input that must give a plain answer.
 */
class EventTimeTest {

    static ReportParser parser;
    /** A Wednesday. */
    static final LocalDate WED = LocalDate.of(2019, 7, 31);

    @BeforeAll
    static void load() {
        parser = new ReportParser(new Gazetteer(null), "SY", "TR,LB,IQ,JO,IL,PS,CY");
    }

    static Candidate first(String text, LocalDate published) {
        ParseResult r = parser.parse(text, published);
        assertThat(r.candidates()).as("candidates of: %s", text).isNotEmpty();
        return r.candidates().get(0);
    }

    @Test
    void agencyDatelinesAnchorTheReport() {
        // published two days later (a feed's date); the dateline's day is the report's own
        Candidate c = first(
                "BEIRUT, July 27 (Reuters) - Air strikes killed 12 people in Saraqib on Saturday, "
                        + "the Observatory said.",
                LocalDate.of(2019, 7, 29));
        assertThat(c.date()).isEqualTo(LocalDate.of(2019, 7, 27));
        Candidate yesterday = first("IDLIB, 27 July: Shelling hit Kafranbel yesterday.", LocalDate.of(2019, 7, 29));
        assertThat(yesterday.date()).isEqualTo(LocalDate.of(2019, 7, 26));
        // a month and day without a year never lands after the publication date
        Candidate newYear =
                first("BEIRUT, Dec 30 (AP) - Government forces captured Maarat al-Numan.", LocalDate.of(2020, 1, 2));
        assertThat(newYear.date()).isEqualTo(LocalDate.of(2019, 12, 30));
        assertThat(DateExtractor.dateline(
                                "DAMASCUS, Aug. 31 -- At least 50 rebels were killed", LocalDate.of(2016, 9, 1))
                        .date())
                .isEqualTo(LocalDate.of(2016, 8, 31));
        assertThat(DateExtractor.dateline("22.07.2020, Afrin.\n\nA car blew up.", LocalDate.of(2020, 7, 22))
                        .date())
                .isEqualTo(LocalDate.of(2020, 7, 22));
        assertThat(DateExtractor.dateline("On Thursday, August 22, the army entered Khan Sheikhoun.", WED))
                .isNull();
    }

    @Test
    void theReportingDayIsNotTheEventsDay() {
        Candidate c = first(
                "Rebels shelled Suqaylabiyah on Tuesday, killing four people, state media said on " + "Wednesday.",
                WED);
        assertThat(c.date()).isEqualTo(LocalDate.of(2019, 7, 30));
        assertThat(c.dateFrom()).isEqualTo("Tuesday");
        // with no day of its own, the event takes the reporting day, and says so
        Candidate only = first("Two civilians were killed in Idlib, according to local sources on Wednesday.", WED);
        assertThat(only.date()).isEqualTo(WED);
        assertThat(only.flags()).anyMatch(f -> f.contains("reported"));
        // "Monday's airstrike" is the event's day even after "said"
        Candidate possessive =
                first("The Observatory said Monday's airstrike on the market in Maaret al-Numan killed 10.", WED);
        assertThat(possessive.date()).isEqualTo(LocalDate.of(2019, 7, 29));
    }

    @Test
    void relativeWordsCountFromTheReport() {
        assertThat(first("Air strikes overnight hit Saraqib late Sunday, killing three.", LocalDate.of(2019, 7, 29))
                        .date())
                .as("overnight ... late Sunday")
                .isEqualTo(LocalDate.of(2019, 7, 28));
        assertThat(first("Shelling has hit Saraqib since early morning.", WED).date())
                .isEqualTo(WED);
        assertThat(first("Warplanes struck Saraqib this morning.", WED).date()).isEqualTo(WED);
        assertThat(first("Warplanes struck Saraqib earlier on Thursday.", WED).date())
                .isEqualTo(LocalDate.of(2019, 7, 25));
        assertThat(first("Clashes erupted in Kafranbel two days ago.", WED).date())
                .isEqualTo(LocalDate.of(2019, 7, 29));
        assertThat(first("Rockets hit Saraqib last night.", WED).date()).isEqualTo(LocalDate.of(2019, 7, 30));
        assertThat(first("Three people were killed in Saraqib yesterday.", WED).date())
                .isEqualTo(LocalDate.of(2019, 7, 30));
        // a weekday is the latest such day on or before the report: the same day, or the week before
        assertThat(first("Air strikes hit Saraqib on Wednesday.", WED).date()).isEqualTo(WED);
        assertThat(first("Air strikes hit Saraqib on Thursday.", WED).date()).isEqualTo(LocalDate.of(2019, 7, 25));
        // the sentence's own day beats a secondary "last night"
        assertThat(first("On Friday, shelling hit Kafranbel, and strikes continued last night.", WED)
                        .date())
                .isEqualTo(LocalDate.of(2019, 7, 26));
    }

    @Test
    void monthsAndYearsAreBackgroundNeverADay() {
        Candidate c = first(
                "Shelling on Kafranbel, under bombardment since the end of April, killed two people " + "on Thursday.",
                WED);
        assertThat(c.date()).isEqualTo(LocalDate.of(2019, 7, 25));
        List<Candidate> two = parser.parse(
                        "Since late April, the offensive has displaced 400,000 people; on Thursday "
                                + "shelling hit Kafranbel.",
                        WED)
                .candidates();
        assertThat(two).extracting(Candidate::timePrecision).containsExactly("month", "day");
        assertThat(two.get(1).date()).isEqualTo(LocalDate.of(2019, 7, 25));
        Candidate april = first("Air strikes on Idlib in April killed 90 civilians.", WED);
        assertThat(april.date()).isEqualTo(LocalDate.of(2019, 4, 1));
        assertThat(april.timePrecision()).isEqualTo("month");
        Candidate history =
                first("Government forces captured Khan Sheikhoun, in rebel hands since 2014, yesterday.", WED);
        assertThat(history.date()).isEqualTo(LocalDate.of(2019, 7, 30));
        assertThat(DateExtractor.find(
                        "Turkey and Russia agreed last September to a buffer zone.", LocalDate.of(2019, 10, 9)))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.date()).isEqualTo(LocalDate.of(2018, 9, 1));
                    assertThat(d.precision()).isEqualTo("month");
                });
        // a plan is not the event's day
        Candidate plan =
                first("The two sides agreed to hold joint patrols in Idlib from 15 March.", LocalDate.of(2020, 3, 5));
        assertThat(plan.date()).isEqualTo(LocalDate.of(2020, 3, 5));
    }

    @Test
    void oddDatesGiveAPlainAnswer() {
        assertThatCode(() -> parser.parse("BEIRUT, February 31 (Reuters) - Shelling hit Saraqib.", WED))
                .doesNotThrowAnyException();
        assertThat(DateExtractor.dateline("BEIRUT, February 31 (Reuters) - Shelling hit Saraqib.", WED))
                .isNull();
        assertThat(DateExtractor.find("Shelling hit Saraqib on 31 February.", WED))
                .isEmpty();
        // a day far from the report is history or a typo: never the event's date
        Candidate far = first("Shelling hit Saraqib on July 27, 2091.", WED);
        assertThat(far.date()).isEqualTo(WED);
        Candidate old = first("Shelling hit Saraqib on 3 August 1850.", WED);
        assertThat(old.date()).isEqualTo(WED);
        // a report that is only a dateline: no event
        assertThat(parser.parse("BEIRUT, July 27 (Reuters) -", WED).candidates())
                .isEmpty();
        // leap days look back to the last leap year
        assertThat(DateExtractor.find("Strikes hit Saraqib on 29 February.", WED))
                .extracting(DateMention::date)
                .containsExactly(LocalDate.of(2016, 2, 29));
        for (LocalDate odd : new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)}) {
            assertThatCode(() -> parser.parse("IDLIB, 27 July: Shelling hit Saraqib 999 days ago and on Monday.", odd))
                    .doesNotThrowAnyException();
        }
    }
}
