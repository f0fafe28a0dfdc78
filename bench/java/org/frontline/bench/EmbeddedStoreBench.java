package org.frontline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.frontline.FrontlineApplication;
import org.frontline.bench.StoreBench.Window;
import org.frontline.database.internal.SqliteTime;
import org.frontline.testsupport.PostgisServer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 15/12 benchmark of the embedded SQLite store: the time-slider query of StoreBench (one-week window,
 * viewport of ~2,000 events at 1M, through the app over HTTP) as the events table grows (growth curve), and
 * import speed (one POST of 10,000 features). With {@code -Dpostgis=true} the same requests run against PostGIS
 * with 1M events in the same run, for ratios. Run: bench/embedded.sh
 */
public final class EmbeddedStoreBench {
    static final int REQUESTS = Integer.getInteger("requests", 120);
    static final int WARMUP = 20;
    static final String PASSWORD = "bench-admin-password";

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String s :
                System.getProperty("sizes", "100000,250000,500000,1000000").split(",")) {
            sizes.add(Integer.parseInt(s.strip()));
        }
        Path dir = Files.createTempDirectory("frontline-bench-");
        String url = "jdbc:sqlite:" + dir.resolve("bench.db");
        ConfigurableApplicationContext app = start("--spring.datasource.url=" + url);
        int port = port(app);
        double sqliteAt1m = Double.NaN;
        double sqliteImport;
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=60000");
                s.execute("INSERT INTO layer (id, title, kind) VALUES ('events', 'Events', 'event')");
            }
            int have = 0;
            for (int size : sizes) {
                long t0 = System.nanoTime();
                generate(c, have, size);
                have = size;
                System.out.printf(
                        "SQLite: %,d events (generated in %.1f s, file %,d MB)%n",
                        size, (System.nanoTime() - t0) / 1e9, Files.size(dir.resolve("bench.db")) >> 20);
                Stats st = slider(port);
                System.out.println("  slider query (HTTP, full body): " + st);
                if (size == 1_000_000) {
                    sqliteAt1m = st.median();
                }
            }
            sqliteImport = importSpeed(port, "SQLite");
        } finally {
            app.close();
        }
        if (Boolean.getBoolean("postgis")) {
            PostgisServer pg = PostgisServer.require();
            String pgUrl = pg.newDatabase();
            ConfigurableApplicationContext pgApp = start(
                    "--spring.datasource.url=" + pgUrl,
                    "--spring.datasource.username=" + pg.user(),
                    "--spring.datasource.password=" + pg.password());
            try (Connection c = DriverManager.getConnection(pgUrl, pg.user(), pg.password())) {
                StoreBench.generate(c); // 1M events (-Devents), 10k area versions
                Stats st = slider(port(pgApp));
                System.out.printf("PostGIS: %,d events%n  slider query (HTTP, full body): %s%n", StoreBench.EVENTS, st);
                double pgImport = importSpeed(port(pgApp), "PostGIS");
                System.out.printf(
                        "ratio SQLite/PostGIS at 1M, slider median: %.2f; import speed: %.2f%n",
                        sqliteAt1m / st.median(), sqliteImport / pgImport);
            } finally {
                pgApp.close();
            }
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--server.port=0",
                "--frontline.demo.load=false",
                "--frontline.security.anonymous-read=true",
                "--frontline.security.admin-password=" + PASSWORD,
                "--logging.level.root=WARN"));
        return SpringApplication.run(FrontlineApplication.class, all.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** Adds events {@code from}..{@code to} as StoreBench generates them in PostGIS (same box, days, properties). */
    static void generate(Connection c, int from, int to) throws Exception {
        Random rnd = new Random(from);
        GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
        WKBWriter wkb = new WKBWriter(2);
        Instant start = Instant.parse("2018-06-01T00:00:00Z");
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO feature_version (feature_id, layer_id, geom, "
                + "min_x, min_y, max_x, max_y, props, valid_from, valid_to, recorded_at, recorded_by, source_publisher, "
                + "confidence, geo_precision, time_precision) VALUES (?, 'events', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', "
                + "'Generated', 'medium', 'exact', 'day')")) {
            for (int i = from + 1; i <= to; i++) {
                double lon = StoreBench.MIN_LON + rnd.nextDouble() * (StoreBench.MAX_LON - StoreBench.MIN_LON);
                double lat = StoreBench.MIN_LAT + rnd.nextDouble() * (StoreBench.MAX_LAT - StoreBench.MIN_LAT);
                Point p = gf.createPoint(new Coordinate(lon, lat));
                Instant d = start.plusSeconds(86_400L * rnd.nextInt(731));
                ps.setString(1, "ev-" + i);
                ps.setBytes(2, wkb.write(p));
                ps.setDouble(3, lon);
                ps.setDouble(4, lat);
                ps.setDouble(5, lon);
                ps.setDouble(6, lat);
                ps.setString(
                        7,
                        "{\"title\":\"Generated event " + i + "\",\"eventType\":\"Explosions/Remote violence\","
                                + "\"fatalities\":" + rnd.nextInt(6) + "}");
                ps.setString(8, SqliteTime.text(d));
                ps.setString(9, SqliteTime.text(d.plusSeconds(86_400)));
                ps.setString(10, SqliteTime.text(d.plusSeconds(2 * 86_400)));
                ps.addBatch();
                if (i % 10_000 == 0) {
                    ps.executeBatch();
                }
                if (i % 100_000 == 0) {
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /** The slider query over StoreBench's windows, through the app. */
    static Stats slider(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Window> windows = StoreBench.windows();
        double[] ms = new double[REQUESTS];
        long features = 0;
        for (int i = -WARMUP; i < REQUESTS; i++) {
            Window w = windows.get(Math.floorMod(i, windows.size()));
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + w.path()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.body());
            }
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
                features += StoreBench.count(r.body());
            }
        }
        System.out.printf("  mean %.0f features per answer%n", features / (double) REQUESTS);
        return new Stats(ms);
    }

    /** Features per second of three POSTs of 10,000 point features each (median), into a layer of its own. */
    static double importSpeed(int port, String engine) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes());
        double[] rates = new double[3];
        Random rnd = new Random(7);
        for (int round = 0; round < rates.length; round++) {
            StringBuilder body = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
            for (int i = 0; i < 10_000; i++) {
                body.append(i == 0 ? "" : ",")
                        .append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\"," + "\"coordinates\":[")
                        .append(36 + rnd.nextDouble())
                        .append(',')
                        .append(35.5 + rnd.nextDouble())
                        .append("]},\"properties\":{\"title\":\"Imported ")
                        .append(i)
                        .append("\",\"validFrom\":\"2019-0")
                        .append(1 + rnd.nextInt(9))
                        .append("-1")
                        .append(rnd.nextInt(10))
                        .append("\",\"sourcePublisher\":\"bench\",\"fatalities\":")
                        .append(rnd.nextInt(5))
                        .append("}}");
            }
            body.append("]}");
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/layers/events/features"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/geo+json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            double secs = (System.nanoTime() - t0) / 1e9;
            if (r.statusCode() != 201) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            rates[round] = 10_000 / secs;
        }
        Stats s = new Stats(rates);
        System.out.printf(
                "%s import, one POST of 10,000 features: median %.0f features/s (%s)%n", engine, s.median(), s);
        return s.median();
    }
}
