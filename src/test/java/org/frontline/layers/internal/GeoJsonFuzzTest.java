package org.frontline.layers.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.geo.InvalidGeometryException;
import org.frontline.layers.LayerKind;
import org.frontline.testsupport.FuzzGuard;
import org.frontline.web.BadInputException;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes what a posted Feature/FeatureCollection goes through (JSON parsing, FeatureInput, the geometry reader):
 * the only acceptable failures are the ones answered 400. Anything else would be a 500.
 */
class GeoJsonFuzzTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FeatureInput INPUT =
            new FeatureInput(new GeoJsonGeometryReader(new Envelope(25.0, 50.0, 28.0, 42.5)), JSON);

    @FuzzTest(maxDuration = "5s")
    void featureCollection(byte[] data) {
        FuzzGuard.timed(() -> {
            JsonNode root;
            try {
                root = JSON.readTree(new String(data, StandardCharsets.UTF_8));
            } catch (JacksonException e) {
                return; // answered 400 "malformed JSON" by RequestBodies
            }
            if (root == null) {
                return;
            }
            for (LayerKind kind : LayerKind.values()) {
                try {
                    INPUT.readAll(root, kind, "fuzz");
                } catch (BadInputException | InvalidGeometryException expected) {
                    // a 400 with a message
                }
            }
        });
    }
}
