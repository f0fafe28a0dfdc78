package org.frontline.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.frontline.style.LayerStyle.Look;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared table: every row that style.js reproduces (src/test/js/style.test.mjs), the Java side does too. */
class LayerStyleTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode table() throws IOException {
        try (InputStream in = LayerStyleTest.class.getResourceAsStream("/style/cases.json")) {
            return JSON.readTree(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> everySharedCase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : table().get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asString(), () -> check(c)));
        }
        return tests.stream();
    }

    private static void check(JsonNode c) {
        JsonNode layer = c.get("layer");
        LayerStyle style =
                new LayerStyle(layer.get("id").asString(), layer.get("kind").asString(), layer.get("style"));
        Map<String, Object> props = new LinkedHashMap<>();
        c.get("props")
                .properties()
                .forEach(e -> props.put(
                        e.getKey(),
                        e.getValue().isNumber()
                                ? e.getValue().numberValue()
                                : e.getValue().asString()));
        Look look = style.look(props);
        Map<String, Object> got = new LinkedHashMap<>();
        got.put("color", look.color());
        got.put("fillColor", look.fillColor());
        got.put("fillOpacity", look.fillOpacity());
        got.put("opacity", look.opacity());
        got.put("weight", look.weight());
        got.put("dashArray", look.dashArray());
        got.put("radius", look.radius());
        got.put("symbol", look.symbol());
        c.get("expect").properties().forEach(e -> {
            Object value = got.get(e.getKey());
            if (e.getValue().isNumber()) {
                assertThat(((Number) value).doubleValue())
                        .as(e.getKey())
                        .isCloseTo(e.getValue().doubleValue(), within(1e-9));
            } else if (e.getValue().isNull()) {
                assertThat(value).as(e.getKey()).isNull();
            } else {
                assertThat(value).as(e.getKey()).isEqualTo(e.getValue().asString());
            }
        });
        List<String> warnings = style.warnings();
        assertThat(warnings).hasSameSizeAs(c.get("warnings").valueStream().toList());
        for (int i = 0; i < warnings.size(); i++) {
            assertThat(warnings.get(i)).contains(c.get("warnings").get(i).asString());
        }
    }

    @Test
    void holdsTheSharedPalette() throws IOException {
        JsonNode p = table().get("palette");
        assertThat(LayerStyle.FALLBACK).isEqualTo(p.get("fallback").asString());
        assertThat(LayerStyle.PALETTE)
                .isEqualTo(
                        p.get("palette").valueStream().map(JsonNode::asString).toList());
        assertThat(LayerStyle.KNOWN).isEqualTo(JSON.convertValue(p.get("known"), Map.class));
        assertThat(LayerStyle.KNOWN_SYMBOLS).isEqualTo(JSON.convertValue(p.get("knownSymbols"), Map.class));
        assertThat(LayerStyle.OVERLAY).isEqualTo(JSON.convertValue(p.get("overlay"), Map.class));
    }

    @Test
    void partiesAndStatusesStayApartUnderColourBlindness() {
        for (String prop : List.of("party", "status")) {
            List<String> colours = List.copyOf(LayerStyle.KNOWN.get(prop).values());
            for (double[][] vision : List.of(ColourVision.NORMAL, ColourVision.DEUTERANOPIA, ColourVision.PROTANOPIA)) {
                for (int i = 0; i < colours.size(); i++) {
                    for (int j = i + 1; j < colours.size(); j++) {
                        assertThat(ColourVision.distance(colours.get(i), colours.get(j), vision))
                                .as(prop + " " + colours.get(i) + " vs " + colours.get(j))
                                .isGreaterThan(20);
                    }
                }
            }
        }
    }

    @Test
    void theOldRedAndGreenWereNotApartForADeuteranope() {
        // the control colours before: a check that the simulation sees the problem it is there to catch
        assertThat(ColourVision.distance("#c0392b", "#2e7d32", ColourVision.NORMAL))
                .isGreaterThan(50);
        assertThat(ColourVision.distance("#c0392b", "#2e7d32", ColourVision.DEUTERANOPIA))
                .isLessThan(20);
    }
}
