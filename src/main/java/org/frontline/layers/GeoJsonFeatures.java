package org.frontline.layers;

import java.util.List;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.layers.internal.FeatureInput;
import org.frontline.settings.FrontlineSettings;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses posted or shipped GeoJSON into features to store, with the app's validation rules. */
@Component
public class GeoJsonFeatures {
    private final FeatureInput input;

    GeoJsonFeatures(JsonMapper json, FrontlineSettings settings) {
        Envelope focus = QueryParams.bbox(settings.focusRegion());
        this.input = new FeatureInput(new GeoJsonGeometryReader(focus), json);
    }

    /** A Feature or FeatureCollection for a layer of the given kind, all validated. */
    public List<NewFeature> parse(JsonNode root, LayerKind kind, String user) {
        return input.readAll(root, kind, user);
    }

    /** One Feature (index 0 in messages). */
    public NewFeature parseOne(JsonNode feature, LayerKind kind, String user) {
        return input.read(feature, 0, kind, user);
    }
}
