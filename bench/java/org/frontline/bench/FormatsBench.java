package org.frontline.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.frontline.FrontlineApplication;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.testsupport.PostgisServer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Issue 10's benchmark. On PostGIS with 1,000,000 generated events (StoreBench's data): OGC items pages vs.
 * /api/layers/.../features for the same features (3-day windows in a viewport, under 1,000 features, so one
 * OGC page holds them all); peak heap while exporting every event as CSV and as GeoPackage; an ACLED CSV of
 * 100,000 rows imported through the job API — on PostGIS and on the embedded database.
 * Run: bench/formats.sh (env EVENTS, ROWS, REQUESTS).
 */
public final class FormatsBench {
    static final int ROWS = Integer.getInteger("rows", 100_000);
    static final int REQUESTS = Integer.getInteger("requests", 100);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        try {
            PostgisServer pg = PostgisServer.require();
            String url = pg.newDatabase();
            ConfigurableApplicationContext app = start(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + pg.user(),
                    "--spring.datasource.password=" + pg.password());
            int port = port(app);
            if (StoreBench.EVENTS > 0) { // EVENTS=0: the imports only
                try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
                    if (!HistogramBench.generated(c)) { // DATABASE_URL naming a database filled before: reused
                        long t0 = System.nanoTime();
                        StoreBench.generate(c);
                        System.out.printf(
                                "generated %,d events in %.1f s%n", StoreBench.EVENTS, (System.nanoTime() - t0) / 1e9);
                    }
                }
                ogcVsApi(port);
                exportHeap(port, "csv");
                exportHeap(port, "gpkg");
                exportHeap(port, "shp.zip");
            }
            if (ROWS > 0) { // ROWS=0: the OGC pages and exports only
                acledImport(app, "PostGIS");
            }
            app.close();
            if (ROWS > 0) {
                Path dir = Files.createTempDirectory("frontline-bench-sqlite");
                ConfigurableApplicationContext embedded =
                        start("--spring.datasource.url=jdbc:sqlite:" + dir.resolve("bench.db"));
                acledImport(embedded, "embedded SQLite");
                embedded.close();
            }
            System.out.println(uptime());
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static String uptime() throws Exception {
        return "load average (1, 5, 15 min): "
                + Files.readString(Path.of("/proc/loadavg")).strip();
    }

    static ConfigurableApplicationContext start(String... db) {
        List<String> args = new ArrayList<>(List.of(db));
        args.addAll(List.of(
                "--server.port=0",
                "--frontline.demo.load=false",
                "--frontline.security.anonymous-read=true",
                "--logging.level.root=WARN"));
        return SpringApplication.run(FrontlineApplication.class, args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    static String get(int port, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static void ogcVsApi(int port) throws Exception {
        Random rnd = new Random(7);
        List<String[]> windows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double lon = Math.round((StoreBench.MIN_LON + rnd.nextDouble() * 1.2) * 1e4) / 1e4;
            double lat = Math.round((StoreBench.MIN_LAT + rnd.nextDouble() * 1.0) * 1e4) / 1e4;
            LocalDate from = LocalDate.of(2018, 7, 1).plusDays(rnd.nextInt(650));
            String bbox = String.format("%.4f,%.4f,%.4f,%.4f", lon, lat, lon + 1.05, lat + 0.95);
            windows.add(new String[] {from.toString(), from.plusDays(2).toString(), bbox});
        }
        double[] api = new double[REQUESTS];
        double[] ogc = new double[REQUESTS];
        long features = 0;
        for (int i = -20; i < REQUESTS; i++) {
            String[] w = windows.get(Math.floorMod(i, windows.size()));
            long t0 = System.nanoTime();
            String a = get(port, "/api/layers/events/features?from=" + w[0] + "&to=" + w[1] + "&bbox=" + w[2]);
            long t1 = System.nanoTime();
            String o = get(
                    port, "/ogc/collections/events/items?limit=1000&datetime=" + w[0] + "/" + w[1] + "&bbox=" + w[2]);
            long t2 = System.nanoTime();
            long n = StoreBench.count(a);
            if (n != StoreBench.count(o) || n > 1000) {
                throw new IllegalStateException(
                        "OGC and API disagree (or more than one page): " + n + " vs " + StoreBench.count(o));
            }
            if (i >= 0) {
                api[i] = (t1 - t0) / 1e6;
                ogc[i] = (t2 - t1) / 1e6;
                features += n;
            }
        }
        Stats s1 = new Stats(api);
        Stats s2 = new Stats(ogc);
        System.out.printf(
                "OGC items page vs /api/layers features, same features (mean %.0f per answer):%n",
                features / (double) REQUESTS);
        System.out.println("  /api/layers/events/features: " + s1);
        System.out.println("  /ogc/collections/events/items (with numberMatched): " + s2);
        System.out.printf("  ratio OGC/API (medians): %.2f%n", s2.median() / s1.median());
    }

    static void exportHeap(int port, String ext) throws Exception {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
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
        HttpResponse<InputStream> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/export/events." + ext))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        try (InputStream in = r.body()) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                bytes += n;
            }
        }
        sampler.interrupt();
        if (r.statusCode() != 200) { // e.g. 503 when the export ran past its budget (frontline.export-budget)
            System.out.printf(
                    "export of all %,d events as %s: FAILED with %d after %.1f s (peak heap %d MB)%n",
                    StoreBench.EVENTS, ext, r.statusCode(), (System.nanoTime() - t0) / 1e9, peak.get() >> 20);
            return;
        }
        System.out.printf(
                "export of all %,d events as %s: status 200, %,d bytes in %.1f s; heap base %d MB, peak %d MB (+%d MB), "
                        + "max heap %d MB%n",
                StoreBench.EVENTS,
                ext,
                bytes,
                (System.nanoTime() - t0) / 1e9,
                base >> 20,
                peak.get() >> 20,
                (peak.get() - base) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** An ACLED-layout CSV of ROWS events (the test file's rows with fresh ids, dates and places). */
    static Path acledFile() throws Exception {
        List<String> lines;
        try (InputStream in = FormatsBench.class.getResourceAsStream("/imports/acled-idlib-2019.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        Path file = Files.createTempFile("acled-bench", ".csv");
        Random rnd = new Random(1);
        // written line by line: the bench shares the app's small heap (a 70 MB StringBuilder ran it out of memory)
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(lines.get(0));
            out.write("\r\n");
            for (int i = 0; i < ROWS; i++) {
                String row = lines.get(1 + i % (lines.size() - 1));
                String date =
                        LocalDate.of(2018, 1, 1).plusDays(rnd.nextInt(1500)).toString();
                out.write(row.replaceFirst("^SYR9\\d+,\\d{4}-\\d\\d-\\d\\d", "BEN" + i + "," + date));
                out.write("\r\n");
            }
        }
        return file;
    }

    static void acledImport(ConfigurableApplicationContext app, String db) throws Exception {
        int port = port(app);
        app.getBean(LayerService.class).ensureLayer("acled", "ACLED", LayerKind.EVENT, "{}");
        JdbcUserDetailsManager users = app.getBean(JdbcUserDetailsManager.class);
        if (!users.userExists("bench")) {
            users.createUser(User.withUsername("bench")
                    .password("{noop}bench")
                    .roles("ANALYST")
                    .build());
        }
        Path file = acledFile();
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long base = mem.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(base);
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports?layer=acled&format=acled"))
                        .header(
                                "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString("bench:bench".getBytes()))
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(r.body());
        }
        String id = r.body().replaceFirst(".*\"id\":\"([^\"]+)\".*", "$1");
        String state;
        String body;
        do {
            Thread.sleep(200);
            peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
            body = get(port, "/api/imports/" + id);
            state = body.replaceFirst(".*\"state\":\"([^\"]+)\".*", "$1");
        } while (!state.equals("done") && !state.equals("failed") && !state.equals("cancelled"));
        System.out.printf(
                "ACLED CSV import, %,d rows (%,d bytes) into %s: %s in %.1f s; heap base %d MB, peak %d MB%n",
                ROWS, Files.size(file), db, state, (System.nanoTime() - t0) / 1e9, base >> 20, peak.get() >> 20);
        if (!state.equals("done")) {
            System.out.println("  " + body);
        }
        Files.delete(file);
    }
}
