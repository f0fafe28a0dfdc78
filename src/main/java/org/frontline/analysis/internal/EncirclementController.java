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
    ResponseEntity<byte[]> at(@RequestParam(defaultValue = "control") String layer,
            @RequestParam(required = false) String points, @RequestParam(required = false) String point,
            @RequestParam(required = false) String at, @RequestParam(required = false) Double radiusKm,
            @RequestParam(required = false) Integer bearings, @RequestParam(required = false) String friendly) {
        Layer areas = AnalysisParams.areaLayer(layers, layer, "layer");
        Instant t = AnalysisParams.dateIn(areas, at, "at");
        Settings s = settings(radiusKm, bearings, friendly);
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
    ResponseEntity<?> timeline(@RequestParam(defaultValue = "control") String layer,
            @RequestParam(defaultValue = "posts") String points, @RequestParam(required = false) Double radiusKm,
            @RequestParam(required = false) Integer bearings, @RequestParam(required = false) String friendly,
            @RequestParam(required = false) String format) {
        Layer areas = AnalysisParams.areaLayer(layers, layer, "layer");
        Settings s = settings(radiusKm, bearings, friendly);
        boolean csv = Csv.wanted(format);
        List<Map<String, Object>> rows = encirclement.timeline(areas, points, s);
        if (csv) {
            return Csv.of("encirclement-" + points + ".csv",
                    List.of("date", "feature", "name", "heldBy", "friendly", "cutShare", "status"), rows);
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
        m.put("radiusKm", s.radiusKm());
        m.put("bearings", s.bearings());
        m.put("thresholds", Map.of("contestedFrom", Encirclement.CONTESTED_FROM, "surroundedFrom", Encirclement.SURROUNDED_FROM));
        return m;
    }

    private static Settings settings(Double radiusKm, Integer bearings, String friendly) {
        double r = radiusKm == null ? 15 : AnalysisParams.distanceKm(radiusKm, "radiusKm", false);
        if (r > 200) {
            throw new BadInputException("radiusKm must be at most 200 km, got " + r);
        }
        return new Settings(r, AnalysisParams.bearings(bearings), friendly == null || friendly.isBlank() ? null : friendly);
    }
}
