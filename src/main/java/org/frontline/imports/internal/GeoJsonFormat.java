package org.frontline.imports.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.frontline.layers.GeoJsonFeatures;
import org.frontline.layers.Layer;
import org.frontline.layers.NewFeature;
import org.frontline.web.BadInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoJSON FeatureCollection too large for one request body, read feature by feature (the same validation
 * as {@code POST /api/layers/{layer}/features}); the "line" of a refusal is the feature's number.
 */
final class GeoJsonFormat implements ImportFormat {
    private final JsonMapper json;
    private final GeoJsonFeatures geojson;

    GeoJsonFormat(JsonMapper json, GeoJsonFeatures geojson) {
        this.json = json;
        this.geojson = geojson;
    }

    @Override
    public void check(Path file, Layer layer, Map<String, String> options) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = json.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportException("the file is not a GeoJSON FeatureCollection (it does not start with '{')");
            }
        } catch (JacksonException e) {
            throw new ImportException("the file is not JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public void read(Path file, Layer layer, Map<String, String> options, ImportJob job, Rows rows) throws IOException {
        try (InputStream in = new CountingInputStream(
                        new BufferedInputStream(Files.newInputStream(file), 1 << 16), job.bytesRead);
                JsonParser p = json.createParser(in)) {
            p.nextToken();
            boolean sawFeatures = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("features") && t == JsonToken.START_ARRAY) {
                    sawFeatures = true;
                    long n = 0;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        job.checkCancelled();
                        n++;
                        JsonNode feature = p.readValueAsTree();
                        NewFeature parsed;
                        try {
                            parsed = geojson.parseOne(feature, layer.kind(), job.user);
                        } catch (BadInputException e) {
                            rows.refused(n, e.getMessage().replaceFirst("^feature #1 ?", "feature"));
                            continue;
                        }
                        rows.feature(n, parsed);
                    }
                } else if (name.equals("type") && !"FeatureCollection".equals(p.getString())) {
                    throw new ImportException("the file's type is '" + p.getString() + "', not FeatureCollection");
                } else {
                    p.skipChildren();
                }
            }
            if (!sawFeatures) {
                throw new ImportException("the file has no \"features\" array");
            }
        } catch (JacksonException e) {
            throw new ImportException(
                    "the JSON is malformed near line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        }
    }
}
