package org.frontline.layers.internal;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * A rectangle of cells of the daily cell table (columns c0..c1, rows r0..r1, inclusive): the cells a box
 * touches, or those wholly inside it, and the strips of the box around the latter. Cells are
 * {@link #CELL} degrees anchored at (-180, -90), as in db/&lt;database&gt;/V90 and the map's density grid at zoom 10.
 */
record CellBlock(long c0, long c1, long r0, long r1) {
    /** 90/1024 degrees: the density cell at zoom 10 (db/postgresql/V90 and db/sqlite/V90 use the same number). */
    static final double CELL = 90.0 / 1024;

    /** Every cell the closed box touches. */
    static CellBlock touching(Envelope box) {
        return new CellBlock(column(box.getMinX()), column(box.getMaxX()), row(box.getMinY()), row(box.getMaxY()));
    }

    /**
     * The cells wholly inside the closed box (possibly none: then {@link #isEmpty()}). A cell is half-open, so the
     * one that starts on the box's right or top edge is not inside it.
     */
    static CellBlock inside(Envelope box) {
        return inside(box, CELL);
    }

    /** The same on a grid of {@code cell} degrees anchored at (-180, -90) (the roll-ups' finer cells). */
    static CellBlock inside(Envelope box, double cell) {
        return new CellBlock(
                (long) Math.ceil((box.getMinX() + 180) / cell),
                (long) Math.floor((box.getMaxX() + 180) / cell) - 1,
                (long) Math.ceil((box.getMinY() + 90) / cell),
                (long) Math.floor((box.getMaxY() + 90) / cell) - 1);
    }

    static long column(double lon) {
        return (long) Math.floor((lon + 180) / CELL);
    }

    static long row(double lat) {
        return (long) Math.floor((lat + 90) / CELL);
    }

    private static double edgeX(long column) {
        return column * CELL - 180;
    }

    private static double edgeY(long row) {
        return row * CELL - 90;
    }

    /** The block's area in square degrees. */
    double area() {
        return (c1 - c0 + 1) * CELL * (r1 - r0 + 1) * CELL;
    }

    boolean isEmpty() {
        return c0 > c1 || r0 > r1;
    }

    /**
     * The parts of the closed box outside this block, as closed boxes that share no point with the block or with
     * each other: left and right at full height, bottom and top between them. A point on the block's lower or
     * left edge belongs to the block (its cells are half-open), so the strips stop one double below it.
     */
    List<Envelope> stripsAround(Envelope box) {
        double x0 = edgeX(c0);
        double x1 = edgeX(c1 + 1);
        double y0 = edgeY(r0);
        double y1 = edgeY(r1 + 1);
        List<Envelope> strips = new ArrayList<>(4);
        add(strips, box.getMinX(), Math.nextDown(x0), box.getMinY(), box.getMaxY());
        add(strips, x1, box.getMaxX(), box.getMinY(), box.getMaxY());
        add(strips, x0, Math.nextDown(x1), box.getMinY(), Math.nextDown(y0));
        add(strips, x0, Math.nextDown(x1), y1, box.getMaxY());
        return strips;
    }

    private static void add(List<Envelope> strips, double minX, double maxX, double minY, double maxY) {
        if (minX <= maxX && minY <= maxY) {
            strips.add(new Envelope(minX, maxX, minY, maxY));
        }
    }
}
