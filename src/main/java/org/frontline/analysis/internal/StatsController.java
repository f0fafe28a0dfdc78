package org.frontline.analysis.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.analysis.ResultFeature;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.web.BadInputException;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Proximity (events within X km of a feature or point) and zone statistics (counts per area or month). */
@RestController
@RequestMapping("/api/analysis")
class StatsController {
    private static final GeometryFactory GF = new GeometryFactory();

    private final ProximityService proximity;
    private final AreaLayerReader reader;
    private final LayerService layers;
    private final AnalysisGeoJson geojson;

    StatsController(ProximityService proximity, AreaLayerReader reader, LayerService layers, AnalysisGeoJson geojson) {
        this.proximity = proximity;
        this.reader = reader;
        this.layers = layers;
        this.geojson = geojson;
    }

    @GetMapping("/proximity")
    ResponseEntity<?> near(
            @RequestParam(defaultValue = "events") String layer,
            @RequestParam(required = false) String feature,
            @RequestParam(required = false) String point,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) Double distanceKm,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String format) {
        Layer l = AnalysisParams.layer(layers, layer, "layer");
        double km = AnalysisParams.distanceKm(distanceKm, "distanceKm", false);
        Geometry target = target(feature, point, at);
        Instant[] window = window(l, from, to);
        boolean csv = Csv.wanted(format);
        List<ResultFeature> found = proximity.near(target, l.id(), window[0], window[1], km);
        if (csv) {
            List<Map<String, Object>> rows = found.stream()
                    .map(f -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", f.id());
                        row.put("validFrom", f.properties().get("validFrom"));
                        row.put("title", f.properties().get("title"));
                        row.put("eventType", f.properties().get("eventType"));
                        row.put("fatalities", f.properties().get("fatalities"));
                        row.put("distanceKm", f.properties().get("distanceKm"));
                        return row;
                    })
                    .toList();
            return Csv.of(
                    "proximity-" + layer + ".csv",
                    List.of("id", "validFrom", "title", "eventType", "fatalities", "distanceKm"),
                    rows);
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("layer", l.id());
        extras.put("distanceKm", km);
        extras.put("count", found.size());
        return geojson.collection(found, extras);
    }

    @GetMapping("/stats")
    ResponseEntity<?> stats(
            @RequestParam(defaultValue = "events") String layer,
            @RequestParam(defaultValue = "governorate") String by,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String within,
            @RequestParam(required = false) String at,
            @RequestParam(defaultValue = "governorates") String areas,
            @RequestParam(required = false) String format) {
        Layer l = AnalysisParams.layer(layers, layer, "layer");
        if (!by.equals("governorate") && !by.equals("area") && !by.equals("month")) {
            throw new BadInputException("by must be governorate, area or month, got '" + by + "'");
        }
        Geometry zone = null;
        if (within != null) {
            zone = reader.feature(within, TimeParam.optional(at, "at", "stats"), "within")
                    .geometry();
            if (zone.getDimension() < 2) {
                throw new BadInputException("within: feature '" + within + "' is not an area (zone)");
            }
        }
        Instant[] window = window(l, from, to);
        boolean csv = Csv.wanted(format);
        List<Map<String, Object>> rows = proximity.counts(l.id(), by, window[0], window[1], zone, areas);
        if (csv) {
            return Csv.of("stats-" + layer + "-" + by + ".csv", List.of("key", "events", "fatalities"), rows);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("layer", l.id());
        answer.put("by", by);
        answer.put("from", from);
        answer.put("to", to);
        answer.put("within", within);
        answer.put("rows", rows);
        answer.put(
                "total",
                Map.of(
                        "events",
                        rows.stream().mapToLong(r -> (long) r.get("events")).sum(),
                        "fatalities",
                        rows.stream().mapToLong(r -> (long) r.get("fatalities")).sum()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private Geometry target(String feature, String point, String at) {
        if ((feature == null) == (point == null)) {
            throw new BadInputException("give either feature (a feature id) or point (lon,lat)");
        }
        if (point != null) {
            double[] ll = AnalysisParams.lonLat(point, "point");
            return GF.createPoint(new Coordinate(ll[0], ll[1]));
        }
        return reader.feature(feature, TimeParam.optional(at, "at", "proximity"), "feature")
                .geometry();
    }

    /**
     * [from, to) with a plain-date 'to' meaning through that day; open ends reach the whole store. A window
     * that misses the layer's data entirely is refused, naming the bound at fault.
     */
    private static Instant[] window(Layer layer, String from, String to) {
        TimeParam.Window w = TimeParam.window(from, to);
        Instant f = w.from();
        Instant t = w.to();
        if (layer.extentFrom() != null) {
            if (to != null && !t.isAfter(layer.extentFrom())) {
                throw new BadInputException("to " + to + " is before the data of layer '" + layer.id() + "' (from "
                        + TimeParam.format(layer.extentFrom()) + ")");
            }
            if (from != null && layer.extentTo() != null && !f.isBefore(layer.extentTo())) {
                throw new BadInputException("from " + from + " is after the data of layer '" + layer.id() + "' (to "
                        + TimeParam.format(layer.extentTo()) + ")");
            }
        }
        return new Instant[] {f, t};
    }
}
