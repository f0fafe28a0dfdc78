package org.frontline.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.frontline.testsupport.PostgisServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Growth curve (issue 12): with {@code -Dsizes=250000,500000,1000000,2000000} the table is filled in steps and at
 * each size the slider query, the map's density query (month and all windows at zoom 8 and 12) and the bytes on
 * the wire (gzip) are measured; the export runs at the last size only.
 * Issue 2's benchmark: 1,000,000 events over two years across north-west Syria plus 10,000 area versions
 * in PostGIS; the time-slider query (one-week window, a viewport of ~2,000 events) through the app vs. the
 * raw SQL that builds the same FeatureCollection in the database; and the full export's memory.
 * Run: bench/store.sh
 */
public final class StoreBench {
    static final int EVENTS = Integer.getInteger("events", 1_000_000);
    static final int AREAS = 10_000;
    static final int REQUESTS = Integer.getInteger("requests", 240);
    static final int WARMUP = Integer.getInteger("warmup", 40);
    // North-west Syria: the generated events fall in this box.
    static final double MIN_LON = 35.7, MIN_LAT = 34.8, MAX_LON = 38.0, MAX_LAT = 36.8;

    public static void main(String[] args) throws Exception {
        PostgisServer pg = PostgisServer.require();
        String url = pg.newDatabase();
        ConfigurableApplicationContext app = BenchApp.onPostgis(pg, url);
        int port = BenchApp.port(app);
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
            String sizes = System.getProperty("sizes", String.valueOf(EVENTS));
            int have = 0;
            for (String size : sizes.split(",")) {
                int target = Integer.parseInt(size.strip());
                long t0 = System.nanoTime();
                generate(c, have, target - have);
                have = target;
                System.out.printf(
                        "%n=== %,d events (+%,d area versions), generated in %.1f s%n",
                        have, AREAS, (System.nanoTime() - t0) / 1e9);
                sliderQuery(c, port);
                DensityBench.run(port, have);
            }
            if (Boolean.parseBoolean(System.getProperty("export", "true"))) {
                export(port);
            }
        } catch (Throwable t) {
            t.printStackTrace();
            app.close();
            System.exit(1);
        }
        app.close();
        System.exit(0);
    }

    /** The layers, the area versions and {@code -Devents} events (other benches build on this data set). */
    static void generate(Connection c) throws Exception {
        generate(c, 0, EVENTS);
    }

    /** Adds {@code count} events numbered after {@code first}; the layers and areas come with the first call. */
    static void generate(Connection c, int first, int count) throws Exception {
        try (Statement s = c.createStatement()) {
            if (first == 0) {
                s.execute("INSERT INTO layer (id, title, kind) VALUES ('events', 'Events', 'event'), "
                        + "('control', 'Control', 'area')");
                generateAreas(s);
            }
            s.execute("""
                INSERT INTO feature_version (feature_id, layer_id, geom, props, valid_from, valid_to, recorded_at,
                    recorded_by, source_publisher, confidence, geo_precision, time_precision)
                SELECT 'ev-' || i, 'events',
                       ST_SetSRID(ST_MakePoint(%f + random() * %f, %f + random() * %f), 4326),
                       jsonb_build_object('title', 'Generated event ' || i, 'eventType', 'Explosions/Remote violence',
                                          'fatalities', (random() * 5)::int),
                       d, d + interval '1 day', d + interval '2 days', 'bench', 'Generated', 'medium', 'exact', 'day'
                FROM (SELECT i, timestamptz '2018-06-01 00:00Z' + ((random() * 730)::int) * interval '1 day' AS d
                      FROM generate_series(%d, %d) i) g
                """.formatted(MIN_LON, MAX_LON - MIN_LON, MIN_LAT, MAX_LAT - MIN_LAT, first + 1, first + count));
            s.execute("VACUUM ANALYZE feature_version");
        }
    }

    static void generateAreas(Statement s) throws Exception {
        {
            s.execute("""
                INSERT INTO feature_version (feature_id, layer_id, geom, props, valid_from, valid_to, recorded_at,
                    recorded_by, source_publisher, confidence, geo_precision, time_precision)
                SELECT 'area-' || (i %% 100), 'control',
                       ST_Buffer(ST_SetSRID(ST_MakePoint(%f + (i %% 100) * 0.02, %f + (i %% 100) * 0.015), 4326), 0.05, 8),
                       jsonb_build_object('party', CASE WHEN i %% 2 = 0 THEN 'government' ELSE 'opposition' END),
                       timestamptz '2018-06-01 00:00Z' + (i / 100) * interval '7 days',
                       timestamptz '2018-06-01 00:00Z' + (i / 100 + 1) * interval '7 days',
                       now(), 'bench', 'Generated', 'medium', 'exact', 'day'
                FROM generate_series(0, %d) i
                """.formatted(MIN_LON, MIN_LAT, AREAS - 1));
        }
    }

    record Window(LocalDate from, double lon, double lat) {
        String bbox() {
            return String.format("%.4f,%.4f,%.4f,%.4f", lon, lat, lon + 1.05, lat + 0.95);
        }

        /** The map's request for this window and viewport. */
        String path() {
            return "/api/layers/events/features?from=" + from + "&to=" + from.plusDays(6) + "&bbox=" + bbox();
        }
    }

    /** Twenty one-week windows with a viewport of ~2,000 events at 1M (the same in every run). */
    static List<Window> windows() {
        Random rnd = new Random(42);
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // Rounded as in the URL, so the app and the raw SQL get the same box.
            double lon = Math.round((MIN_LON + rnd.nextDouble() * (MAX_LON - MIN_LON - 1.05)) * 1e4) / 1e4;
            double lat = Math.round((MIN_LAT + rnd.nextDouble() * (MAX_LAT - MIN_LAT - 0.95)) * 1e4) / 1e4;
            windows.add(new Window(LocalDate.of(2018, 7, 1).plusDays(rnd.nextInt(650)), lon, lat));
        }
        return windows;
    }

    static void sliderQuery(Connection c, int port) throws Exception {
        List<Window> windows = windows();
        HttpClient http = HttpClient.newHttpClient();
        String rawSql = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                'type', 'Feature', 'id', feature_id, 'geometry', ST_AsGeoJSON(geom)::json,
                'properties', jsonb_build_object('layer', layer_id, 'validFrom', valid_from, 'validTo', valid_to,
                    'sourcePublisher', source_publisher, 'sourceUrl', source_url, 'sourceDate', source_date,
                    'confidence', confidence, 'geoPrecision', geo_precision, 'timePrecision', time_precision,
                    'versionId', version_id, 'recordedAt', recorded_at, 'recordedBy', recorded_by) || props)), '[]'))::text
            FROM feature_version
            WHERE layer_id = 'events' AND superseded_at IS NULL
              AND tstzrange(valid_from, valid_to) && tstzrange(?, ?)
              AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)
            """;
        long features = 0;
        double[] appMs = new double[REQUESTS];
        double[] sqlMs = new double[REQUESTS];
        try (PreparedStatement ps = c.prepareStatement(rawSql)) {
            for (int i = -WARMUP; i < REQUESTS; i++) {
                Window w = windows.get(Math.floorMod(i, windows.size()));
                String path = w.path();
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.body());
                }
                ps.setObject(1, w.from().atStartOfDay().atOffset(ZoneOffset.UTC));
                ps.setObject(2, w.from().plusDays(7).atStartOfDay().atOffset(ZoneOffset.UTC));
                ps.setDouble(3, w.lon());
                ps.setDouble(4, w.lat());
                ps.setDouble(5, Math.round((w.lon() + 1.05) * 1e4) / 1e4);
                ps.setDouble(6, Math.round((w.lat() + 0.95) * 1e4) / 1e4);
                long t2 = System.nanoTime();
                String raw;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    raw = rs.getString(1);
                }
                long t3 = System.nanoTime();
                if (i >= 0) {
                    appMs[i] = (t1 - t0) / 1e6;
                    sqlMs[i] = (t3 - t2) / 1e6;
                    features += count(r.body());
                    if (i < windows.size() && count(r.body()) != count(raw)) {
                        String b = r.body();
                        throw new IllegalStateException(
                                "app and raw SQL disagree for " + path + ": " + count(b) + " vs " + count(raw)
                                        + "; app body ends with " + b.substring(Math.max(0, b.length() - 300)));
                    }
                }
            }
        }
        Stats app = new Stats(appMs);
        Stats sql = new Stats(sqlMs);
        System.out.printf(
                "slider query, one-week window + viewport, mean %.0f features per answer:%n",
                features / (double) REQUESTS);
        System.out.println("  app (HTTP GET, full body): " + app);
        System.out.println("  raw SQL (JDBC, same FeatureCollection built in PostGIS): " + sql);
        System.out.printf("  ratio app/raw SQL (medians): %.2f%n", app.median() / sql.median());
    }

    static long count(String fc) {
        long n = 0;
        for (int i = fc.indexOf("\"Feature\""); i >= 0; i = fc.indexOf("\"Feature\"", i + 1)) {
            n++;
        }
        return n;
    }

    /** Exports everything while sampling the heap: the peak must not grow with the number of features. */
    static void export(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (String range : List.of("from=2019-06-01&to=2019-06-30", "from=2018-06-01&to=2019-05-31", "")) {
            System.gc();
            long base = mem.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(base);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            long t0 = System.nanoTime();
            HttpResponse<InputStream> r = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + "/api/export/events.geojson?" + range))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            long features = 0;
            byte[] buf = new byte[1 << 16];
            byte[] marker = "\"Feature\"".getBytes();
            int match = 0;
            try (InputStream in = r.body()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    bytes += n;
                    for (int k = 0; k < n; k++) {
                        match = buf[k] == marker[match] ? match + 1 : (buf[k] == marker[0] ? 1 : 0);
                        if (match == marker.length) {
                            features++;
                            match = 0;
                        }
                    }
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            sampler.interrupt();
            sampler.join();
            System.out.printf(
                    "export %-32s %,10d features, %,6d MB in %5.1f s; heap used before %,4d MB, peak %,4d MB (max heap %,d MB)%n",
                    range.isEmpty() ? "(everything)" : range,
                    features,
                    bytes >> 20,
                    secs,
                    base >> 20,
                    peak.get() >> 20,
                    mem.getHeapMemoryUsage().getMax() >> 20);
        }
    }
}
