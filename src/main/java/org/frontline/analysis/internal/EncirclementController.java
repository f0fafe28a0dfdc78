package org.frontline.analysis.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.analysis.ResultFeature;
import org.frontline.analysis.internal.EncirclementService.Settings;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.web.BadInputException;
import org.frontline.web.TimeParam;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Encirclement of posts (or of one point) at a date, and the posts' status at every change of the areas. */
@RestController
@RequestMapping("/api/analysis/encirclement")
class EncirclementController {
    private final EncirclementService encirclement;
    private final LayerService layers;
    private final AnalysisGeoJson geojson;

    EncirclementController(EncirclementService encirclement, LayerService layers, AnalysisGeoJson geojson) {
        this.encirclement = encirclement;
        this.layers = layers;
        this.geojson = geojson;
    }

    @GetMapping
    ResponseEntity<byte[]> at(
            @RequestParam(defaultValue = "control") String layer,
            @RequestParam(required = false) String points,
            @RequestParam(required = false) String point,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) Double corridorKm,
            @RequestParam(required = false) String friendly) {
        Layer areas = AnalysisParams.areaLayer(layers, layer, "layer");
        Instant t = AnalysisParams.dateIn(areas, at, "at");
        Settings s = settings(corridorKm, friendly);
        List<ResultFeature> out;
        if (point != null) {
            double[] ll = AnalysisParams.lonLat(point, "point");
            out = List.of(encirclement.assessPoint(areas, ll[0], ll[1], t, s));
        } else if (points != null) {
            out = encirclement.assessLayer(areas, points, t, s);
        } else {
            throw new BadInputException("give points (a point layer, e.g. posts) or point (lon,lat)");
        }
        return geojson.collection(out, summary(areas, s, t));
    }

    @GetMapping("/timeline")
    ResponseEntity<?> timeline(
            @RequestParam(defaultValue = "control") String layer,
            @RequestParam(defaultValue = "posts") String points,
            @RequestParam(required = false) Double corridorKm,
            @RequestParam(required = false) String friendly,
            @RequestParam(required = false) String format) {
        Layer areas = AnalysisParams.areaLayer(layers, layer, "layer");
        Settings s = settings(corridorKm, friendly);
        boolean csv = Csv.wanted(format);
        List<Map<String, Object>> rows = encirclement.timeline(areas, points, s);
        if (csv) {
            return Csv.of(
                    "encirclement-" + points + ".csv",
                    List.of("date", "feature", "name", "heldBy", "friendly", "status", "corridorKm", "frontDistanceKm"),
                    rows);
        }
        Map<String, Object> answer = summary(areas, s, null);
        answer.put("points", points);
        answer.put("rows", rows);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private static Map<String, Object> summary(Layer areas, Settings s, Instant t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", areas.id());
        if (t != null) {
            m.put("at", TimeParam.format(t));
        }
        m.put("corridorKm", s.corridorKm());
        return m;
    }

    private static Settings settings(Double corridorKm, String friendly) {
        double w = corridorKm == null
                ? Encirclement.DEFAULT_CORRIDOR_KM
                : AnalysisParams.distanceKm(corridorKm, "corridorKm", false);
        if (w > 50) {
            throw new BadInputException("corridorKm must be at most 50 km, got " + w);
        }
        return new Settings(w, friendly == null || friendly.isBlank() ? null : friendly);
    }
}
