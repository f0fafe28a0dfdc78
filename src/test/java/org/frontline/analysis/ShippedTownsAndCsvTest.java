package org.frontline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ShippedTownsAndCsvTest {

    @Test
    void shippedTownsAreAboutFortyDistinctPlacesInIdlibAndNorthernHama() {
        List<NamedPlace> towns = ShippedPlaceDirectory.readTowns();
        Envelope region = new Envelope(35.9, 37.3, 35.0, 36.4);
        assertThat(towns).hasSizeBetween(35, 60);
        assertThat(towns).allSatisfy(t -> assertThat(region.contains(t.lon(), t.lat())).as(t.name()).isTrue());
        assertThat(towns.stream().map(NamedPlace::name).distinct().count()).isEqualTo(towns.size());
        assertThat(towns).extracting(NamedPlace::name).contains("Khan Shaykhun", "Maarat al-Numan", "Saraqib", "Morek");
    }

    @Test
    void csvQuotesWhatWouldBreakARowAndDefusesFormulas() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", "Hama, north");
        row.put("note", "=HYPERLINK(\"x\")");
        row.put("events", -3);
        String csv = new String(Csv.of("t.csv", List.of("key", "note", "events"), List.of(row)).getBody(),
                StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("key,note,events\r\n\"Hama, north\",\"'=HYPERLINK(\"\"x\"\")\",-3\r\n");
        assertThat(Csv.wanted("CSV")).isTrue();
        assertThat(Csv.wanted(null)).isFalse();
        assertThatThrownBy(() -> Csv.wanted("xml")).hasMessageContaining("format");
    }
}
