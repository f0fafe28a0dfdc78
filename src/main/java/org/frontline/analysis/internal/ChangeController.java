package org.frontline.analysis.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.analysis.ChangeAnalysis;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.web.BadInputException;
import org.frontline.web.TimeParam;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ground gained and lost between two dates (polygons + table; the table as CSV with format=csv). */
@RestController
@RequestMapping("/api/analysis/change")
class ChangeController {
    private final ChangeAnalysis change;
    private final LayerService layers;
    private final AnalysisGeoJson geojson;

    ChangeController(ChangeAnalysis change, LayerService layers, AnalysisGeoJson geojson) {
        this.change = change;
        this.layers = layers;
        this.geojson = geojson;
    }

    @GetMapping
    ResponseEntity<byte[]> between(
            @RequestParam(defaultValue = "control") String layer,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Double minKm2,
            @RequestParam(required = false) String format) {
        Layer areas = AnalysisParams.areaLayer(layers, layer, "layer");
        Instant f = AnalysisParams.dateIn(areas, from, "from");
        Instant t = AnalysisParams.dateIn(areas, to, "to");
        if (!t.isAfter(f)) {
            throw new BadInputException("to (" + to + ") must be after from (" + from + ")");
        }
        double min = minKm2 == null ? 0 : minKm2;
        if (!(min >= 0) || min > 1e6) {
            throw new BadInputException("minKm2 must be between 0 and 1000000, got " + minKm2);
        }
        boolean csv = Csv.wanted(format);
        ChangeAnalysis.Answer a = change.between(areas, f, t, min, null);
        if (csv) {
            return Csv.of(
                    "change-" + layer + "-" + from + "-" + to + ".csv",
                    List.of("party", "gainedKm2", "lostKm2", "netKm2"),
                    a.table());
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("layer", areas.id());
        extras.put("from", TimeParam.format(f));
        extras.put("to", TimeParam.format(t));
        extras.put("table", a.table());
        extras.put("placesChangedHands", a.placesChangedHands());
        return geojson.collection(a.features(), extras);
    }
}
