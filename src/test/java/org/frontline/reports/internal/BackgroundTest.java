package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.frontline.gazetteer.Gazetteer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Analysis, background and statements share the words of event reports but tell no event: each kind gives no
 * candidate, while a report of an event written with the same words still gives one.
 */
class BackgroundTest {
    static final LocalDate DAY = LocalDate.of(2019, 8, 21);
    static final ReportParser parser = new ReportParser(new Gazetteer(null), "SY", "TR,LB,IQ,JO,IL,PS,CY");

    @ParameterizedTest
    @ValueSource(
            strings = {
                // a state as the main predicate
                "Saraqib is controlled by rebel factions, it was captured from government forces after a long siege.",
                "The province is home to three million people, many of them displaced from Hama and Homs.",
                // a course or tally over years
                "Rebels who have for seven years fought the government still hold the hills near Kabani.",
                "Thousands of families displaced in recent years by the fighting live in tents near Atmeh.",
                "In 2018 more than 300 civilians had been killed in Idlib province.",
                // a habit
                "Families in the camps near Sarmada often flee the floods to the nearby villages.",
                // people, not an event
                "Displaced people in Atmeh need blankets and fuel.",
            })
    void backgroundGivesNoCandidate(String text) {
        assertThat(parser.parse(text, DAY).candidates()).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Saraqib, which is controlled by rebel factions, was shelled on Tuesday.",
                "Government forces captured Kafr Zita on Tuesday, which rebels had held for seven years.",
                "Air strikes on Maarat al-Numan, which is usually crowded, left 6 people injured.",
                "Shelling displaced thousands of people from Khan Sheikhoun on Monday.",
            })
    void eventsInTheSameWordsStillGiveOne(String text) {
        assertThat(parser.parse(text, DAY).candidates()).as(text).isNotEmpty();
    }
}
