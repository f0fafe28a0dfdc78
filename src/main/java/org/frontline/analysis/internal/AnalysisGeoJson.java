package org.frontline.analysis.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.frontline.analysis.ResultFeature;
import org.frontline.geo.GeoJsonGeometryWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes analysis answers as RFC 7946 FeatureCollections; tables and summaries travel as foreign members
 * of the collection (allowed by RFC 7946 §6.1), so one answer carries both what to draw and the numbers.
 */
@Component
class AnalysisGeoJson {
    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");

    private final JsonMapper json;

    AnalysisGeoJson(JsonMapper json) {
        this.json = json;
    }

    ResponseEntity<byte[]> collection(List<ResultFeature> features, Map<String, Object> extras) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            for (Map.Entry<String, Object> e : extras.entrySet()) {
                g.writeName(e.getKey());
                g.writePOJO(e.getValue());
            }
            g.writeName("features");
            g.writeStartArray();
            for (ResultFeature f : features) {
                g.writeStartObject();
                g.writeStringProperty("type", "Feature");
                if (f.id() != null) {
                    g.writeStringProperty("id", f.id());
                }
                g.writeName("geometry");
                if (f.geometry() == null || f.geometry().isEmpty()) {
                    g.writeNull();
                } else {
                    GeoJsonGeometryWriter.write(g, f.geometry());
                }
                g.writeName("properties");
                g.writePOJO(f.properties());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return ResponseEntity.ok().contentType(GEOJSON).body(out.toByteArray());
    }
}
