package org.frontline.analysis.internal;

import org.frontline.geo.GeodesicProjection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * Buffers measured on the ellipsoid: the input (lon/lat) is projected to an azimuthal equidistant plane
 * centred on it ({@link GeodesicProjection}), buffered there in metres with JTS, and projected back, so a
 * 10 km buffer is 10 km at the equator and at 60°N alike.
 */
public final class GeodesicBuffer {

    /** Which side of a line a buffer lies on, looking along the line's direction. */
    public enum Side {
        LEFT, RIGHT, BOTH;

        public static Side parse(String s) {
            return s == null || s.isBlank() ? BOTH : valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** 32 segments a quarter circle: a buffered point's area is then within 0.04% of the true circle. */
    static final int QUADRANT_SEGMENTS = 32;

    private GeodesicBuffer() {
    }

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
        Geometry outer = bufferMetres(m, outerKm * 1000, side);
        Geometry result = innerKm > 0 ? outer.difference(bufferMetres(m, innerKm * 1000, side)) : outer;
        return proj.toLonLat(result);
    }

    private static Geometry bufferMetres(Geometry m, double metres, Side side) {
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
