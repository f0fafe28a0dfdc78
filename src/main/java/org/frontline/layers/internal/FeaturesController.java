package org.frontline.layers.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.frontline.geo.GeoJsonGeometryWriter;
import org.frontline.layers.GeoJsonFeatures;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.layers.StoredFeature;
import org.frontline.settings.FrontlineSettings;
import org.frontline.web.BadInputException;
import org.frontline.web.RequestBodies;
import org.frontline.web.TimeParam;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One feature over time: its history, corrections (new versions) and retraction. */
@RestController
@RequestMapping("/api/features/{id}")
class FeaturesController {
    private final LayerService store;
    private final GeoJsonFeatures geojson;
    private final JsonMapper json;
    private final long maxBody;

    FeaturesController(LayerService store, GeoJsonFeatures geojson, JsonMapper json, FrontlineSettings settings) {
        this.store = store;
        this.geojson = geojson;
        this.json = json;
        this.maxBody = settings.upload().maxBytes();
    }

    record VersionView(
            long versionId,
            String validFrom,
            String validTo,
            String recordedAt,
            String recordedBy,
            String changeReason,
            String supersededAt,
            String supersededBy,
            String supersededReason,
            boolean current,
            JsonNode geometry,
            Map<String, Object> properties,
            Provenance provenance) {}

    record History(String id, String layer, List<VersionView> versions) {}

    @GetMapping("/history")
    History history(@PathVariable String id) {
        List<StoredFeature> versions = store.history(id);
        return new History(
                id, versions.get(0).layerId(), versions.stream().map(this::view).toList());
    }

    @PutMapping
    VersionView correct(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            Principal user)
            throws IOException {
        JsonNode body = RequestBodies.readJson(request, maxBody, json);
        List<StoredFeature> current =
                store.history(id).stream().filter(v -> v.supersededAt() == null).toList();
        String layer = store.history(id).get(0).layerId();
        Layer l = store.layer(layer).orElseThrow();
        if (body.isObject() && body.get("properties") instanceof ObjectNode props && !props.has("validFrom")) {
            // Without a validFrom the correction applies to the feature's one current version, if it has one.
            if (current.size() != 1) {
                throw new BadInputException("feature '" + id + "' has " + current.size()
                        + " current versions over time: say which period the correction covers with validFrom/validTo");
            }
            props.put("validFrom", TimeParam.format(current.get(0).validFrom()));
            if (!props.has("validTo") && current.get(0).validTo() != null) {
                props.put("validTo", TimeParam.format(current.get(0).validTo()));
            }
        }
        JsonNode bodyId = body.isObject() ? body.get("id") : null;
        if (bodyId != null && !bodyId.isNull() && !(bodyId.isValueNode() && id.equals(bodyId.asString()))) {
            throw new BadInputException("the body's id " + bodyId + " is not the feature '" + id + "'");
        }
        NewFeature replacement = geojson.parseOne(body, l.kind(), user.getName());
        return view(store.correct(id, replacement, user.getName(), reason));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retract(@PathVariable String id, @RequestParam(required = false) String reason, Principal user) {
        store.retract(id, user.getName(), reason);
    }

    private VersionView view(StoredFeature f) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = json.createGenerator(w)) {
            GeoJsonGeometryWriter.write(g, f.geometry());
        }
        return new VersionView(
                f.versionId(),
                TimeParam.format(f.validFrom()),
                TimeParam.format(f.validTo()),
                f.recordedAt().toString(),
                f.recordedBy(),
                f.changeReason(),
                f.supersededAt() == null ? null : f.supersededAt().toString(),
                f.supersededBy(),
                f.supersededReason(),
                f.supersededAt() == null,
                json.readTree(w.toString()),
                f.properties(),
                f.provenance());
    }
}
