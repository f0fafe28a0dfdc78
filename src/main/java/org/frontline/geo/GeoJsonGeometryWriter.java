package org.frontline.geo;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;

/**
 * Writes JTS geometries as RFC 7946 geometry objects to a streaming generator: [lon, lat] positions,
 * exterior rings counter-clockwise and holes clockwise (the right-hand rule), no "crs" member. Coordinates
 * are rounded to 7 decimals (about 1 cm; RFC 7946 §11.2) and written as decimal text, so no float noise.
 */
public final class GeoJsonGeometryWriter {
    private GeoJsonGeometryWriter() {}

    public static void write(JsonGenerator g, Geometry geom) {
        g.writeStartObject();
        g.writeStringProperty("type", geom.getGeometryType());
        switch (geom.getGeometryType()) {
            case Geometry.TYPENAME_GEOMETRYCOLLECTION -> {
                g.writeName("geometries");
                g.writeStartArray();
                for (int i = 0; i < geom.getNumGeometries(); i++) {
                    write(g, geom.getGeometryN(i));
                }
                g.writeEndArray();
            }
            default -> {
                g.writeName("coordinates");
                coordinates(g, geom);
            }
        }
        g.writeEndObject();
    }

    private static void coordinates(JsonGenerator g, Geometry geom) {
        if (geom instanceof Point p) {
            position(g, p.getCoordinate());
        } else if (geom instanceof LineString l) {
            sequence(g, l.getCoordinateSequence(), false);
        } else if (geom instanceof Polygon p) {
            polygon(g, p);
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                coordinates(g, geom.getGeometryN(i));
            }
            g.writeEndArray();
        }
    }

    private static void polygon(JsonGenerator g, Polygon p) {
        g.writeStartArray();
        CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
        sequence(g, shell, !Orientation.isCCW(shell));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            CoordinateSequence hole = p.getInteriorRingN(i).getCoordinateSequence();
            sequence(g, hole, Orientation.isCCW(hole));
        }
        g.writeEndArray();
    }

    private static void sequence(JsonGenerator g, CoordinateSequence seq, boolean reversed) {
        g.writeStartArray();
        int n = seq.size();
        for (int i = 0; i < n; i++) {
            int k = reversed ? n - 1 - i : i;
            g.writeStartArray();
            number(g, seq.getX(k));
            number(g, seq.getY(k));
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Coordinate c) {
        g.writeStartArray();
        number(g, c.x);
        number(g, c.y);
        g.writeEndArray();
    }

    /** Decimals kept in coordinates. */
    public static final int DECIMALS = 7;

    private static final long SCALE = 10_000_000L;

    /** Writes a coordinate rounded to {@link #DECIMALS} decimals, trailing zeros dropped ("36.5", "-0.1234567"). */
    public static void number(JsonGenerator g, double v) {
        g.writeNumber(decimal(v));
    }

    /** The text {@link #number} writes. */
    public static String decimal(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a coordinate must be finite, got " + v);
        }
        long scaled = Math.round(v * SCALE);
        if (scaled == 0) {
            return "0";
        }
        StringBuilder s = new StringBuilder(16);
        if (scaled < 0) {
            s.append('-');
            scaled = -scaled;
        }
        s.append(scaled / SCALE);
        long fraction = scaled % SCALE;
        if (fraction != 0) {
            String digits = Long.toString(fraction + SCALE).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            s.append('.').append(digits, 0, end);
        }
        return s.toString();
    }
}
