package org.frontline.analysis.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.analysis.ResultFeature;
import org.frontline.analysis.internal.GeodesicBuffer.Side;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.geo.GeodesicMeasure;
import org.frontline.geo.InvalidGeometryException;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.layers.StoredFeature;
import org.frontline.web.BadInputException;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.springframework.stereotype.Service;

/** Buffer zones around stored features or drawn geometries, and saving them as zone features. */
@Service
public class BufferService {
    static final String ZONE_STYLE = "{\"color\":\"#b35806\",\"fillOpacity\":0.15}";

    private final LayerService layers;
    private final AreaLayerReader reader;

    BufferService(LayerService layers, AreaLayerReader reader) {
        this.layers = layers;
        this.reader = reader;
    }

    /** What a buffer is made from and how: the inputs recorded with a saved zone. */
    public record Request(Geometry geometry, String sourceFeature, double distanceKm, double innerKm, Side side) {}

    public static Request request(Geometry g, String sourceFeature, Double distanceKm, Double innerKm, String side) {
        double outer = AnalysisParams.distanceKm(distanceKm, "distanceKm", false);
        double inner = innerKm == null ? 0 : AnalysisParams.distanceKm(innerKm, "innerKm", true);
        if (inner >= outer) {
            throw new BadInputException("innerKm (" + inner + ") must be less than distanceKm (" + outer + ")");
        }
        Side s;
        try {
            s = Side.parse(side);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("side must be left, right or both, got '" + side + "'");
        }
        if (g == null || g.isEmpty()) {
            throw new BadInputException("geometry is empty");
        }
        try {
            GeoJsonGeometryReader.checkSize(g); // stored features may predate the limits
        } catch (InvalidGeometryException e) {
            throw new BadInputException("geometry: " + e.getMessage());
        }
        if (!g.isValid()) {
            throw new BadInputException("geometry is not valid");
        }
        if (s != Side.BOTH && !(g instanceof Lineal)) {
            throw new BadInputException(
                    "side=" + s.name().toLowerCase() + " needs a line, got a " + g.getGeometryType());
        }
        return new Request(g, sourceFeature, outer, inner, s);
    }

    /** The stored feature's geometry (at a date, or its latest version) as a buffer request. */
    public Request requestFor(String featureId, Instant at, Double distanceKm, Double innerKm, String side) {
        StoredFeature f = reader.feature(featureId, at, "feature");
        return request(f.geometry(), featureId, distanceKm, innerKm, side);
    }

    public ResultFeature buffer(Request r) {
        Geometry zone;
        try {
            zone = GeodesicBuffer.band(r.geometry(), r.innerKm(), r.distanceKm(), r.side());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("geometry: " + e.getMessage());
        }
        return new ResultFeature(null, zone, inputs(r, zone));
    }

    /**
     * Saves the buffer as a feature of an area layer (created if missing), its inputs recorded in its
     * properties; valid from {@code validFrom} (default: today) to {@code validTo} (null: still true).
     */
    public ResultFeature save(
            Request r,
            String targetLayer,
            String zoneType,
            String name,
            Instant validFrom,
            Instant validTo,
            String user) {
        AnalysisParams.targetLayerId(targetLayer, "target");
        Layer target = layers.layer(targetLayer)
                .orElseGet(() -> layers.ensureLayer(targetLayer, "Zones", LayerKind.AREA, ZONE_STYLE));
        if (target.kind() != LayerKind.AREA) {
            throw new BadInputException("target: layer '" + targetLayer + "' holds "
                    + target.kind().code() + " features, a zone needs an area layer");
        }
        Instant from = validFrom != null
                ? validFrom
                : LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (validTo != null && !validTo.isAfter(from)) {
            throw new BadInputException("validTo (" + TimeParam.format(validTo) + ") must be after validFrom ("
                    + TimeParam.format(from) + ")");
        }
        ResultFeature computed = buffer(r);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("zoneType", zoneType == null || zoneType.isBlank() ? "buffer" : zoneType);
        if (name != null && !name.isBlank()) {
            props.put("name", name);
        }
        props.putAll(computed.properties());
        Provenance p =
                new Provenance("Frontline analysis", null, LocalDate.now(ZoneOffset.UTC), "medium", "exact", "day");
        String id = layers.add(
                        target.id(),
                        List.of(new NewFeature(null, computed.geometry(), props, from, validTo, p)),
                        user,
                        "buffer zone derived by analysis")
                .get(0);
        return new ResultFeature(id, computed.geometry(), props);
    }

    private static Map<String, Object> inputs(Request r, Geometry zone) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("derivedBy", "analysis/buffer");
        p.put("bufferSource", r.sourceFeature() == null ? "drawn geometry" : r.sourceFeature());
        p.put("bufferSourceType", r.geometry().getGeometryType());
        p.put("distanceKm", r.distanceKm());
        p.put("innerKm", r.innerKm());
        p.put("side", r.side().name().toLowerCase());
        p.put("areaKm2", round(GeodesicMeasure.areaKm2(zone), 3));
        return p;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
