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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frontline.testsupport.PostgisServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The time bar's histogram (events and fatalities per day over two years) with StoreBench's events (1M by default)
 * in PostGIS, for StoreBench's twenty ~1° views and the whole layer: the API on the daily cell table vs. the API
 * counting event by event (the previous version's path, still taken for a record time: {@code asOf}) vs. the same
 * GROUP BY in raw SQL. Checks every exact answer against the raw SQL. Then DensityBench (month and all windows at
 * zoom 8 and 12) with the same event-by-event baseline; {@code -Ddensity=false} skips it. With DATABASE_URL naming a
 * database it filled before, it reuses the events. Run: bench/histogram.sh
 */
public final class HistogramBench {
    static final int REQUESTS = Integer.getInteger("requests", 21);

    public static void main(String[] args) throws Exception {
        PostgisServer pg = PostgisServer.require();
        String url = pg.newDatabase();
        ConfigurableApplicationContext app = BenchApp.onPostgis(pg, url);
        int port = BenchApp.port(app);
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
            if (!generated(c)) {
                long t0 = System.nanoTime();
                StoreBench.generate(c);
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
                System.out.printf(
                        "generated %,d events in %.1f s (the triggers keeping the daily cell table included)%n",
                        StoreBench.EVENTS, (System.nanoTime() - t0) / 1e9);
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*), sum(events) FROM event_day_cell")) {
                rs.next();
                System.out.printf("daily cell table: %,d rows for %,d events%n", rs.getLong(1), rs.getLong(2));
            }
            run(c, port);
            if (Boolean.parseBoolean(System.getProperty("density", "true"))) {
                DensityBench.run(port, StoreBench.EVENTS);
            }
        } catch (Throwable t) {
            t.printStackTrace();
            app.close();
            System.exit(1);
        }
        app.close();
        System.exit(0);
    }

    /** True when the database (DATABASE_URL) holds StoreBench's events already: generating 1M takes many minutes. */
    static boolean generated(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM layer WHERE id = 'events'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    static void run(Connection c, int port) throws Exception {
        String raw = """
            SELECT to_char(date_trunc('day', valid_from AT TIME ZONE 'UTC'), 'YYYY-MM-DD'), count(*),
                   sum(CASE WHEN jsonb_typeof(props->'fatalities') = 'number' THEN (props->>'fatalities')::numeric ELSE 0 END)
            FROM feature_version
            WHERE layer_id = 'events' AND superseded_at IS NULL
              AND tstzrange(valid_from, valid_to) && tstzrange('2018-06-01', '2020-06-01')
              AND valid_from >= '2018-06-01' AND valid_from < '2020-06-01'
              AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)
            GROUP BY 1""";
        List<String> views = new ArrayList<>();
        views.add(StoreBench.MIN_LON + "," + StoreBench.MIN_LAT + "," + StoreBench.MAX_LON + "," + StoreBench.MAX_LAT);
        StoreBench.windows().forEach(w -> views.add(w.bbox()));
        HttpClient http = HttpClient.newHttpClient();
        String asOf = Instant.now().toString();
        double[] cells = new double[REQUESTS];
        double[] byEvent = new double[REQUESTS];
        double[] sql = new double[REQUESTS];
        int exact = 0;
        long events = 0;
        for (int i = -3; i < REQUESTS; i++) {
            String bbox = views.get(Math.floorMod(i, views.size()));
            String path = "/api/layers/events/histogram?from=2018-06-01&to=2020-05-31&bucket=day&bbox=" + bbox;
            long a = System.nanoTime();
            String table = get(http, port, path);
            long b = System.nanoTime();
            String oneByOne = get(http, port, path + "&asOf=" + asOf);
            long d = System.nanoTime();
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement(raw)) {
                String[] box = bbox.split(",");
                for (int k = 0; k < 4; k++) {
                    ps.setDouble(k + 1, Double.parseDouble(box[k]));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n += rs.getLong(2);
                    }
                }
            }
            long e = System.nanoTime();
            long counted = total(table);
            boolean isExact = table.contains("\"exact\":true");
            if (total(oneByOne) != n || (isExact ? counted != n : counted < n)) {
                throw new IllegalStateException("view " + bbox + ": cells " + counted + " (exact " + isExact
                        + "), event by event " + total(oneByOne) + ", SQL " + n);
            }
            if (i >= 0) {
                cells[i] = (b - a) / 1e6;
                byEvent[i] = (d - b) / 1e6;
                sql[i] = (e - d) / 1e6;
                exact += isExact ? 1 : 0;
                events += n;
            }
        }
        Stats sc = new Stats(cells);
        Stats se = new Stats(byEvent);
        Stats ss = new Stats(sql);
        System.out.printf(
                "histogram per view (730 days; %d views, ~%,d events per view on average; %d of %d answers exact)%n",
                views.size(), events / REQUESTS, exact, REQUESTS);
        System.out.println("API, daily cell table:        " + sc);
        System.out.println("API, event by event (asOf):   " + se);
        System.out.println("raw SQL GROUP BY day:         " + ss);
        System.out.printf(
                "ratio cells / event by event: %.3f; cells / raw SQL: %.3f%n",
                sc.median() / se.median(), sc.median() / ss.median());
    }

    static String get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static long total(String histogram) {
        return Long.parseLong(histogram.replaceAll("(?s).*?\"events\":(\\d+),\"fatalities.*", "$1"));
    }
}
