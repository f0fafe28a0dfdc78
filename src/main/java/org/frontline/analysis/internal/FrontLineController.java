package org.frontline.analysis.internal;

import java.time.Instant;
import java.util.Map;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.web.BadInputException;
import org.frontline.web.TimeParam;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Front lines derived from control areas: at a date (GET), or stored as a versioned line layer (POST). */
@RestController
@RequestMapping("/api/analysis/frontlines")
class FrontLineController {
    private final FrontLineService fronts;
    private final LayerService layers;
    private final AnalysisGeoJson geojson;

    FrontLineController(FrontLineService fronts, LayerService layers, AnalysisGeoJson geojson) {
        this.fronts = fronts;
        this.layers = layers;
        this.geojson = geojson;
    }

    @GetMapping
    ResponseEntity<byte[]> at(
            @RequestParam(defaultValue = "control") String layer,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) Double toleranceKm) {
        Layer areas = AnalysisParams.areaLayer(layers, layer, "layer");
        Instant t = AnalysisParams.dateIn(areas, at, "at");
        double tol = tolerance(toleranceKm);
        return geojson.collection(
                fronts.frontsAt(areas.id(), t, tol),
                Map.of("layer", areas.id(), "at", TimeParam.format(t), "toleranceKm", tol));
    }

    @PostMapping("/derive")
    FrontLineService.Derivation derive(
            @RequestParam(defaultValue = "control") String layer,
            @RequestParam(defaultValue = "frontlines") String target,
            @RequestParam(required = false) Double toleranceKm) {
        AnalysisParams.areaLayer(layers, layer, "layer");
        if (target.equals(layer)) {
            throw new BadInputException("target must be another layer than the areas ('" + layer + "')");
        }
        return fronts.deriveAll(layer, target, tolerance(toleranceKm));
    }

    private double tolerance(Double toleranceKm) {
        if (toleranceKm == null) {
            return fronts.defaultToleranceKm();
        }
        double t = AnalysisParams.distanceKm(toleranceKm, "toleranceKm", false);
        if (t > 50) {
            throw new BadInputException("toleranceKm must be at most 50 km, got " + t);
        }
        return t;
    }
}
