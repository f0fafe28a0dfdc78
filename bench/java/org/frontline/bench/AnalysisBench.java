package org.frontline.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.frontline.analysis.internal.AreaChange;
import org.frontline.analysis.internal.ControlAreas;
import org.frontline.analysis.internal.Encirclement;
import org.frontline.analysis.internal.FrontLineDeriver;
import org.frontline.analysis.internal.GeodesicBuffer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Issue 5 benchmark, on synthetic data generated here (seeded, so every run sees the same shapes):
 * <ol>
 * <li>change between two dates on control areas of 10,000 vertices per date (opposition pocket of 5,000
 * vertices + the government area around it with the same boundary as a hole), target ≤ 500 ms;</li>
 * <li>a 20 km buffer (both sides) of a 200 km line with a vertex every km, target ≤ 100 ms;</li>
 * <li>encirclement status of 12 posts at one date (corridors narrower than 5 km threaten), indexing the date's areas
 * included, target ≤ 50 ms.</li>
 * </ol>
 * Medians and p95 over {@code -Druns} (default 30) runs after {@code -Dwarmup} (default 10) warm-up runs.
 */
public final class AnalysisBench {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Envelope REGION = new Envelope(35.5, 37.6, 34.85, 36.37);

    public static void main(String[] args) {
        int runs = Integer.getInteger("runs", 30);
        int warmup = Integer.getInteger("warmup", 10);
        int pocketVertices = Integer.getInteger("vertices", 5000);

        Map<String, Geometry> before = parties(pocket(pocketVertices, 0.0, 7));
        Map<String, Geometry> after = parties(pocket(pocketVertices, 0.12, 7)); // an offensive bites into the south
        int vertices = before.values().stream().mapToInt(Geometry::getNumPoints).sum();
        LineString line = geodesicLine(36.0, 35.2, 35, 200, 1);
        List<Coordinate> posts = postsNearTheFront(before.get("opposition"), 12, 11);

        System.out.printf(
                "AnalysisBench: %d runs after %d warm-up; control areas %d vertices per date, line %d vertices%n",
                runs, warmup, vertices, line.getNumPoints());
        report(
                "change between two dates (10k vertices)",
                500,
                time(runs, warmup, () -> AreaChange.between(before, after, 0)));
        report("20 km buffer of a 200 km line", 100, time(runs, warmup, () -> GeodesicBuffer.buffer(line, 20)));
        report("encirclement of 12 posts at one date", 50, time(runs, warmup, () -> {
            Encirclement judge = new Encirclement(new ControlAreas(after), 5);
            List<Encirclement.Result> out = new ArrayList<>();
            for (Coordinate p : posts) {
                out.add(judge.assess(p.x, p.y, "opposition"));
            }
            return out;
        }));
        report(
                "(info) front line at one date (10k vertices)",
                Double.NaN,
                time(
                        runs,
                        warmup,
                        () -> FrontLineDeriver.derive(after.get("government"), after.get("opposition"), 0.5)));
    }

    /** A wobbly opposition pocket inside the region; {@code bite} pulls its southern half in (degrees). */
    static Polygon pocket(int n, double bite, long seed) {
        Random rnd = new Random(seed);
        double cx = 36.55;
        double cy = 35.65;
        Coordinate[] ring = new Coordinate[n + 1];
        double phase = rnd.nextDouble() * Math.PI;
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = 0.45 + 0.06 * Math.sin(7 * a + phase) + 0.02 * Math.sin(31 * a) + 0.004 * rnd.nextDouble();
            if (Math.sin(a) < 0) {
                r -= bite * -Math.sin(a);
            }
            ring[i] = new Coordinate(cx + r * Math.cos(a) * 1.2, cy + r * Math.sin(a));
        }
        ring[n] = ring[0];
        return GF.createPolygon(ring);
    }

    static Map<String, Geometry> parties(Polygon opposition) {
        Map<String, Geometry> m = new LinkedHashMap<>();
        m.put("government", GF.toGeometry(REGION).difference(opposition));
        m.put("opposition", opposition);
        return m;
    }

    /** Posts a few km inside the pocket's boundary, spread around it. */
    static List<Coordinate> postsNearTheFront(Geometry pocket, int count, long seed) {
        Random rnd = new Random(seed);
        Coordinate[] ring = pocket.getCoordinates();
        Coordinate c = pocket.getCentroid().getCoordinate();
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Coordinate b = ring[(int) ((i + rnd.nextDouble()) * (ring.length - 1) / count)];
            double f = 0.9 + 0.08 * rnd.nextDouble(); // 2–10% of the way in from the boundary
            out.add(new Coordinate(c.x + (b.x - c.x) * f, c.y + (b.y - c.y) * f));
        }
        return out;
    }

    static LineString geodesicLine(double lon, double lat, double azimuth, double lengthKm, double stepKm) {
        List<Coordinate> cs = new ArrayList<>();
        for (double s = 0; s <= lengthKm + 1e-9; s += stepKm) {
            GeodesicData d = Geodesic.WGS84.Direct(lat, lon, azimuth, s * 1000);
            cs.add(new Coordinate(d.lon2, d.lat2));
        }
        return GF.createLineString(cs.toArray(Coordinate[]::new));
    }

    static double[] time(int runs, int warmup, Supplier<?> work) {
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            sink = work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        Arrays.sort(ms);
        return ms;
    }

    static void report(String what, double targetMs, double[] sorted) {
        double median = sorted[sorted.length / 2];
        double p95 = sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
        String verdict = Double.isNaN(targetMs)
                ? ""
                : String.format("target %4.0f ms  %s", targetMs, median <= targetMs ? "OK" : "OVER");
        System.out.printf("  %-45s median %8.2f ms   p95 %8.2f ms   %s%n", what, median, p95, verdict);
    }
}
