package org.frontline.gazetteer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frontline.gazetteer.Place;
import org.junit.jupiter.api.Test;

/** Gazetteer rows whose position is not on the globe are skipped as malformed, never loaded. */
class GeonamesRowPositionTest {

    @Test
    void nanInfinityAndOutOfRangePositionsAreSkipped() throws Exception {
        String rows = String.join(
                "\n",
                row(163843, "Maarrat an Nu'man", "35.64802", "36.67245"),
                row(900001, "Nowhere NaN", "NaN", "NaN"),
                row(900002, "Nowhere Inf", "Infinity", "36.6"),
                row(900003, "Nowhere north", "95", "36.6"),
                row(900004, "Nowhere east", "35.6", "200"),
                row(900005, "Nowhere negative infinity", "35.6", "-Infinity"));
        List<String> loaded = new ArrayList<>();
        int skipped = GeonamesFile.read(
                new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)),
                Map.of(),
                r -> loaded.add(r.place().name()));
        assertThat(loaded).containsExactly("Maarrat an Nu'man");
        assertThat(skipped).isEqualTo(5);
    }

    @Test
    void aPlaceCannotBeMadeOffTheGlobe() {
        assertThatThrownBy(() -> new Place(1, "x", Double.NaN, 0, "P", "PPL", "SY", "", 0, null))
                .hasMessageContaining("lat NaN");
        assertThatThrownBy(() -> new Place(1, "x", 0, 0, "A", "ADM1", "SY", "", 0, new double[] {0, 0, Double.NaN, 1}))
                .hasMessageContaining("bbox");
    }

    private static String row(long id, String name, String lat, String lon) {
        return String.join(
                "\t",
                String.valueOf(id),
                name,
                name,
                "",
                lat,
                lon,
                "P",
                "PPL",
                "SY",
                "",
                "07",
                "",
                "",
                "",
                "1000",
                "",
                "300",
                "Asia/Damascus",
                "2024-01-01");
    }
}
