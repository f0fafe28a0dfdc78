package org.frontline.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.frontline.analysis.internal.AreaChange.PartyChange;
import org.frontline.geo.GeodesicMeasure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analysis answers for hand-computable geometry, one case per entry of {@code analysis/geometry-cases.json}:
 * WKT in, the expected area, length or gain/loss out. To add a regression case, add an
 * entry to that file; no Java needed.
 */
class GeometryCasesTest {
    private static final String CASES = "/analysis/geometry-cases.json";

    static List<Arguments> cases() throws IOException {
        try (InputStream in = GeometryCasesTest.class.getResourceAsStream(CASES)) {
            JsonNode all = JsonMapper.builder().build().readTree(in);
            return StreamSupport.stream(all.spliterator(), false)
                    .map(c -> Arguments.of(c.get("name").asString(), c))
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void analysisGivesTheExpectedAnswer(String name, JsonNode c) throws ParseException {
        JsonNode expect = c.get("expect");
        switch (c.get("op").asString()) {
            case "buffer" ->
                assertClose(
                        GeodesicMeasure.areaKm2(GeodesicBuffer.buffer(
                                wkt(c.get("wkt")), c.get("km").asDouble())),
                        expect.get("areaKm2").asDouble(),
                        expect);
            case "band" ->
                assertClose(
                        GeodesicMeasure.areaKm2(GeodesicBuffer.band(
                                wkt(c.get("wkt")),
                                c.get("innerKm").asDouble(),
                                c.get("km").asDouble(),
                                GeodesicBuffer.Side.parse(c.get("side").asString()))),
                        expect.get("areaKm2").asDouble(),
                        expect);
            case "frontline" ->
                assertClose(
                        GeodesicMeasure.lengthKm(FrontLineDeriver.derive(
                                wkt(c.get("a")),
                                wkt(c.get("b")),
                                c.get("toleranceKm").asDouble())),
                        expect.get("lengthKm").asDouble(),
                        expect);
            case "change" -> {
                Map<String, PartyChange> byParty = new LinkedHashMap<>();
                for (PartyChange p : AreaChange.between(areas(c.get("before")), areas(c.get("after")), 0)) {
                    byParty.put(p.party(), p);
                }
                expect.get("gainedKm2")
                        .properties()
                        .forEach(e -> assertClose(
                                byParty.get(e.getKey()).gainedKm2(),
                                e.getValue().asDouble(),
                                expect));
                expect.get("lostKm2")
                        .properties()
                        .forEach(e -> assertClose(
                                byParty.get(e.getKey()).lostKm2(), e.getValue().asDouble(), expect));
            }
            default -> throw new AssertionError("unknown op '" + c.get("op").asString() + "' in " + CASES);
        }
    }

    /** Within {@code tolerancePercent} of the expected value, or within {@code withinKm} (absolute). */
    private static void assertClose(double actual, double expected, JsonNode expect) {
        double percent =
                expect.has("tolerancePercent") ? expect.get("tolerancePercent").asDouble() : 0;
        double absolute = expect.has("withinKm") ? expect.get("withinKm").asDouble() : 0;
        double allowed = Math.max(1e-6, Math.max(absolute, Math.abs(expected) * percent / 100));
        assertThat(actual).isCloseTo(expected, within(allowed));
    }

    private static Map<String, Geometry> areas(JsonNode byParty) {
        Map<String, Geometry> out = new LinkedHashMap<>();
        byParty.properties().forEach(e -> out.put(e.getKey(), wktUnchecked(e.getValue())));
        return out;
    }

    private static Geometry wkt(JsonNode text) throws ParseException {
        return new WKTReader().read(text.asString());
    }

    private static Geometry wktUnchecked(JsonNode text) {
        try {
            return wkt(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad WKT in " + CASES + ": " + text, e);
        }
    }
}
