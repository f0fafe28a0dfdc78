package org.frontline.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transliterations of one place meet in the shipped gazetteer; different places stay apart. */
class GazetteerMatchingTest {

    static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = new Gazetteer(null);
    }

    private static List<Long> syrianIds(String spelling) {
        return gazetteer.candidates(NameFolding.phoneticKey(spelling)).stream()
                .filter(p -> p.country().equals("SY") && p.isSettlement())
                .map(Place::geonameId)
                .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Maarat al-Numan | Maaret al-Nouman | Ma'arrat an-Nu'man",
                "Khan Shaykhun | Khan Sheikhoun | Khān Shaykhūn",
                "Saraqib | Saraqeb | سراقب",
                "Jisr al-Shughour | Jisr ash-Shughur | جسر الشغور",
                "Idlib | Idleb | إدلب",
                "Ras al-Ain | Ra's al-'Ayn | Ras el Ain"
            })
    void spellingsOfOnePlaceMeet(String a, String b, String c) {
        List<Long> ids = syrianIds(a);
        assertThat(ids).as(a).isNotEmpty();
        assertThat(syrianIds(b)).as(b).containsAnyElementsOf(ids);
        assertThat(syrianIds(c)).as(c).containsAnyElementsOf(ids);
    }

    @Test
    void foldingDropsArticlesMarksAndCase() {
        assertThat(NameFolding.exactKey("Ma‘arrat an-Nu‘mān")).isEqualTo("maarrat numan");
        assertThat(NameFolding.exactKey("AL-BAB")).isEqualTo("bab");
        assertThat(NameFolding.exactKey("أريحا")).isEqualTo(NameFolding.exactKey("اريحا"));
        assertThat(NameFolding.exactKey("حماة")).isEqualTo(NameFolding.exactKey("حماه"));
    }

    @Test
    void differentPlacesKeepDifferentKeys() {
        assertThat(NameFolding.phoneticKey("Hama")).isNotEqualTo(NameFolding.phoneticKey("Homs"));
        assertThat(NameFolding.phoneticKey("Saraqib")).isNotEqualTo(NameFolding.phoneticKey("Sarmin"));
        assertThat(NameFolding.phoneticKey("Ariha")).isNotEqualTo(NameFolding.phoneticKey("Afrin"));
    }

    @Test
    void worldCapitalsCountriesAndProvincesAreLoaded() {
        assertThat(gazetteer.candidates(NameFolding.phoneticKey("Moscow")))
                .anySatisfy(p -> assertThat(p.country()).isEqualTo("RU"));
        assertThat(gazetteer.candidates(NameFolding.phoneticKey("Tehran")))
                .anySatisfy(p -> assertThat(p.featureCode()).isEqualTo("PPLC"));
        assertThat(gazetteer.candidates(NameFolding.phoneticKey("Sochi")))
                .anySatisfy(p -> assertThat(p.country()).isEqualTo("RU"));
        assertThat(gazetteer.candidates(NameFolding.phoneticKey("Iran")))
                .anySatisfy(p -> assertThat(p.isCountry()).isTrue());
        assertThat(gazetteer.byFeature("SY", "ADM1"))
                .hasSize(14)
                .allSatisfy(p -> assertThat(p.bbox()).isNotNull());
        assertThat(gazetteer.size()).isGreaterThan(8000);
    }

    @Test
    void settlementsInABoxLargestFirst() {
        // a box around southern Idlib: Maarat al-Numan and Khan Shaykhun are in it, Aleppo is not
        List<Place> in = gazetteer.settlementsIn(36.5, 35.3, 36.9, 35.7, 0);
        assertThat(in).extracting(Place::name).contains("Khan Shaykhun").doesNotContain("Aleppo");
        assertThat(in).anySatisfy(p -> assertThat(p.geonameId()).isEqualTo(167611L));
        assertThat(in)
                .isSortedAccordingTo(
                        java.util.Comparator.comparingLong(Place::population).reversed());
    }

    @Test
    void aFullCountryDumpCanBeImported(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Gazetteer g = new Gazetteer(dir);
        String line =
                "9999001\tTall Testiyah\tTall Testiyah\tTell Testiyeh,تل تستية\t35.5\t36.5\tP\tPPL\tSY\t\t12\t\t\t\t800\t\t300\tAsia/Damascus\t2020-01-01\n";
        int n = g.importDump("SY.txt", (line + "broken line\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(n).isEqualTo(1);
        assertThat(g.candidates(NameFolding.phoneticKey("Tell Testiyeh")))
                .extracting(Place::geonameId)
                .contains(9999001L);
        // it survives a restart: the dump was kept in the directory
        assertThat(new Gazetteer(dir).byId(9999001L)).isPresent();
    }
}
