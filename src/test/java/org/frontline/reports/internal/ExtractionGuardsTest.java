package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.reports.internal.ParseResult.PlaceMention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The things a reader would laugh at: people and groups taken for places, days taken for death tolls. */
class ExtractionGuardsTest {

    static ReportParser parser;

    @BeforeAll
    static void load() {
        parser = new ReportParser(new Gazetteer(null), "SY", "TR,LB,IQ,JO,IL,PS,CY");
    }

    static ParseResult parse(String text) {
        return parser.parse(text, LocalDate.of(2019, 12, 27));
    }

    @Test
    void peopleAndGroupsAreNotPlaces() {
        ParseResult r = parse("George Clooney and Paris Hilton spoke. Victoria Beckham did not. The area is held by "
                + "Hayat Tahrir al-Sham, said President Bashar al-Assad. Erdogan met Putin.");
        assertThat(r.places()).extracting(PlaceMention::mention).isEmpty();
        assertThat(r.actors()).extracting(ParseResult.ActorMention::actor).contains("HTS");
    }

    @Test
    void anUnknownCompoundNameIsNotMatchedByItsTail() {
        ParseResult r = parse("Shelling hit Kafr Sajna and Tall Qarqour overnight, then Kafranbel.");
        assertThat(r.places()).extracting(PlaceMention::mention).containsExactly("Kafranbel");
    }

    @Test
    void daysOfARangeAreNotCounts() {
        ParseResult r = parse("More than 235,000 people were displaced between December 12 and 25 in Idlib province.");
        assertThat(r.figures()).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(235_000);
            assertThat(f.category()).isEqualTo("displaced");
        });
    }

    @Test
    void aSentenceAboutAForeignCityIsNotALocalEvent() {
        ParseResult r = parse("Air strikes hit Saraqib on Monday. In Geneva, diplomats agreed to meet again.");
        assertThat(r.candidates())
                .singleElement()
                .satisfies(c -> assertThat(c.placeName()).isEqualTo("Saraqib"));
    }

    @Test
    void theTownNearestTheVerbLocatesTheEvent() {
        ParseResult r = parse(
                "Fighting went on in Jabal al-Akrad in Latakia's countryside, and shelling hit Kafranbel overnight.");
        assertThat(r.candidates()).singleElement().satisfies(c -> {
            assertThat(c.subEventType()).isEqualTo("Shelling/artillery/missile attack");
            assertThat(c.placeName()).isEqualTo("Kafranbel");
            assertThat(c.date()).isEqualTo(LocalDate.of(2019, 12, 26));
        });
    }

    @Test
    void tripoliNextToSyriaIsTheLebaneseOne() {
        ParseResult r = parse("Refugees reached Tripoli after crossing from Homs.");
        assertThat(r.places())
                .filteredOn(p -> p.mention().equals("Tripoli"))
                .singleElement()
                .satisfies(p -> assertThat(p.country()).isEqualTo("LB"));
        ParseResult libya = parse("Fighting in Libya reached the outskirts of Tripoli.");
        assertThat(libya.places())
                .filteredOn(p -> p.mention().equals("Tripoli"))
                .singleElement()
                .satisfies(p -> assertThat(p.country()).isEqualTo("LY"));
    }
}
