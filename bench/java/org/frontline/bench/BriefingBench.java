package org.frontline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.frontline.FrontlineApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 6 benchmark on the demo briefing (embedded SQLite, demo scenario loaded): one frame's pinned data
 * (asOf = the edition's record time) against the same layers read live through the layer API, the player's
 * metadata, and the HTML and PDF exports. Published editions' PDFs are cached, so the PDF is also timed uncached: a
 * draft copy of the demo briefing (same frames, live data) is rendered on every request. Medians and p95 over {@code -Druns} (default 20) after
 * {@code -Dwarmup} (default 5) warm-up runs, over real HTTP on the loopback.
 */
public final class BriefingBench {
    private static final String SLUG = "idlib-2018-2020";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "bench-admin-password";
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes());

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 20);
        int warmup = Integer.getInteger("warmup", 5);
        ConfigurableApplicationContext app = SpringApplication.run(
                FrontlineApplication.class,
                "--spring.datasource.url=jdbc:sqlite:target/test-db/briefingbench-${random.uuid}.db",
                "--server.port=0",
                "--frontline.demo.load=true",
                "--frontline.security.anonymous-read=true",
                "--frontline.security.admin-password=" + PASSWORD,
                "--logging.level.root=WARN");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String base = "http://localhost:" + port;
        try {
            System.out.printf("BriefingBench: %d runs after %d warm-up, demo briefing %s%n", runs, warmup, SLUG);
            Stats pinned = time(runs, warmup, base + "/api/briefings/" + SLUG + "/data/frames/4");
            Stats live = timeAll(
                    runs,
                    warmup,
                    base + "/api/layers/governorates/features?at=2019-08-23",
                    base + "/api/layers/control/features?at=2019-08-23",
                    base + "/api/layers/zones/features?at=2019-08-23",
                    base + "/api/layers/posts/features?at=2019-08-23",
                    base + "/api/layers/events/features?from=2019-08-05&to=2019-08-23");
            System.out.println("frame 4 pinned data (5 layers + overlay, one request): " + pinned);
            System.out.println("same 5 layers live (5 requests, no overlay):            " + live);
            System.out.printf("ratio pinned/live (medians): %.2f%n", pinned.median() / live.median());
            System.out.println("player metadata (frames, styles, basemap):           "
                    + time(runs, warmup, base + "/api/briefings/" + SLUG + "/data"));
            System.out.println("export.html (6 frames, Leaflet + data inlined):       "
                    + time(runs, warmup, base + "/briefings/" + SLUG + "/export.html"));
            System.out.println("export.pdf (6 pages, Java2D maps):                    "
                    + time(runs, warmup, base + "/briefings/" + SLUG + "/export.pdf"));
            String draft = draftCopy(base);
            Stats pdf = time(runs, warmup, base + "/briefings/" + draft + "/export.pdf");
            Stats html = time(runs, warmup, base + "/briefings/" + draft + "/export.html");
            System.out.println("export.pdf uncached (draft copy, rendered each time): " + pdf);
            System.out.println("export.html of the same draft:                        " + html);
            System.out.printf("ratio uncached PDF/HTML (medians): %.2f%n", pdf.median() / html.median());
        } finally {
            app.close();
        }
    }

    /** Copies the demo briefing's frames into a new, unpublished briefing; returns its slug. */
    private static String draftCopy(String base) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode demo = json.readTree(send(base + "/api/briefings/" + SLUG, "GET", null));
        String slug = "bench-draft-copy";
        send(base + "/api/briefings", "POST", "{\"title\":\"Bench draft\",\"slug\":\"" + slug + "\"}");
        for (JsonNode frame : demo.get("frames")) {
            ObjectNode in = ((ObjectNode) frame).deepCopy();
            in.remove(List.of("id", "n", "narrativeHtml"));
            send(base + "/api/briefings/" + slug + "/frames", "POST", json.writeValueAsString(in));
        }
        return slug;
    }

    private static String send(String url, String method, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", AUTH)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static Stats time(int runs, int warmup, String url) throws Exception {
        return timeAll(runs, warmup, url);
    }

    /** Times fetching all {@code urls} one after another, in full, as one sample. */
    private static Stats timeAll(int runs, int warmup, String... urls) throws Exception {
        double[] samples = new double[runs];
        for (int i = 0; i < warmup + runs; i++) {
            long t0 = System.nanoTime();
            for (String url : urls) {
                HttpResponse<byte[]> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", AUTH)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(url + " answered " + r.statusCode());
                }
            }
            if (i >= warmup) {
                samples[i - warmup] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return new Stats(samples);
    }
}
