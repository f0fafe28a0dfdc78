package org.frontline.analysis.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.geo.GeodesicProjection;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The areas each party holds at one date (lon/lat), indexed once so that many points can be judged
 * quickly: a point-in-area locator per party and a tree of boundary segments.
 */
public final class ControlAreas {

    private final Map<String, Party> parties = new LinkedHashMap<>();

    public ControlAreas(Map<String, Geometry> byParty) {
        byParty.forEach((name, g) -> parties.put(name, new Party(g)));
    }

    public Map<String, Party> parties() {
        return Collections.unmodifiableMap(parties);
    }

    /** The party whose area holds the coordinate (interior first, then boundary), or null. */
    public String holderOf(Coordinate c) {
        String onBoundary = null;
        for (Map.Entry<String, Party> e : parties.entrySet()) {
            int loc = e.getValue().locator().locate(c);
            if (loc == Location.INTERIOR) {
                return e.getKey();
            }
            if (loc == Location.BOUNDARY && onBoundary == null) {
                onBoundary = e.getKey();
            }
        }
        return onBoundary;
    }

    /** One party's area with its indexes. */
    public static final class Party {
        private final Geometry area;
        private final IndexedPointInAreaLocator locator;
        private final STRtree segments = new STRtree();

        Party(Geometry area) {
            this.area = area;
            this.locator = new IndexedPointInAreaLocator(area);
            for (int i = 0; i < area.getNumGeometries(); i++) {
                if (area.getGeometryN(i) instanceof Polygon p) {
                    index(p.getExteriorRing().getCoordinates());
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        index(p.getInteriorRingN(h).getCoordinates());
                    }
                }
            }
            segments.build();
        }

        private void index(Coordinate[] ring) {
            for (int i = 1; i < ring.length; i++) {
                LineSegment s = new LineSegment(ring[i - 1], ring[i]);
                segments.insert(new Envelope(ring[i - 1], ring[i]), s);
            }
        }

        public Geometry area() {
            return area;
        }

        IndexedPointInAreaLocator locator() {
            return locator;
        }

        /** Boundary segments touching the box, projected: {x0, y0, x1, y1} in metres. */
        void segmentsIn(Envelope box, GeodesicProjection proj, List<double[]> out) {
            // neighbouring segments share their vertex objects: project each vertex once
            Map<Coordinate, double[]> projected = new IdentityHashMap<>();
            for (Object o : segments.query(box)) {
                LineSegment s = (LineSegment) o;
                double[] a = projected.computeIfAbsent(s.p0, c -> project(proj, c));
                double[] b = projected.computeIfAbsent(s.p1, c -> project(proj, c));
                out.add(new double[] {a[0], a[1], b[0], b[1]});
            }
        }

        private static double[] project(GeodesicProjection proj, Coordinate c) {
            Coordinate m = new Coordinate();
            proj.forward(c.x, c.y, m);
            return new double[] {m.x, m.y};
        }
    }
}
