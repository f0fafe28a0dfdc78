package org.frontline.analysis.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.geo.InvalidGeometryException;
import org.frontline.layers.QueryParams;
import org.frontline.settings.FrontlineSettings;
import org.frontline.web.BadInputException;
import org.frontline.web.RequestBodies;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a posted GeoJSON geometry (or a Feature carrying one) with the store's validation rules. */
@Component
class GeometryBody {
    private final JsonMapper json;
    private final GeoJsonGeometryReader reader;
    private final long maxBytes;

    GeometryBody(JsonMapper json, FrontlineSettings settings) {
        this.json = json;
        this.reader = new GeoJsonGeometryReader(QueryParams.bbox(settings.focusRegion()));
        this.maxBytes = settings.upload().maxBytes();
    }

    Geometry read(HttpServletRequest request) throws IOException {
        JsonNode body = RequestBodies.readJson(request, maxBytes, json);
        JsonNode g = "Feature".equals(body.path("type").asString()) ? body.get("geometry") : body;
        try {
            return reader.read(g);
        } catch (InvalidGeometryException e) {
            throw new BadInputException("geometry (request body): " + e.getMessage());
        }
    }
}
