package org.frontline.briefings;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frontline.geo.GeoJsonGeometryWriter;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.TopologyException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Ground gained since the previous frame": for every area feature visible in both frames (e.g. a party's
 * control area), the part it covers now that it did not cover then. Planar JTS difference in lon/lat is
 * enough for drawing; measured areas belong to the analysis feature.
 */
@Component
class ChangeOverlay {
    private final LayerService layers;
    private final JsonMapper json;

    ChangeOverlay(LayerService layers, JsonMapper json) {
        this.layers = layers;
        this.json = json;
    }

    JsonNode change(Frame previous, Frame current, java.time.Instant asOf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeName("features");
            g.writeStartArray();
            for (String id : current.layers()) {
                Layer layer = layers.layer(id).orElse(null);
                if (layer == null || layer.kind() != LayerKind.AREA) {
                    continue;
                }
                Map<String, Geometry> before = new HashMap<>();
                layers.list(BriefingData.query(layer, previous).asOf(asOf))
                        .forEach(f -> before.merge(f.featureId(), f.geometry(), Geometry::union));
                List<StoredFeature> now = layers.list(BriefingData.query(layer, current).asOf(asOf));
                for (StoredFeature f : now) {
                    Geometry was = before.get(f.featureId());
                    if (was == null) {
                        continue;
                    }
                    Geometry gained = difference(f.geometry(), was);
                    if (gained == null || gained.isEmpty() || gained.getArea() < 1e-6) {
                        continue;
                    }
                    g.writeStartObject();
                    g.writeStringProperty("type", "Feature");
                    g.writeName("geometry");
                    GeoJsonGeometryWriter.write(g, gained);
                    g.writeName("properties");
                    g.writeStartObject();
                    g.writeStringProperty("change", "gained");
                    g.writeStringProperty("layer", id);
                    g.writeStringProperty("featureId", f.featureId());
                    for (Map.Entry<String, Object> p : f.properties().entrySet()) {
                        if (p.getValue() instanceof String s && !java.util.Set.of("change", "layer", "featureId").contains(p.getKey())) {
                            g.writeStringProperty(p.getKey(), s);
                        }
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return json.readTree(out.toByteArray());
    }

    private static Geometry difference(Geometry a, Geometry b) {
        try {
            return a.difference(b);
        } catch (TopologyException e) {
            try {
                return a.buffer(0).difference(b.buffer(0));
            } catch (TopologyException again) {
                return null; // an overlay is an aid; a frame still plays without it
            }
        }
    }
}
