package org.frontline.export.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.frontline.layers.FeatureCollectionWriter;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.layers.QueryParams;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A layer as a GeoJSON download: the same FeatureCollection as the API, streamed. */
@RestController
class ExportController {
    private final LayerService layers;
    private final FeatureCollectionWriter writer;

    ExportController(LayerService layers, FeatureCollectionWriter writer) {
        this.layers = layers;
        this.writer = writer;
    }

    @GetMapping("/api/export/{layer}.geojson")
    void export(
            @PathVariable String layer,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String asOf,
            HttpServletResponse response)
            throws IOException {
        Layer l = layers.require(layer);
        FeatureQuery q = QueryParams.parse(l, at, from, to, bbox, asOf);
        String when = at != null ? at : (from == null ? "start" : from) + "_" + (to == null ? "now" : to);
        String file = ("frontline-" + layer + "-" + when).replaceAll("[^A-Za-z0-9._-]", "-") + ".geojson";
        response.setContentType(FeatureCollectionWriter.GEOJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
        writer.write(q, response.getOutputStream());
    }
}
