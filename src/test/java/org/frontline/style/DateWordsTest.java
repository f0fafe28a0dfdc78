package org.frontline.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The same display forms as src/test/js/dates.test.mjs checks for dates.js. */
class DateWordsTest {
    @Test
    void rangesAreInclusiveAndInWords() {
        assertThat(DateWords.range(LocalDate.parse("2019-08-19"), LocalDate.parse("2019-08-22")))
                .isEqualTo("19–22 August 2019");
        assertThat(DateWords.range(LocalDate.parse("2019-07-30"), LocalDate.parse("2019-08-02")))
                .isEqualTo("30 July – 2 August 2019");
        assertThat(DateWords.range(LocalDate.parse("2019-12-28"), LocalDate.parse("2020-01-03")))
                .isEqualTo("28 December 2019 – 3 January 2020");
        assertThat(DateWords.range(LocalDate.parse("2019-08-23"), LocalDate.parse("2019-08-23")))
                .isEqualTo("23 August 2019");
    }

    @Test
    void anInstantReadsToTheMinute() {
        assertThat(DateWords.instant(Instant.parse("2026-11-27T19:26:55.281500Z")))
                .isEqualTo("27 November 2026, 19:26 UTC");
    }
}
