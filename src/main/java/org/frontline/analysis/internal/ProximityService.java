package org.frontline.analysis.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.frontline.analysis.ResultFeature;
import org.frontline.geo.GeodesicMeasure;
import org.frontline.geo.GeodesicProjection;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Service;

/** Events near a feature, events inside a zone, and counts per area (e.g. governorate) or per month. */
@Service
public class ProximityService {
    private final LayerService layers;
    private final AreaLayerReader reader;

    ProximityService(LayerService layers, AreaLayerReader reader) {
        this.layers = layers;
        this.reader = reader;
    }

    /** Features of {@code layerId} in [from, to) within {@code distanceKm} of the target, nearest first. */
    public List<ResultFeature> near(Geometry target, String layerId, Instant from, Instant to, double distanceKm) {
        Envelope box = grow(target.getEnvelopeInternal(), distanceKm);
        GeodesicProjection proj = GeodesicProjection.centredOn(target);
        Geometry targetM = target instanceof Point ? null : proj.toMetres(target);
        Coordinate tmp = new Coordinate();
        List<ResultFeature> out = new ArrayList<>();
        for (StoredFeature f :
                layers.list(FeatureQuery.between(layerId, from, to).inside(box))) {
            double km;
            if (target instanceof Point p) {
                Coordinate c = f.geometry().getInteriorPoint().getCoordinate();
                km = GeodesicMeasure.distanceKm(p.getX(), p.getY(), c.x, c.y);
            } else {
                km = targetM.distance(proj.toMetres(f.geometry())) / 1000;
            }
            if (km <= distanceKm) {
                Map<String, Object> props = new LinkedHashMap<>(f.properties());
                props.put("validFrom", org.frontline.web.TimeParam.format(f.validFrom()));
                props.put("distanceKm", BufferService.round(km, 3));
                out.add(new ResultFeature(f.featureId(), f.geometry(), props));
            }
        }
        out.sort(Comparator.comparingDouble(r -> (double) r.properties().get("distanceKm")));
        return out;
    }

    /**
     * Counts of {@code layerId}'s features in [from, to), optionally only those inside {@code within}, grouped
     * {@code by} "month" (of their start, UTC) or by the area of {@code areasLayer} (its {@code name}) that holds them.
     */
    public List<Map<String, Object>> counts(
            String layerId, String by, Instant from, Instant to, Geometry within, String areasLayer) {
        PreparedGeometry inside = within == null ? null : PreparedGeometryFactory.prepare(within);
        List<Named> areas = "month".equals(by) ? List.of() : areas(areasLayer);
        Map<String, long[]> groups = new TreeMap<>();
        FeatureQuery q = FeatureQuery.between(layerId, from, to);
        if (within != null) {
            q = q.inside(within.getEnvelopeInternal());
        }
        layers.stream(q, f -> {
            if (inside != null && !inside.intersects(f.geometry())) {
                return;
            }
            String key = "month".equals(by) ? month(f.validFrom()) : areaOf(areas, f.geometry());
            long[] n = groups.computeIfAbsent(key, k -> new long[2]);
            n[0]++;
            n[1] += fatalities(f);
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.forEach((k, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", k);
            row.put("events", n[0]);
            row.put("fatalities", n[1]);
            rows.add(row);
        });
        return rows;
    }

    private record Named(String name, IndexedPointInAreaLocator locator) {}

    private List<Named> areas(String areasLayer) {
        AnalysisParams.areaLayer(layers, areasLayer, "areas");
        Map<String, Named> latest = new LinkedHashMap<>();
        for (StoredFeature f : reader.allCurrent(areasLayer)) { // oldest first: later versions replace earlier
            Object name = f.properties().get("name");
            String n = name == null ? f.featureId() : name.toString();
            latest.put(f.featureId(), new Named(n, new IndexedPointInAreaLocator(f.geometry())));
        }
        return new ArrayList<>(latest.values());
    }

    private static String areaOf(List<Named> areas, Geometry g) {
        Coordinate c = g.getInteriorPoint().getCoordinate();
        for (Named a : areas) {
            if (a.locator().locate(c) != Location.EXTERIOR) {
                return a.name();
            }
        }
        return "(outside)";
    }

    private static String month(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
    }

    private static long fatalities(StoredFeature f) {
        Object v = f.properties().get("fatalities");
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return v == null ? 0 : Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The envelope grown by a distance in km (generous in longitude toward the pole side). */
    static Envelope grow(Envelope e, double km) {
        double dLat = km * 1.01 / 110.5 + 1e-6;
        double maxLat = Math.min(89, Math.max(Math.abs(e.getMinY()), Math.abs(e.getMaxY())) + dLat);
        double dLon = km * 1.01 / (111.3 * Math.cos(Math.toRadians(maxLat))) + 1e-6;
        return new Envelope(e.getMinX() - dLon, e.getMaxX() + dLon, e.getMinY() - dLat, e.getMaxY() + dLat);
    }
}
