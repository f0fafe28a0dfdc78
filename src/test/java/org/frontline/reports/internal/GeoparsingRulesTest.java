package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.reports.internal.ParseResult.PlaceMention;
import org.frontline.reports.internal.ParseResult.Unresolved;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule classes of issue 9 and issue 16 items 4–5, one sentence each (sentences written for the test; the
 * real-text measure is RealTextPlacesTest).
 */
class GeoparsingRulesTest {

    static ReportParser parser;

    @BeforeAll
    static void load() {
        parser = new ReportParser(new Gazetteer(null), "SY", "TR,LB,IQ,JO,IL,PS,CY");
    }

    static ParseResult parse(String text) {
        return parser.parse(text, LocalDate.of(2020, 2, 1));
    }

    static PlaceMention place(ParseResult r, String mention) {
        return r.places().stream()
                .filter(p -> p.mention().equals(mention))
                .findFirst()
                .orElse(null);
    }

    @Test
    void contextPutsANamesakeInTheGovernorateTheTextNames() {
        // Sinjar is a town of Iraq and a village of Idlib: "in Idlib" decides
        PlaceMention p = place(parse("Displaced families from Sinjar in rural Idlib slept in the open."), "Sinjar");
        assertThat(p.country()).isEqualTo("SY");
        assertThat(p.reason()).isEqualTo("context");
        assertThat(p.runnerUp()).contains("IQ");
    }

    @Test
    void aVariantFarOutsideTheReportsRegionIsRefusedAndReturnedUnresolved() {
        ParseResult r = parse("Regime forces shelled Balyon, Sfuhen and Kansafra in Jabal al-Zawiya on Monday.");
        assertThat(r.places()).noneMatch(p -> !p.country().equals("SY"));
        assertThat(r.unresolved()).extracting(Unresolved::text).contains("Balyon", "Sfuhen", "Kansafra");
        assertThat(r.unresolved()).allSatisfy(u -> assertThat(u.area()).isEqualTo("Jabal al-Zawiya"));
    }

    @Test
    void mediaArmedGroupsAndPeopleAreNotPlaces() {
        ParseResult r = parse("Orient News correspondent Jamil al-Hasen says the Turkestan Islamic Party and "
                + "Hay’at Tahrir al-Sham shelled Khan Sheikhoun, Al Jazeera reported. Activist Taher al-Omar said "
                + "Enab Baladi and the Syrian Expatriate Medical Association confirmed it.");
        assertThat(r.places()).extracting(PlaceMention::mention).containsExactly("Khan Sheikhoun");
        assertThat(r.unresolved()).isEmpty();
    }

    @Test
    void shortAcronymsAreNeverLooseSpellings() {
        ParseResult r = parse("The SAA and SOHR said HTS and the NLF fought near Saraqeb.");
        assertThat(r.places()).extracting(PlaceMention::mention).containsExactly("Saraqeb");
    }

    @Test
    void aCompoundIsResolvedWholeOrNotAtAll() {
        ParseResult r = parse(
                "A drone was shot down over Hirsh Bayanin, and Enab Baladi's reporter in Atmeh camp " + "saw it.");
        assertThat(r.places())
                .noneMatch(p -> p.mention().equals("Bayanin") || p.mention().equals("Baladi"));
    }

    @Test
    void aHospitalInATownResolvesToTheTownWithTheFacilityNamed() {
        PlaceMention p =
                place(parse("Warplanes struck the Dar al-Hekma Hospital in Kafranbel city on Tuesday."), "Kafranbel");
        assertThat(p.geonamesId()).isEqualTo(168661L);
        assertThat(p.facility()).isEqualTo("Dar al-Hekma Hospital");
    }

    @Test
    void curatedFacilitiesResolveUnderTheirCommonSpellings() {
        for (String s :
                new String[] {"Abu al-Duhur airbase", "Abu Zuhur air base", "Taftanaz airbase", "Bab al-Hawa crossing"
                }) {
            ParseResult r = parse("Troops reached the " + s + " on Saturday.");
            assertThat(r.places()).as(s).anySatisfy(p -> assertThat(p.kind()).isEqualTo("facility"));
        }
    }

    @Test
    void countryAbbreviationsAreCountriesButNotModifiers() {
        ParseResult r = parse("The U.S. and the UK condemned the attack; US aircraft were not involved.");
        assertThat(r.places()).extracting(PlaceMention::name).containsExactly("United States", "United Kingdom");
    }

    @Test
    void anExactNameAbroadNeedsSupport() {
        // a surname that is also a town in Turkey, in a report about Idlib
        ParseResult r = parse("Rami Abdel Rahman told AFP that shelling on Ariha in Idlib province killed two. "
                + "Local official Ahmed Arguvan said more had fled.");
        assertThat(r.places()).noneMatch(p -> p.country().equals("TR"));
        // with the country named, a town there is fine
        ParseResult named = parse("Wounded were taken across the border to Turkey, to the city of Kilis.");
        assertThat(place(named, "Kilis")).isNotNull();
    }

    @Test
    void villagesTheGazetteerLacksComeBackWithTheirArea() {
        ParseResult r =
                parse("Artillery hit the village of Kaddura, north of Kafranbel, and Afis, northwest of " + "Saraqeb.");
        assertThat(r.unresolved()).anySatisfy(u -> {
            assertThat(u.text()).isEqualTo("Kaddura");
            assertThat(u.area()).isEqualTo("Kafranbel");
            assertThat(u.lat()).isNotNull();
        });
        assertThat(r.unresolved()).anySatisfy(u -> {
            assertThat(u.text()).isEqualTo("Afis");
            assertThat(u.area()).isEqualTo("Saraqib");
        });
    }
}
