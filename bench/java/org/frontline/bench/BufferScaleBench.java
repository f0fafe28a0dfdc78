package org.frontline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.frontline.analysis.internal.GeodesicBuffer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Issue 15: a 10 km buffer of a MultiPoint of n random points in a 100 km square (Idlib), for n = 800 and 10,000
 * (and the sizes given as -Dsizes=...). Each size gives up after -Dlimit seconds (default 150).
 * Usage: bench/buffer.sh
 */
public final class BufferScaleBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        String[] sizes = System.getProperty("sizes", "800,10000").split(",");
        long limit = Long.getLong("limit", 150);
        GeometryFactory gf = new GeometryFactory();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        for (String s : sizes) {
            int n = Integer.parseInt(s.strip());
            Random rnd = new Random(15);
            Point[] pts = new Point[n];
            for (int i = 0; i < n; i++) {
                pts[i] = gf.createPoint(new Coordinate(36.1 + rnd.nextDouble(), 35.5 + rnd.nextDouble() * 0.9));
            }
            Geometry mp = gf.createMultiPoint(pts);
            long t0 = System.nanoTime();
            long[] cpu = new long[1];
            Future<Geometry> f = pool.submit(() -> {
                long c0 = THREADS.getCurrentThreadCpuTime();
                Geometry zone = GeodesicBuffer.buffer(mp, 10);
                cpu[0] = THREADS.getCurrentThreadCpuTime() - c0;
                return zone;
            });
            try {
                Geometry zone = f.get(limit, TimeUnit.SECONDS);
                // CPU time of the buffering thread: comparable on a loaded machine, where wall time is not
                System.out.printf(
                        "n=%d: %.2f s wall, %.2f s CPU, %d vertices in the zone%n",
                        n, (System.nanoTime() - t0) / 1e9, cpu[0] / 1e9, zone.getNumPoints());
            } catch (TimeoutException e) {
                f.cancel(true);
                System.out.printf("n=%d: gave up after %d s%n", n, limit);
            }
        }
    }
}
