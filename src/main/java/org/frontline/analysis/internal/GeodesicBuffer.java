package org.frontline.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.frontline.geo.GeodesicProjection;
import org.frontline.web.RequestBudget;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Buffers measured on the ellipsoid: the input (lon/lat) is projected to an azimuthal equidistant plane
 * centred on it ({@link GeodesicProjection}), buffered there in metres with JTS, and projected back, so a
 * 10 km buffer is 10 km at the equator and at 60°N alike.
 */
public final class GeodesicBuffer {

    /** Which side of a line a buffer lies on, looking along the line's direction. */
    public enum Side {
        LEFT,
        RIGHT,
        BOTH;

        public static Side parse(String s) {
            return s == null || s.isBlank() ? BOTH : valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** 32 segments a quarter circle: a buffered point's area is then within 0.04% of the true circle. */
    static final int QUADRANT_SEGMENTS = 32;
    /**
     * How far from its centre a buffer may reach (geometry plus distance): the projection's scale error is
     * (ρ/R)²/6, 3.7% at 3,000 km; beyond that (or across the globe) the answer would be wrong, so it is refused.
     */
    public static final double MAX_REACH_KM = 3000;

    private GeodesicBuffer() {}

    /** Everything within {@code distanceKm} of the geometry (points, lines or polygons). */
    public static Geometry buffer(Geometry lonLat, double distanceKm) {
        return band(lonLat, 0, distanceKm, Side.BOTH);
    }

    /**
     * The ground between {@code innerKm} and {@code outerKm} of the geometry, on one or both sides (one side
     * only for lines). innerKm = 0 gives the plain buffer, which for a polygon includes the polygon itself.
     */
    public static Geometry band(Geometry lonLat, double innerKm, double outerKm, Side side) {
        if (lonLat == null || lonLat.isEmpty()) {
            throw new IllegalArgumentException("geometry is empty");
        }
        if (!(innerKm >= 0) || !(outerKm > innerKm)) {
            throw new IllegalArgumentException("need 0 <= innerKm < distanceKm, got " + innerKm + " and " + outerKm);
        }
        if (side != Side.BOTH && !(lonLat instanceof Lineal)) {
            throw new IllegalArgumentException("a one-sided buffer needs a line, got a " + lonLat.getGeometryType());
        }
        GeodesicProjection proj = GeodesicProjection.centredOn(lonLat);
        Geometry m = proj.toMetres(lonLat);
        double reachKm = maxRadiusMetres(m) / 1000 + outerKm;
        if (reachKm > MAX_REACH_KM) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the buffer would reach %.0f km from the"
                            + " geometry's centre; buffers are computed for regional geometries (at most %.0f km)",
                    reachKm,
                    MAX_REACH_KM));
        }
        Geometry outer = bufferMetres(m, outerKm * 1000, side);
        Geometry result = innerKm > 0 ? outer.difference(bufferMetres(m, innerKm * 1000, side)) : outer;
        Geometry back = proj.toLonLat(result);
        if (back.getEnvelopeInternal().getWidth() > 180) {
            throw new IllegalArgumentException("the buffer crosses the antimeridian (180° longitude), which this"
                    + " analysis does not split; use a geometry away from it");
        }
        return back;
    }

    private static double maxRadiusMetres(Geometry m) {
        double max = 0;
        for (Coordinate c : m.getCoordinates()) {
            max = Math.max(max, Math.hypot(c.x, c.y));
        }
        return max;
    }

    /**
     * A multi-part geometry is buffered part by part and the parts merged by cascaded union: buffering all
     * parts at once nodes every overlapping circle against every other (quadratic: 800 points took 25 s).
     */
    private static Geometry bufferMetres(Geometry m, double metres, Side side) {
        if (m.getNumGeometries() == 1) {
            return bufferPart(m, metres, side);
        }
        List<Geometry> parts = new ArrayList<>(m.getNumGeometries());
        for (int i = 0; i < m.getNumGeometries(); i++) {
            RequestBudget.check(); // a request over its time budget stops here (503), not after every part
            parts.add(bufferPart(m.getGeometryN(i), metres, side));
        }
        return UnaryUnionOp.union(parts);
    }

    private static Geometry bufferPart(Geometry m, double metres, Side side) {
        BufferParameters bp = new BufferParameters(QUADRANT_SEGMENTS);
        if (side == Side.BOTH) {
            return BufferOp.bufferOp(m, metres, bp);
        }
        bp.setEndCapStyle(BufferParameters.CAP_FLAT);
        bp.setSingleSided(true);
        // JTS: a positive distance buffers the left-hand side, a negative one the right-hand side
        return BufferOp.bufferOp(m, side == Side.LEFT ? metres : -metres, bp);
    }
}
