package org.frontline.layers.internal;

import org.frontline.web.BadInputException;
import org.locationtech.jts.geom.Envelope;

/**
 * The grid events are counted on at a map zoom: square cells of a quarter of a 256-pixel web-map tile's width
 * (about 64 pixels on screen), anchored at (-180, -90) so that a cell is the same cell whatever box is asked.
 */
record DensityGrid(int zoom, double cell) {
    static final int MAX_ZOOM = 20;
    /** A box may span at most this many cells each way: more could not be drawn anyway. */
    static final int MAX_CELLS_ACROSS = 256;

    static DensityGrid at(String zoom) {
        if (zoom == null || zoom.isBlank()) {
            throw new BadInputException("zoom is missing (a whole number from 0 to " + MAX_ZOOM + ")");
        }
        int z;
        try {
            z = Integer.parseInt(zoom.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("zoom must be a whole number from 0 to " + MAX_ZOOM + ", got '" + zoom + "'");
        }
        if (z < 0 || z > MAX_ZOOM) {
            throw new BadInputException("zoom must lie between 0 and " + MAX_ZOOM + ", got " + z);
        }
        return new DensityGrid(z, 360.0 / (1L << z) / 4);
    }

    long column(double lon) {
        return (long) Math.floor((lon + 180) / cell);
    }

    long row(double lat) {
        return (long) Math.floor((lat + 90) / cell);
    }

    /** The box grown outward to whole cells; refused when it spans more cells than a map can show. */
    Envelope snap(Envelope box) {
        long c0 = column(box.getMinX());
        long r0 = row(box.getMinY());
        long c1 = (long) Math.ceil((box.getMaxX() + 180) / cell);
        long r1 = (long) Math.ceil((box.getMaxY() + 90) / cell);
        if (c1 - c0 > MAX_CELLS_ACROSS || r1 - r0 > MAX_CELLS_ACROSS) {
            throw new BadInputException("bbox spans " + (c1 - c0) + " × " + (r1 - r0) + " cells at zoom " + zoom
                    + "; at most " + MAX_CELLS_ACROSS + " each way: ask a smaller box or a lower zoom");
        }
        return new Envelope(
                Math.max(-180, c0 * cell - 180),
                Math.min(180, c1 * cell - 180),
                Math.max(-90, r0 * cell - 90),
                Math.min(90, r1 * cell - 90));
    }

    /** Bounds of a cell as [minLon, minLat, maxLon, maxLat]. */
    double[] bounds(long column, long row) {
        return new double[] {column * cell - 180, row * cell - 90, (column + 1) * cell - 180, (row + 1) * cell - 90};
    }
}
