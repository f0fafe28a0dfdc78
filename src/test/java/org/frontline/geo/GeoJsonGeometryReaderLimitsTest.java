package org.frontline.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Limits every geometry entering the app passes: stored features and analysis bodies use this reader. */
class GeoJsonGeometryReaderLimitsTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final GeoJsonGeometryReader reader = new GeoJsonGeometryReader(null);

    @Test
    void aMultiPointAboveThePositionCapIsRefusedSayingTheLimit() {
        assertThat(reader.read(multiPoint(GeoJsonGeometryReader.MAX_POSITIONS)).getNumPoints())
                .isEqualTo(GeoJsonGeometryReader.MAX_POSITIONS);
        assertThatThrownBy(() -> reader.read(multiPoint(GeoJsonGeometryReader.MAX_POSITIONS + 1)))
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessageContaining((GeoJsonGeometryReader.MAX_POSITIONS + 1) + " positions")
                .hasMessageContaining("at most " + GeoJsonGeometryReader.MAX_POSITIONS);
    }

    @Test
    void aGeometryAcrossTheAntimeridianIsRefused() {
        JsonNode fiji = json.readTree("{\"type\":\"LineString\",\"coordinates\":[[179.5,-17],[-179.5,-17.2]]}");
        assertThatThrownBy(() -> reader.read(fiji))
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessageContaining("antimeridian");
        JsonNode west = json.readTree("{\"type\":\"LineString\",\"coordinates\":[[179.5,-17],[179.9,-17.2]]}");
        assertThat(reader.read(west).getLength()).isPositive();
    }

    @Test
    void nonFiniteAndOutOfRangePositionsAreRefused() {
        for (String pos : new String[] {"[1e309,10]", "[10,95]", "[200,10]", "[10,-90.5]"}) {
            JsonNode p = json.readTree("{\"type\":\"Point\",\"coordinates\":" + pos + "}");
            assertThatThrownBy(() -> reader.read(p)).as(pos).isInstanceOf(InvalidGeometryException.class);
        }
    }

    private JsonNode multiPoint(int n) {
        StringBuilder sb = new StringBuilder("{\"type\":\"MultiPoint\",\"coordinates\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append('[')
                    .append(36 + (i % 1000) * 1e-3)
                    .append(',')
                    .append(35 + (i / 1000) * 1e-3)
                    .append(']');
        }
        return json.readTree(sb.append("]}").toString());
    }
}
