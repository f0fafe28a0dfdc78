package org.frontline.analysis.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.geo.GeodesicProjection;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Is a point (an observation post) cut off? From the point, rays are cast on evenly spaced bearings out to
 * radius R (as geodesics: in the azimuthal equidistant plane centred on the point they are straight). Along
 * each ray the ground is friendly (the post's side), opposing (any other party) or nobody's. A bearing is
 * <b>cut</b> when, walking out from the post, opposing territory is reached within R before friendly
 * territory is — the friendly ground the post itself stands on does not count as "reaching" it, so a post in
 * a small friendly enclave is cut, and a post standing on opposing ground (behind the other side's lines) is
 * cut on every bearing. Crossing nobody's ground and then reaching friendly ground leaves a bearing open.
 * Stretches shorter than {@link #MIN_RUN_KM} along a ray are ignored so that slivers between hand-drawn
 * polygons do not count.
 *
 * <p>Status from the share of cut bearings: {@code open} below {@link #CONTESTED_FROM} (25%),
 * {@code surrounded} from {@link #SURROUNDED_FROM} (90%), {@code contested} in between.
 */
public final class Encirclement {

    public static final double CONTESTED_FROM = 0.25;
    public static final double SURROUNDED_FROM = 0.90;
    public static final double MIN_RUN_KM = 0.2;

    public enum Status {
        OPEN, CONTESTED, SURROUNDED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(double cutShare) {
            return cutShare >= SURROUNDED_FROM ? SURROUNDED : cutShare >= CONTESTED_FROM ? CONTESTED : OPEN;
        }
    }

    /** heldBy: the party whose area holds the point (null: nobody's); friendly: the side judged. */
    public record Result(String heldBy, String friendly, double cutShare, Status status, int bearings, double radiusKm) {
    }

    private Encirclement() {
    }

    /** Judges the point at (lon, lat); {@code friendly} null means the party that holds the point. */
    public static Result assess(ControlAreas areas, double lon, double lat, String friendly, double radiusKm, int bearings) {
        if (!(radiusKm > 0) || bearings < 4) {
            throw new IllegalArgumentException("need radiusKm > 0 and at least 4 bearings");
        }
        Coordinate here = new Coordinate(lon, lat);
        String heldBy = areas.holderOf(here);
        String side = friendly != null ? friendly : heldBy;
        if (side == null) { // nobody's ground and no side given: nothing can be friendly
            side = "";
        }
        double r = radiusKm * 1000;
        GeodesicProjection proj = new GeodesicProjection(lon, lat);
        Envelope box = boxAround(lon, lat, radiusKm);
        List<double[]> friendlySegs = new ArrayList<>();
        List<double[]> opposingSegs = new ArrayList<>();
        List<IndexedPointInAreaLocator> friendlyLoc = new ArrayList<>();
        List<IndexedPointInAreaLocator> opposingLoc = new ArrayList<>();
        for (Map.Entry<String, ControlAreas.Party> e : areas.parties().entrySet()) {
            boolean mine = e.getKey().equals(side);
            e.getValue().segmentsIn(box, proj, mine ? friendlySegs : opposingSegs);
            (mine ? friendlyLoc : opposingLoc).add(e.getValue().locator());
        }
        int cut = 0;
        Coordinate probe = new Coordinate();
        for (int k = 0; k < bearings; k++) {
            double theta = 2 * Math.PI * k / bearings;
            double dx = Math.sin(theta);
            double dy = Math.cos(theta);
            // the state just off the point along this ray (a point exactly on a border takes its ray's side)
            proj.inverse(dx, dy, probe);
            boolean inF = inside(friendlyLoc, probe);
            boolean inO = inside(opposingLoc, probe);
            if (isCut(crossings(friendlySegs, dx, dy, r), inF, crossings(opposingSegs, dx, dy, r), inO, r)) {
                cut++;
            }
        }
        double share = (double) cut / bearings;
        return new Result(heldBy, side.isEmpty() ? null : side, share, Status.of(share), bearings, radiusKm);
    }

    /**
     * Walks the ray's stretches outward (ignoring those shorter than {@link #MIN_RUN_KM}): cut at the first
     * opposing-only stretch, unless friendly ground is reached first after leaving the post's own ground.
     */
    static boolean isCut(double[] fCross, boolean inF, double[] oCross, boolean inO, double r) {
        int i = 0;
        int j = 0;
        double at = 0;
        boolean leftHome = false;
        double minRun = MIN_RUN_KM * 1000;
        while (at < r) {
            double next = Math.min(r, Math.min(i < fCross.length ? fCross[i] : r, j < oCross.length ? oCross[j] : r));
            boolean longEnough = next - at >= minRun;
            if (inO && !inF && longEnough) {
                return true; // opposing ground reached before friendly ground
            }
            if (inF && !inO && leftHome && (longEnough || next >= r)) {
                return false; // friendly ground reached again (however little of it lies inside R)
            }
            if (!inF && !inO && longEnough) {
                leftHome = true; // nobody's ground: what comes next decides
            }
            while (i < fCross.length && fCross[i] <= next) {
                inF = !inF;
                i++;
            }
            while (j < oCross.length && oCross[j] <= next) {
                inO = !inO;
                j++;
            }
            at = next;
        }
        return false;
    }

    /** Distances (m) along the ray (dx, dy) at which it crosses the given boundary segments, sorted. */
    private static double[] crossings(List<double[]> segs, double dx, double dy, double r) {
        double[] ts = new double[8];
        int n = 0;
        for (double[] s : segs) {
            double s1 = dx * s[1] - dy * s[0];
            double s2 = dx * s[3] - dy * s[2];
            if ((s1 > 0) == (s2 > 0)) { // half-open test: a ray through a vertex counts it exactly once
                continue;
            }
            double f = s1 / (s1 - s2);
            double x = s[0] + (s[2] - s[0]) * f;
            double y = s[1] + (s[3] - s[1]) * f;
            double t = dx * x + dy * y;
            if (t > 1 && t <= r) { // beyond the 1 m probe that gave the ray's starting state
                if (n == ts.length) {
                    ts = Arrays.copyOf(ts, n * 2);
                }
                ts[n++] = t;
            }
        }
        double[] out = Arrays.copyOf(ts, n);
        Arrays.sort(out);
        return out;
    }

    private static boolean inside(List<IndexedPointInAreaLocator> locs, Coordinate c) {
        for (IndexedPointInAreaLocator l : locs) {
            if (l.locate(c) != Location.EXTERIOR) {
                return true;
            }
        }
        return false;
    }

    /** A lon/lat box certainly holding the geodesic circle of the radius (with a 5% margin). */
    static Envelope boxAround(double lon, double lat, double radiusKm) {
        double dLat = radiusKm * 1.05 / 110.5;
        double dLon = radiusKm * 1.05 / (111.3 * Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(lat) + dLat)))));
        return new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat);
    }

    /** Convenience for callers with plain geometries per party. */
    public static ControlAreas areas(Map<String, Geometry> byParty) {
        return new ControlAreas(new LinkedHashMap<>(byParty));
    }
}
