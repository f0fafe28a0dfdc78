package org.frontline.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;

/**
 * Reads an RFC 7946 geometry object into JTS (x = lon, y = lat, SRID 4326) and rejects what a map cannot
 * use: unknown types, out-of-range or swapped coordinates, and invalid polygons. Errors are
 * {@link InvalidGeometryException}s whose message says what is wrong.
 */
public final class GeoJsonGeometryReader {
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    /** Positions one geometry may have (stored features and analysis bodies): bounds the work of every later step. */
    public static final int MAX_POSITIONS = 50_000;
    /** Longitudes one geometry may span: wider means it crosses the antimeridian (RFC 7946 §3.1.9: split it). */
    public static final double MAX_LON_SPAN = 180;

    private final Envelope focusRegion;

    /** @param focusRegion where data is expected; a point outside it whose swap falls inside is reported as swapped */
    public GeoJsonGeometryReader(Envelope focusRegion) {
        this.focusRegion = focusRegion;
    }

    public Geometry read(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new InvalidGeometryException("geometry is missing");
        }
        if (!node.isObject()) {
            throw new InvalidGeometryException("geometry must be a GeoJSON geometry object");
        }
        String type = node.path("type").isString() ? node.path("type").stringValue() : null;
        if (type == null) {
            throw new InvalidGeometryException("geometry has no \"type\"");
        }
        JsonNode c = node.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new InvalidGeometryException(type + " geometry has no \"coordinates\" array");
        }
        Geometry g = switch (type) {
            case "Point" -> WGS84.createPoint(position(c));
            case "MultiPoint" -> WGS84.createMultiPoint(points(c));
            case "LineString" -> line(c);
            case "MultiLineString" -> WGS84.createMultiLineString(each(c, this::line, LineString[]::new));
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> WGS84.createMultiPolygon(each(c, this::polygon, Polygon[]::new));
            default ->
                throw new InvalidGeometryException("unsupported geometry type \"" + type
                        + "\" (supported: Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon)");
        };
        if (g.isEmpty()) {
            throw new InvalidGeometryException(type + " geometry is empty");
        }
        checkSize(g);
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err != null) {
            Coordinate at = err.getCoordinate();
            throw new InvalidGeometryException("invalid " + type + ": "
                    + err.getMessage().toLowerCase() + (at == null ? "" : " at [" + at.x + ", " + at.y + "]"));
        }
        return g;
    }

    /** Refuses geometries too large to process or spanning the antimeridian; the message says which limit. */
    public static void checkSize(Geometry g) {
        int n = g.getNumPoints();
        if (n > MAX_POSITIONS) {
            throw new InvalidGeometryException(g.getGeometryType() + " geometry has " + n + " positions, at most "
                    + MAX_POSITIONS + " are accepted (simplify it or split it into several features)");
        }
        Envelope e = g.getEnvelopeInternal();
        if (e.getWidth() > MAX_LON_SPAN) {
            throw new InvalidGeometryException(g.getGeometryType() + " geometry spans " + e.getWidth()
                    + "° of longitude (" + e.getMinX() + " to " + e.getMaxX() + "); more than " + (int) MAX_LON_SPAN
                    + "° means it crosses the antimeridian: split it there (RFC 7946 §3.1.9)");
        }
    }

    private Point[] points(JsonNode c) {
        return each(c, p -> WGS84.createPoint(position(p)), Point[]::new);
    }

    private LineString line(JsonNode c) {
        Coordinate[] pts = positions(c);
        if (pts.length < 2) {
            throw new InvalidGeometryException("a LineString needs at least 2 positions, got " + pts.length);
        }
        return WGS84.createLineString(pts);
    }

    private Polygon polygon(JsonNode c) {
        if (!c.isArray() || c.isEmpty()) {
            throw new InvalidGeometryException("a Polygon needs at least one ring");
        }
        LinearRing shell = ring(c.get(0));
        LinearRing[] holes = new LinearRing[c.size() - 1];
        for (int i = 1; i < c.size(); i++) {
            holes[i - 1] = ring(c.get(i));
        }
        return WGS84.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode c) {
        Coordinate[] pts = positions(c);
        if (pts.length < 4) {
            throw new InvalidGeometryException("a polygon ring needs at least 4 positions, got " + pts.length);
        }
        if (!pts[0].equals2D(pts[pts.length - 1])) {
            throw new InvalidGeometryException("a polygon ring must end where it starts: first " + fmt(pts[0])
                    + ", last " + fmt(pts[pts.length - 1]));
        }
        return WGS84.createLinearRing(pts);
    }

    private Coordinate[] positions(JsonNode c) {
        if (!c.isArray()) {
            throw new InvalidGeometryException("expected an array of positions");
        }
        Coordinate[] out = new Coordinate[c.size()];
        for (int i = 0; i < c.size(); i++) {
            out[i] = position(c.get(i));
        }
        return out;
    }

    private Coordinate position(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new InvalidGeometryException("a position must be an array of 2 numbers [lon, lat], got " + p);
        }
        double lon = p.get(0).doubleValue();
        double lat = p.get(1).doubleValue();
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw new InvalidGeometryException("position " + p + " is not finite");
        }
        boolean inRange = Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
        if (!inRange) {
            String hint = Math.abs(lat) <= 180 && Math.abs(lon) <= 90
                    ? " (looks like [lat, lon]; GeoJSON is [lon, lat])"
                    : "";
            throw new InvalidGeometryException("position " + fmt(lon, lat) + " is out of range: longitude must be in "
                    + "[-180, 180] and latitude in [-90, 90]" + hint);
        }
        if (focusRegion != null && !focusRegion.contains(lon, lat) && focusRegion.contains(lat, lon)) {
            throw new InvalidGeometryException("position " + fmt(lon, lat) + " looks like [lat, lon] swapped: "
                    + fmt(lat, lon) + " lies in the focus region, GeoJSON order is [lon, lat]");
        }
        return new Coordinate(lon, lat);
    }

    private static String fmt(Coordinate c) {
        return fmt(c.x, c.y);
    }

    private static String fmt(double x, double y) {
        return "[" + x + ", " + y + "]";
    }

    private static <T> T[] each(
            JsonNode arr, java.util.function.Function<JsonNode, T> f, java.util.function.IntFunction<T[]> make) {
        if (!arr.isArray()) {
            throw new InvalidGeometryException("expected an array");
        }
        List<T> out = new ArrayList<>(arr.size());
        for (JsonNode n : arr) {
            out.add(f.apply(n));
        }
        return out.toArray(make.apply(out.size()));
    }
}
