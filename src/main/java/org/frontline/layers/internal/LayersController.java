package org.frontline.layers.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.frontline.layers.FeatureCollectionWriter;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.GeoJsonFeatures;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.QueryParams;
import org.frontline.settings.FrontlineSettings;
import org.frontline.web.RequestBodies;
import org.frontline.web.TimeParam;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Layers and the time-slider query: features of a layer valid at a time inside a box. */
@RestController
@RequestMapping("/api/layers")
class LayersController {
    private final LayerService store;
    private final GeoJsonFeatures geojson;
    private final FeatureCollectionWriter writer;
    private final JsonMapper json;
    private final long maxBody;

    LayersController(
            LayerService store,
            GeoJsonFeatures geojson,
            FeatureCollectionWriter writer,
            JsonMapper json,
            FrontlineSettings settings) {
        this.store = store;
        this.geojson = geojson;
        this.writer = writer;
        this.json = json;
        this.maxBody = settings.upload().maxBytes();
    }

    record Extent(String from, String to) {}

    record LayerView(String id, String title, String kind, JsonNode style, Extent extent) {}

    @GetMapping
    List<LayerView> layers() {
        return store.layers().stream()
                .map(l -> new LayerView(
                        l.id(),
                        l.title(),
                        l.kind().code(),
                        json.readTree(l.style()),
                        new Extent(TimeParam.format(l.extentFrom()), TimeParam.format(l.extentTo()))))
                .toList();
    }

    @GetMapping("/{layer}/features")
    void features(
            @PathVariable String layer,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String asOf,
            HttpServletResponse response)
            throws IOException {
        Layer l = store.definition(layer).orElseThrow(() -> LayerService.unknownLayer(layer));
        FeatureQuery q = QueryParams.parse(l, at, from, to, bbox, asOf);
        response.setContentType(FeatureCollectionWriter.GEOJSON);
        response.setCharacterEncoding("UTF-8");
        writer.write(q, response.getOutputStream());
    }

    @PostMapping("/{layer}/features")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> add(
            @PathVariable String layer,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            Principal user)
            throws IOException {
        Layer l = store.require(layer);
        JsonNode body = RequestBodies.readJson(request, maxBody, json);
        List<NewFeature> features = geojson.parse(body, l.kind(), user.getName());
        List<String> ids = store.add(layer, features, user.getName(), reason);
        return Map.of("layer", layer, "count", ids.size(), "ids", ids);
    }
}
