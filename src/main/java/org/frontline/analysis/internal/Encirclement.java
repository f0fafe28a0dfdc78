package org.frontline.analysis.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.frontline.geo.GeodesicProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Is a post cut off from its own side, as an analyst reads the map?
 * <ul>
 * <li><b>surrounded</b>: the post's ground is not connected to its side's main territory (the largest piece of
 * ground the side holds): it is in an enclave, or inside the other side's area.</li>
 * <li><b>threatened</b>: it is connected, but only through a friendly corridor narrower than a set width
 * ({@link #DEFAULT_CORRIDOR_KM} km unless asked otherwise); the corridor's width is reported in km.</li>
 * <li><b>open</b> otherwise, however close the front line is: the distance to the nearest ground of another
 * side is its own figure ({@code frontDistanceKm}).</li>
 * </ul>
 * Width is measured by morphological opening in a local azimuthal-equidistant plane: a corridor narrower than w
 * vanishes when the side's main territory is shrunk by w/2 and grown back by w/2, which cuts the post's part off
 * from the core. Hand-drawn polygons of one side that touch or leave gaps under {@link #GAP_M} m count as one.
 */
public final class Encirclement {

    public static final double DEFAULT_CORRIDOR_KM = 5;
    static final double GAP_M = 200;
    private static final GeometryFactory GF = new GeometryFactory();

    public enum Status {
        OPEN,
        THREATENED,
        SURROUNDED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * heldBy: the party whose area holds the point (null: nobody's); friendly: the side judged; corridorKm: the
     * narrowest width of the friendly corridor to the main territory when threatened (else null);
     * frontDistanceKm: distance to the nearest ground of another side (null if there is none).
     */
    public record Result(
            String heldBy,
            String friendly,
            Status status,
            Double corridorKm,
            Double frontDistanceKm,
            double thresholdKm) {}

    private final ControlAreas areas;
    private final double thresholdKm;
    private final GeodesicProjection proj;
    private final Map<String, Side> sides = new HashMap<>();

    /** A judge for many points against the same areas (each side's geometry is prepared once). */
    public Encirclement(ControlAreas areas, double corridorKm) {
        if (!(corridorKm > 0)) {
            throw new IllegalArgumentException("need corridorKm > 0");
        }
        this.areas = areas;
        this.thresholdKm = corridorKm;
        Geometry all = GF.buildGeometry(
                areas.parties().values().stream().map(ControlAreas.Party::area).toList());
        this.proj = all.isEmpty() ? new GeodesicProjection(0, 0) : GeodesicProjection.centredOn(all);
    }

    /** One point, with its own judge. */
    public static Result assess(ControlAreas areas, double lon, double lat, String friendly, double corridorKm) {
        return new Encirclement(areas, corridorKm).assess(lon, lat, friendly);
    }

    /** Judges the point at (lon, lat); {@code friendly} null means the party that holds the point. */
    public Result assess(double lon, double lat, String friendly) {
        Coordinate here = new Coordinate(lon, lat);
        String heldBy = areas.holderOf(here);
        String side = friendly != null ? friendly : heldBy;
        Coordinate m = new Coordinate();
        proj.forward(lon, lat, m);
        Point p = GF.createPoint(m);
        Double front = frontDistanceKm(side, p);
        if (side == null || !areas.parties().containsKey(side)) {
            return new Result(heldBy, side, Status.SURROUNDED, null, front, thresholdKm);
        }
        if (heldBy != null && !heldBy.equals(side)) { // inside another side's area
            return new Result(heldBy, side, Status.SURROUNDED, null, front, thresholdKm);
        }
        Side s = sides.computeIfAbsent(side, this::side);
        if (s.main == null || s.main.distance(p) > GAP_M) { // an enclave, or nobody's ground away from the main
            return new Result(heldBy, side, Status.SURROUNDED, null, front, thresholdKm);
        }
        if (s.connected(p, thresholdKm * 1000)) {
            return new Result(heldBy, side, Status.OPEN, null, front, thresholdKm);
        }
        double lo = 0;
        double hi = thresholdKm * 1000;
        while (hi - lo > 50) { // to 50 m
            double mid = (lo + hi) / 2;
            if (s.connected(p, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Result(heldBy, side, Status.THREATENED, BufferService.round(lo / 1000, 1), front, thresholdKm);
    }

    private Double frontDistanceKm(String side, Point p) {
        double best = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, ControlAreas.Party> e : areas.parties().entrySet()) {
            if (!e.getKey().equals(side)) {
                best = Math.min(
                        best,
                        sides.computeIfAbsent(
                                        "\u0000other:" + e.getKey(),
                                        k -> new Side(proj.toMetres(e.getValue().area()), false))
                                .ground
                                .distance(p));
            }
        }
        return Double.isInfinite(best) ? null : BufferService.round(best / 1000, 1);
    }

    private Side side(String party) {
        return new Side(proj.toMetres(areas.parties().get(party).area()), true);
    }

    /** One side's ground in metres: its main piece and the main piece opened at each width asked. */
    private static final class Side {
        final Geometry ground;
        final Polygon main;
        private final Map<Long, List<Polygon>> opened = new HashMap<>();

        Side(Geometry metres, boolean pieces) {
            this.ground = metres;
            if (!pieces) {
                this.main = null;
                return;
            }
            Geometry closed = metres.buffer(GAP_M / 2).buffer(-GAP_M / 2); // touching pieces and slivers joined
            Polygon largest = null;
            for (Polygon poly : polygons(closed)) {
                if (largest == null || poly.getArea() > largest.getArea()) {
                    largest = poly;
                }
            }
            this.main = largest;
        }

        /** Whether p reaches the core of the main piece through ground at least {@code width} metres wide. */
        boolean connected(Point p, double width) {
            List<Polygon> parts = opened.computeIfAbsent(
                    Math.round(width), w -> polygons(main.buffer(-width / 2).buffer(width / 2)));
            if (parts.isEmpty()) {
                return false;
            }
            Polygon core = parts.get(0);
            Polygon nearest = null;
            double d = Double.POSITIVE_INFINITY;
            for (Polygon part : parts) {
                double dp = part.distance(p);
                if (dp < d) {
                    d = dp;
                    nearest = part;
                }
                if (part.getArea() > core.getArea()) {
                    core = part;
                }
            }
            // a post in a strip narrower than the width is not in any opened part: within one width of the core
            // it stands at the core's edge (a salient's tip); further, it is at the end of a narrow finger
            return nearest == core && d <= width;
        }
    }

    private static List<Polygon> polygons(Geometry g) {
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon poly && !poly.isEmpty()) {
                out.add(poly);
            }
        }
        return out;
    }

    /** Convenience for callers with plain geometries per party. */
    public static ControlAreas areas(Map<String, Geometry> byParty) {
        return new ControlAreas(new LinkedHashMap<>(byParty));
    }
}
