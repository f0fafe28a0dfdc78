package org.frontline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.frontline.agreements.AgreementService;
import org.frontline.testsupport.PostgisServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 14's benchmark: breaches of one agreement over two years with 1,000,000 events in PostGIS (the events
 * of StoreBench), through the API (breach list and weekly counts) vs. the raw SQL spatial join counting the
 * same events in the database. The time bar's histogram is measured by HistogramBench. Run: bench/agreements.sh
 */
public final class AgreementBench {
    static final int REQUESTS = Integer.getInteger("requests", 15);

    public static void main(String[] args) throws Exception {
        PostgisServer pg = PostgisServer.require();
        String url = pg.newDatabase();
        ConfigurableApplicationContext app = BenchApp.onPostgis(pg, url);
        int port = BenchApp.port(app);
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
            if (alreadyGenerated(c)) {
                System.out.println("reusing the events, zone and agreement already in " + url);
            } else {
                generate(c, app);
            }
            String raw = """
                SELECT count(*) FROM feature_version e
                WHERE e.layer_id = 'events' AND e.superseded_at IS NULL
                  AND tstzrange(e.valid_from, e.valid_to) && tstzrange('2018-06-01', '2020-06-01')
                  AND e.valid_from >= '2018-06-01' AND e.valid_from < '2020-06-01'
                  AND e.props->>'eventType' = 'Explosions/Remote violence'
                  AND ST_Intersects(e.geom, (SELECT geom FROM feature_version WHERE feature_id = 'zone-1'))""";
            HttpClient http = HttpClient.newHttpClient();
            double[] list = new double[REQUESTS];
            double[] counts = new double[REQUESTS];
            double[] sql = new double[REQUESTS];
            double[] bitmap = new double[REQUESTS];
            long expected = -1;
            for (int i = -3; i < REQUESTS; i++) {
                long a = System.nanoTime();
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:" + port
                                                        + "/api/agreements/bench/breaches/counts?from=2018-06-01&to=2020-05-31&by=week"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long b = System.nanoTime();
                HttpResponse<String> l = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + "/api/agreements/bench/breaches?from=2018-06-01&to=2020-05-31"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long d = System.nanoTime();
                long n;
                try (PreparedStatement ps = c.prepareStatement(raw);
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
                long e = System.nanoTime();
                // the same count planned as a bitmap scan (each heap page read once), as the API's count is
                try (Statement s = c.createStatement()) {
                    s.execute("SET enable_indexscan = off");
                }
                long bn;
                try (PreparedStatement ps = c.prepareStatement(raw);
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    bn = rs.getLong(1);
                }
                long f = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.execute("RESET enable_indexscan");
                }
                if (bn != n) {
                    throw new IllegalStateException("bitmap plan counted " + bn + ", index plan " + n);
                }
                if (r.statusCode() != 200 || l.statusCode() != 200) {
                    throw new IllegalStateException(r.body() + l.body());
                }
                String total = r.body().replaceAll("(?s).*?\"total\":(\\d+).*", "$1");
                if (Long.parseLong(total) != n) {
                    throw new IllegalStateException("API counted " + total + " breaches, SQL " + n);
                }
                expected = n;
                if (i >= 0) {
                    counts[i] = (b - a) / 1e6;
                    list[i] = (d - b) / 1e6;
                    sql[i] = (e - d) / 1e6;
                    bitmap[i] = (f - e) / 1e6;
                }
            }
            Stats sc = new Stats(counts);
            Stats sl = new Stats(list);
            Stats ss = new Stats(sql);
            Stats sb = new Stats(bitmap);
            System.out.printf("breaches over two years: %,d of %,d events%n", expected, StoreBench.EVENTS);
            System.out.println("weekly counts via API: " + sc);
            System.out.println("breach list (GeoJSON) via API: " + sl);
            System.out.println("raw SQL count (ST_Intersects in PostGIS): " + ss);
            System.out.println("raw SQL count, bitmap plan (enable_indexscan off): " + sb);
            System.out.printf("ratio counts/raw SQL: %.2f%n", sc.median() / ss.median());
            System.out.printf("ratio counts/raw SQL bitmap plan: %.2f%n", sc.median() / sb.median());
        } catch (Throwable t) {
            t.printStackTrace();
            app.close();
            System.exit(1);
        }
        app.close();
        System.exit(0);
    }

    /** True when DATABASE_URL names a database this bench filled before (its generation takes minutes). */
    static boolean alreadyGenerated(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM layer WHERE id IN ('events', 'zones')")) {
            rs.next();
            return rs.getInt(1) == 2;
        }
    }

    static void generate(Connection c, ConfigurableApplicationContext app) throws Exception {
        long t0 = System.nanoTime();
        StoreBench.generate(c);
        try (Statement s = c.createStatement()) {
            // a band like the Sochi zone: about 0.9° x 0.5° of the 2.3° x 2° event box
            s.execute("INSERT INTO layer (id, title, kind) VALUES ('zones', 'Zones', 'area')");
            s.execute("""
                INSERT INTO feature_version (feature_id, layer_id, geom, props, valid_from, recorded_at, recorded_by,
                    source_publisher, confidence, geo_precision, time_precision)
                VALUES ('zone-1', 'zones', ST_GeomFromText('POLYGON((36.3 35.5, 37.2 35.6, 37.2 36.0, 36.3 35.9, 36.3 35.5))', 4326),
                    '{}', '2018-01-01', now(), 'bench', 'bench', 'medium', 'near', 'day')""");
        }
        System.out.printf("generated events in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        app.getBean(AgreementService.class).create("""
            {"id":"bench","name":"Bench accord","parties":["A","B"],"signedOn":"2018-06-01",
             "sources":[{"publisher":"bench"}],
             "clauses":[{"id":"zone","type":"demilitarised-zone","area":{"layer":"zones","feature":"zone-1"},
               "forbids":["Explosions/Remote violence"]}]}""", "bench");
    }
}
