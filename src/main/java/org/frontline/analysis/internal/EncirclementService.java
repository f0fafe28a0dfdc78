package org.frontline.analysis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.analysis.ResultFeature;
import org.frontline.analysis.internal.Encirclement.Result;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.frontline.web.BadInputException;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;

/**
 * Encirclement of points (observation posts) by the control areas of an area layer. Whose side a post is
 * on: the {@code friendly} parameter if given, else the post's own {@code party} property, else the party
 * that held its position at the area layer's first date — the side it was placed with.
 */
@Service
public class EncirclementService {
    private static final GeometryFactory GF = new GeometryFactory();

    private final LayerService layers;
    private final AreaLayerReader reader;

    EncirclementService(LayerService layers, AreaLayerReader reader) {
        this.layers = layers;
        this.reader = reader;
    }

    /** How to judge: the corridor width below which a post is threatened, and (optionally) its side. */
    public record Settings(double corridorKm, String friendly) {}

    /** Every point of {@code pointsLayerId} valid at {@code at}, judged against the areas at {@code at}. */
    public List<ResultFeature> assessLayer(Layer areas, String pointsLayerId, Instant at, Settings s) {
        Layer points = AnalysisParams.pointLayer(layers, pointsLayerId, "points");
        Encirclement now = new Encirclement(areasAt(areas, at, s), s.corridorKm());
        ControlAreas first =
                s.friendly() == null ? new ControlAreas(reader.partiesAt(areas.id(), areas.extentFrom())) : null;
        List<ResultFeature> out = new ArrayList<>();
        for (StoredFeature f : layers.list(FeatureQuery.at(points.id(), at))) {
            Coordinate c = position(f.geometry());
            String side = s.friendly() != null ? s.friendly() : sideOf(f, first, c);
            Result r = now.assess(c.x, c.y, side);
            Map<String, Object> p = properties(r, at);
            p.put("name", f.properties().get("name"));
            if (f.properties().get("status") != null) {
                p.put("recordedStatus", f.properties().get("status"));
            }
            out.add(new ResultFeature(f.featureId(), GF.createPoint(c), p));
        }
        return out;
    }

    /** One point given by coordinates. */
    public ResultFeature assessPoint(Layer areas, double lon, double lat, Instant at, Settings s) {
        Result r = Encirclement.assess(areasAt(areas, at, s), lon, lat, s.friendly(), s.corridorKm());
        return new ResultFeature(null, GF.createPoint(new Coordinate(lon, lat)), properties(r, at));
    }

    /** Status of every point at each date the areas change: the posts' story over time, as table rows. */
    public List<Map<String, Object>> timeline(Layer areas, String pointsLayerId, Settings s) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Instant date : reader.changeDates(areas.id())) {
            if (reader.partiesAt(areas.id(), date).isEmpty()) {
                continue; // the end of the last period
            }
            for (ResultFeature f : assessLayer(areas, pointsLayerId, date, s)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("date", TimeParam.format(date));
                row.put("feature", f.id());
                row.put("name", f.properties().get("name"));
                row.put("heldBy", f.properties().get("heldBy"));
                row.put("friendly", f.properties().get("friendly"));
                row.put("status", f.properties().get("status"));
                row.put("corridorKm", f.properties().get("corridorKm"));
                row.put("frontDistanceKm", f.properties().get("frontDistanceKm"));
                rows.add(row);
            }
        }
        return rows;
    }

    private ControlAreas areasAt(Layer areas, Instant at, Settings s) {
        Map<String, Geometry> parties = reader.partiesAt(areas.id(), at);
        if (s.friendly() != null && !parties.containsKey(s.friendly())) {
            throw new BadInputException("friendly: layer '" + areas.id() + "' has no party '" + s.friendly() + "' at "
                    + TimeParam.format(at) + " (parties: " + String.join(", ", parties.keySet()) + ")");
        }
        return new ControlAreas(parties);
    }

    private static String sideOf(StoredFeature f, ControlAreas first, Coordinate c) {
        Object party = f.properties().get(AreaLayerReader.PARTY);
        if (party != null && !party.toString().isBlank()) {
            return party.toString();
        }
        return first.holderOf(c);
    }

    private static Coordinate position(Geometry g) {
        if (g instanceof Point p) {
            return p.getCoordinate();
        }
        if (g.isEmpty()) {
            throw new BadInputException("points: a feature has an empty geometry");
        }
        return g.getInteriorPoint().getCoordinate();
    }

    private static Map<String, Object> properties(Result r, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", TimeParam.format(at));
        p.put("heldBy", r.heldBy());
        p.put("friendly", r.friendly());
        p.put("status", r.status().code());
        p.put("corridorKm", r.corridorKm());
        p.put("frontDistanceKm", r.frontDistanceKm());
        p.put("thresholdKm", r.thresholdKm());
        return p;
    }
}
