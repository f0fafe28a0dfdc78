package org.frontline.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.frontline.FrontlineApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15's soak of the embedded database: for a bounded duration, four clients mix reads (layers, slider
 * windows, histories, briefings), writes (small imports, corrections, retractions), report parsing and storing
 * with candidate acceptance, briefing edits and publishing, and exports (GeoJSON, HTML, PDF, analysis). Every
 * answer that is not the expected status counts as an error. Prints a line per minute (requests, errors, heap
 * used after a full GC, database size) and a summary. Run: bench/soak.sh [DURATION, e.g. 20m or 2h]
 */
public final class SoakBench {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "soak-admin-password";
    private static final String REPORT = "On Tuesday, air strikes hit Saraqib and Maarat al-Numan in Idlib province, "
            + "killing %d civilians, the Syrian Observatory said. Shelling was also reported near Kafr Nabl.";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes());
    private final int port;
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> features = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();

    SoakBench(int port) {
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        Duration duration = parse(args.length > 0 ? args[0] : "2h");
        Path dir = Files.createTempDirectory("frontline-soak-");
        ConfigurableApplicationContext app = SpringApplication.run(
                FrontlineApplication.class,
                "--spring.datasource.url=jdbc:sqlite:" + dir.resolve("soak.db"),
                "--server.port=0",
                "--frontline.demo.load=true",
                "--frontline.security.admin-password=" + PASSWORD,
                "--frontline.gazetteer.dir=" + dir.resolve("gazetteer"),
                "--logging.level.root=WARN");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        SoakBench soak = new SoakBench(port);
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long seed = i;
            Thread t = new Thread(() -> soak.client(new Random(seed), end), "soak-" + i);
            t.start();
            clients.add(t);
        }
        long t0 = System.nanoTime();
        long maxHeap = 0;
        int minute = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(60_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            minute++;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            maxHeap = Math.max(maxHeap, heap);
            System.out.printf(
                    "%4d min: %,9d requests, %d errors, heap after GC %d MB, database %,d MB%n",
                    minute, soak.requests.sum(), soak.errors.sum(), heap, size(dir) >> 20);
        }
        for (Thread t : clients) {
            t.join(120_000);
        }
        System.out.printf(
                "soak %s: %,d requests in %.0f s, %d errors %s, heap after GC max %d MB%n",
                duration,
                soak.requests.sum(),
                (System.nanoTime() - t0) / 1e9,
                soak.errors.sum(),
                soak.errorsByKind,
                maxHeap);
        soak.firstErrors.forEach(e -> System.out.println("  " + e));
        app.close();
        System.exit(soak.errors.sum() == 0 ? 0 : 1);
    }

    private void client(Random rnd, long end) {
        while (System.nanoTime() < end) {
            int op = rnd.nextInt(100);
            try {
                if (op < 40) {
                    read(rnd);
                } else if (op < 60) {
                    write(rnd);
                } else if (op < 75) {
                    report(rnd);
                } else if (op < 88) {
                    briefing(rnd);
                } else {
                    export(rnd);
                }
            } catch (RuntimeException e) {
                error("client", e.toString());
            }
        }
    }

    private void read(Random rnd) {
        LocalDate day = LocalDate.of(2018, 9, 1).plusDays(rnd.nextInt(560));
        expect(200, "GET", "/api/layers", null);
        expect(
                200,
                "GET",
                "/api/layers/events/features?from=" + day + "&to=" + day.plusDays(6) + "&bbox=35.9,35.2,37.2,36.4",
                null);
        expect(200, "GET", "/api/layers/control/features?at=" + day, null);
        String id = features.peek();
        if (id != null) {
            expect(200, "GET", "/api/features/" + id + "/history", null);
        }
        expect(200, "GET", "/api/briefings", null);
    }

    private void write(Random rnd) {
        int n = 5 + rnd.nextInt(40);
        LocalDate day = LocalDate.of(2019, 1, 1).plusDays(rnd.nextInt(400));
        StringBuilder body = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "soak-" + ids.incrementAndGet();
            batch.add(id);
            body.append(i == 0 ? "" : ",").append(event(id, day, 36 + rnd.nextDouble(), "soak"));
        }
        body.append("]}");
        if (expect(201, "POST", "/api/layers/events/features", body.toString()) != null) {
            features.addAll(batch);
        }
        if (features.size() > 2_000) {
            String old = features.poll();
            if (old != null) {
                expect(204, "DELETE", "/api/features/" + old + "?reason=soak+retract", null);
            }
        }
        String id = features.peek();
        if (id != null && rnd.nextBoolean()) {
            expect(
                    200,
                    "PUT",
                    "/api/features/" + id + "?reason=soak+correction",
                    event(id, day.plusDays(1000 + ids.incrementAndGet() % 100_000), 36.5, "corrected"));
        }
    }

    private static String event(String id, LocalDate day, double lon, String name) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon
                + ",35.8]},\"properties\":{\"name\":\"" + name + "\",\"validFrom\":\"" + day + "\",\"validTo\":\""
                + day.plusDays(1) + "\",\"sourcePublisher\":\"soak\"}}";
    }

    private void report(Random rnd) {
        String text = REPORT.formatted(2 + rnd.nextInt(20));
        expect(200, "POST", "/api/reports/parse?published=2020-02-0" + (1 + rnd.nextInt(9)), text, "text/plain");
        JsonNode stored = expect(201, "POST", "/api/reports?published=2020-02-1" + rnd.nextInt(10), text, "text/plain");
        if (stored == null) {
            return;
        }
        long id = stored.get("reports").get(0).get("id").asLong();
        JsonNode report = expect(200, "GET", "/api/reports/" + id, null);
        if (report != null && !report.get("candidates").isEmpty()) {
            long c = report.get("candidates").get(0).get("id").asLong();
            expect(200, "POST", "/api/reports/candidates/" + c + (rnd.nextBoolean() ? "/accept" : "/reject"), "");
        }
    }

    private void briefing(Random rnd) {
        String slug = "soak-" + ids.incrementAndGet();
        if (expect(201, "POST", "/api/briefings", "{\"title\":\"Soak " + slug + "\",\"slug\":\"" + slug + "\"}")
                == null) {
            return;
        }
        JsonNode frame = expect(
                201,
                "POST",
                "/api/briefings/" + slug + "/frames",
                "{\"title\":\"One\",\"day\":\"2019-08-23\","
                        + "\"center\":[35.6,36.6],\"zoom\":9,\"layers\":[\"events\",\"control\"],\"narrative\":\"**Bold** text\"}");
        if (frame != null) {
            expect(
                    200,
                    "PUT",
                    "/api/briefings/" + slug + "/frames/" + frame.get("id").asLong(),
                    "{\"title\":\"Edited\","
                            + "\"day\":\"2019-09-01\",\"center\":[35.6,36.6],\"zoom\":10,\"layers\":[\"events\"],\"narrative\":\"x\"}");
        }
        expect(200, "POST", "/api/briefings/" + slug + "/publish", "{\"note\":\"soak\"}");
        expect(200, "GET", "/api/briefings/" + slug + "/data", null);
        if (rnd.nextInt(3) == 0) {
            expect(204, "DELETE", "/api/briefings/" + slug, null);
        }
    }

    private void export(Random rnd) {
        LocalDate day = LocalDate.of(2019, 1, 1).plusDays(rnd.nextInt(300));
        expect(200, "GET", "/api/export/events.geojson?from=" + day + "&to=" + day.plusDays(30), null);
        expect(200, "GET", "/api/analysis/change?from=2019-05-01&to=2019-09-01", null);
        expect(200, "GET", "/api/analysis/encirclement?points=posts&at=2019-08-23", null);
        JsonNode list = expect(200, "GET", "/api/briefings", null);
        if (list != null && !list.isEmpty()) {
            String slug = list.get(rnd.nextInt(list.size())).get("slug").asString();
            expect(200, "GET", "/briefings/" + slug + "/export.html", null);
            if (rnd.nextInt(4) == 0) {
                expect(200, "GET", "/briefings/" + slug + "/export.pdf", null);
            }
        }
    }

    private JsonNode expect(int status, String method, String path, String body) {
        return expect(status, method, path, body, "application/json");
    }

    /** Sends one request; an answer other than {@code status} is an error. Returns the JSON body (or null). */
    private JsonNode expect(int status, String method, String path, String body, String type) {
        requests.increment();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", auth);
        b = body == null
                ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header(
                                "Content-Type",
                                path.startsWith("/api/layers") || path.startsWith("/api/features")
                                        ? "application/geo+json"
                                        : type)
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != status) {
                // a briefing deleted by another client, or a race on the same candidate, is not the server's error
                if (r.statusCode() == 404 && path.contains("/briefings/") || r.statusCode() == 409) {
                    return null;
                }
                error(
                        method + " " + path.replaceAll("[0-9]+", "N").replaceAll("\\?.*", "") + " " + r.statusCode(),
                        r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
                return null;
            }
            String ct = r.headers().firstValue("Content-Type").orElse("");
            return ct.contains("json") && !r.body().isEmpty() && r.body().length() < 200_000
                    ? JSON.readTree(r.body())
                    : null;
        } catch (Exception e) {
            error(method + " " + path.replaceAll("\\?.*", "") + " exception", e.toString());
            return null;
        }
    }

    private void error(String kind, String detail) {
        errors.increment();
        errorsByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (firstErrors.size() < 20) {
            firstErrors.add(kind + ": " + detail);
        }
    }

    private static long size(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (Exception e) {
            return -1;
        }
    }

    static Duration parse(String s) {
        String v = s.strip().toLowerCase();
        long n = Long.parseLong(v.replaceAll("[a-z]+$", ""));
        return v.endsWith("h") ? Duration.ofHours(n) : v.endsWith("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
    }
}
