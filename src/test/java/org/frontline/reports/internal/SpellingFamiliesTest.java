package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.reports.internal.ParseResult.PlaceMention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The spelling families of issue 9 as a data table (src/test/resources/realtext/spelling-families.tsv). */
class SpellingFamiliesTest {

    static ReportParser parser;

    @BeforeAll
    static void load() {
        parser = new ReportParser(new Gazetteer(null), "SY", "TR,LB,IQ,JO,IL,PS,CY");
    }

    static Stream<Arguments> table() throws IOException {
        List<String> lines = Files.readAllLines(
                Path.of("src/test/resources/realtext/spelling-families.tsv"), StandardCharsets.UTF_8);
        return lines.stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(f -> Arguments.of(f[0], f[1], Long.parseLong(f[2])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("table")
    void everySpellingOfAFamilyResolvesToItsPlace(String family, String spelling, long geonameId) {
        boolean arabic = spelling.chars().anyMatch(c -> c >= 0x600 && c <= 0x6ff);
        // Arabic rows name the governorate too: أريحا is also Jericho, and the region decides
        String text = arabic
                ? "قصفت قوات النظام " + spelling + " في ريف إدلب يوم الاثنين."
                : "Government forces shelled " + spelling + " on Monday, local sources said.";
        List<PlaceMention> places = parser.parse(text, LocalDate.of(2020, 1, 1)).places();
        assertThat(places)
                .as(text)
                .filteredOn(p -> p.mention().equals(spelling))
                .singleElement()
                .satisfies(p -> assertThat(p.geonamesId()).isEqualTo(geonameId));
        assertThat(places).as(text).allSatisfy(p -> assertThat(p.country()).isEqualTo("SY"));
    }
}
