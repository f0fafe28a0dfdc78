package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.frontline.gazetteer.Gazetteer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A report near the 1 MB limit parses in seconds, and a day of the month is not a death toll. */
public class LongReportTest {

    public static final String SENTENCE = "On 3 August 2019, government forces shelled Khan Shaykhun and Saraqib near "
            + "Idlib, killing 5 civilians. ";
    /** The same on the next day: a separate event (a sentence repeated word for word restates its event). */
    static final String NEXT_DAY = SENTENCE.replace("On 3 August", "On 4 August");

    static ReportParser parser;

    /** n sentences, each an event of its own: the days alternate. */
    public static String report(int n) {
        return (SENTENCE + NEXT_DAY).repeat(n / 2) + (n % 2 == 1 ? SENTENCE : "");
    }

    @BeforeAll
    static void load() {
        parser = new ReportParser(new Gazetteer(null), "SY", "TR,LB,IQ,JO,IL,PS,CY");
    }

    @Test
    void aReportOf930KilobytesParsesInSecondsAndTimeGrowsLinearly() {
        String tenth = report(900);
        for (int i = 0; i < 3; i++) parser.parse(tenth, LocalDate.of(2019, 8, 4)); // warm-up
        long small = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            parser.parse(tenth, LocalDate.of(2019, 8, 4));
            small = Math.min(small, System.nanoTime() - t);
        }
        String text = report(9000);
        assertThat(text.length()).isBetween(900_000, ReportInput.MAX_BYTES);
        long t0 = System.nanoTime();
        ParseResult r = parser.parse(text, LocalDate.of(2019, 8, 4));
        long big = System.nanoTime() - t0;
        long ms = big / 1_000_000;
        System.out.println("LongReportTest: 9000 sentences (" + text.length() + " chars) parsed in " + ms + " ms; "
                + "900 in " + small / 1_000_000 + " ms; ratio " + (double) big / small);
        assertThat(ms).isLessThan(15_000);
        // ten times the text: about ten times the time when linear, a hundred when quadratic
        assertThat((double) big / small).isLessThan(35);
        assertThat(r.candidates()).hasSize(9000);
        assertThat(r.candidates()).allSatisfy(c -> {
            assertThat(c.date()).isBetween(LocalDate.of(2019, 8, 3), LocalDate.of(2019, 8, 4));
            assertThat(c.fatalities()).isEqualTo(5L);
        });
    }

    @Test
    void theDayOfADateIsNotCountedAsKilled() {
        ParseResult r = parser.parse(SENTENCE, LocalDate.of(2019, 8, 4));
        assertThat(r.figures()).extracting(ParseResult.Figure::count).containsExactly(5L);
        assertThat(r.candidates())
                .singleElement()
                .extracting(ParseResult.Candidate::fatalities)
                .isEqualTo(5L);
        ParseResult two = parser.parse(report(2), LocalDate.of(2019, 8, 4));
        assertThat(two.candidates())
                .extracting(ParseResult.Candidate::fatalities)
                .containsExactly(5L, 5L);
        ParseResult restated = parser.parse(SENTENCE.repeat(2), LocalDate.of(2019, 8, 4));
        assertThat(restated.candidates())
                .as("the same event told twice")
                .singleElement()
                .extracting(ParseResult.Candidate::fatalities)
                .isEqualTo(5L);
    }

    @Test
    void aDayBeforeOrAfterItsMonthIsNotACount() {
        assertThat(FigureExtractor.find("By August 3 the fighting had killed dozens."))
                .extracting(ParseResult.Figure::count)
                .containsExactly(24L);
        assertThat(FigureExtractor.find("On 3 August, strikes killing 5 civilians hit Saraqib."))
                .extracting(ParseResult.Figure::count)
                .containsExactly(5L);
        assertThat(FigureExtractor.find("On the 3rd of August 7 people were killed."))
                .extracting(ParseResult.Figure::count)
                .containsExactly(7L);
    }
}
