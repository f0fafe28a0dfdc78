package org.frontline.briefings.internal;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.frontline.analysis.ChangeAnalysis;
import org.frontline.analysis.ResultFeature;
import org.frontline.geo.GeoJsonGeometryWriter;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Ground gained since the previous frame": the analysis feature's change between the two frames' dates
 * on every area layer the frame shows, read at the briefing's pinned record time. Only the gained pieces
 * are drawn (what one side lost, another gained).
 */
@Component
class ChangeOverlay {
    private final LayerService layers;
    private final ChangeAnalysis changes;
    private final JsonMapper json;

    ChangeOverlay(LayerService layers, ChangeAnalysis changes, JsonMapper json) {
        this.layers = layers;
        this.changes = changes;
        this.json = json;
    }

    JsonNode change(Frame previous, Frame current, Instant asOf) {
        Instant from = previous.day().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = current.day().atStartOfDay(ZoneOffset.UTC).toInstant();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeName("features");
            g.writeStartArray();
            for (String id : current.layers()) {
                Layer layer = layers.layer(id).orElse(null);
                if (layer == null || layer.kind() != LayerKind.AREA || !from.isBefore(to)) {
                    continue;
                }
                for (ResultFeature piece :
                        changes.between(layer, from, to, 0.01, asOf).features()) {
                    if (!"gained".equals(piece.properties().get("change"))
                            || piece.geometry().isEmpty()) {
                        continue;
                    }
                    g.writeStartObject();
                    g.writeStringProperty("type", "Feature");
                    g.writeName("geometry");
                    GeoJsonGeometryWriter.write(g, piece.geometry());
                    g.writeName("properties");
                    g.writeStartObject();
                    g.writeStringProperty("layer", id);
                    for (Map.Entry<String, Object> p : piece.properties().entrySet()) {
                        g.writeName(p.getKey());
                        json.writeValue(g, p.getValue());
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
}
