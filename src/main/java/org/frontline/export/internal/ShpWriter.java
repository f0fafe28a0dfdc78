package org.frontline.export.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The geometry half of a shapefile (.shp and its index .shx, ESRI's 1998 technical description): one shape type
 * per file — Point, PolyLine or Polygon (outer rings clockwise, holes counter-clockwise). A geometry that does
 * not fit the file's type is written as a null shape, so the rows stay aligned with the .dbf. Headers (file
 * length, extent) are written at the end.
 */
final class ShpWriter implements AutoCloseable {
    static final int POINT = 1;
    static final int POLYLINE = 3;
    static final int POLYGON = 5;

    private final int type;
    private final Path shp;
    private final Path shx;
    private final OutputStream shpOut;
    private final OutputStream shxOut;
    private final Envelope extent = new Envelope();
    private long words = 50; // the 100-byte header, in 16-bit words
    private int count;

    ShpWriter(Path shp, Path shx, int type) throws IOException {
        this.type = type;
        this.shp = shp;
        this.shx = shx;
        this.shpOut = new BufferedOutputStream(Files.newOutputStream(shp), 1 << 16);
        this.shxOut = new BufferedOutputStream(Files.newOutputStream(shx), 1 << 16);
        shpOut.write(new byte[100]);
        shxOut.write(new byte[100]);
    }

    void write(Geometry g) throws IOException {
        ByteBuffer content = content(g);
        int length = content.capacity() / 2;
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        head.putInt(++count).putInt(length);
        shpOut.write(head.array());
        shpOut.write(content.array());
        ByteBuffer index = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        index.putInt((int) words).putInt(length);
        shxOut.write(index.array());
        words += 4 + length;
        if (words > Integer.MAX_VALUE) {
            throw new IOException("the shapefile would pass its 4 GB limit: export fewer features or GeoPackage");
        }
    }

    private ByteBuffer content(Geometry g) {
        if (g == null || g.isEmpty()) {
            return nullShape();
        }
        if (type == POINT) {
            Point p = g instanceof Point pt
                    ? pt
                    : g.getNumGeometries() == 1 && g.getGeometryN(0) instanceof Point pt ? pt : null;
            if (p == null) {
                return nullShape();
            }
            extent.expandToInclude(p.getX(), p.getY());
            return ByteBuffer.allocate(20)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(POINT)
                    .putDouble(p.getX())
                    .putDouble(p.getY());
        }
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (type == POLYLINE && part instanceof LineString line) {
                parts.add(line.getCoordinates());
            } else if (type == POLYGON && part instanceof Polygon poly) {
                parts.add(ring(poly.getExteriorRing().getCoordinates(), true));
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    parts.add(ring(poly.getInteriorRingN(h).getCoordinates(), false));
                }
            } else {
                return nullShape();
            }
        }
        int points = parts.stream().mapToInt(p -> p.length).sum();
        Envelope env = g.getEnvelopeInternal();
        extent.expandToInclude(env);
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putDouble(env.getMinX()).putDouble(env.getMinY()).putDouble(env.getMaxX());
        b.putDouble(env.getMaxY()).putInt(parts.size()).putInt(points);
        int start = 0;
        for (Coordinate[] p : parts) {
            b.putInt(start);
            start += p.length;
        }
        for (Coordinate[] p : parts) {
            for (Coordinate c : p) {
                b.putDouble(c.x).putDouble(c.y);
            }
        }
        return b;
    }

    /** A ring turned clockwise (outer) or counter-clockwise (hole), as the shapefile wants. */
    private static Coordinate[] ring(Coordinate[] c, boolean outer) {
        if (Orientation.isCCW(c) == outer) {
            Coordinate[] r = c.clone();
            for (int i = 0; i < r.length / 2; i++) {
                Coordinate t = r[i];
                r[i] = r[r.length - 1 - i];
                r[r.length - 1 - i] = t;
            }
            return r;
        }
        return c;
    }

    private static ByteBuffer nullShape() {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0);
    }

    @Override
    public void close() throws IOException {
        shpOut.close();
        shxOut.close();
        header(shp, words);
        header(shx, 50 + 4L * count);
    }

    private void header(Path file, long lengthWords) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(100);
        h.order(ByteOrder.BIG_ENDIAN).putInt(9994).position(24);
        h.putInt((int) lengthWords);
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(type);
        boolean empty = extent.isNull();
        h.putDouble(empty ? 0 : extent.getMinX()).putDouble(empty ? 0 : extent.getMinY());
        h.putDouble(empty ? 0 : extent.getMaxX()).putDouble(empty ? 0 : extent.getMaxY());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(h.array());
        }
    }
}
