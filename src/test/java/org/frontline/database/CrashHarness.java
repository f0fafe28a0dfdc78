package org.frontline.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the real app with SIGKILL while it writes, restarts it and checks what survived. The app runs in a
 * child JVM from the packaged classes with its own data folder and port. Each round: two clients write over
 * HTTP (imports of hundreds to thousands of features in one POST; corrections; a report and the acceptance of
 * its candidate; a briefing created and published), the app is killed at a random moment, started again, and
 * then: it must start; every write answered 2xx before the kill must be there; every import — answered or cut
 * off — must be stored whole or not at all. {@code main} is the bench ({@code bench/crash.sh}).
 */
public final class CrashHarness {
    static final String ADMIN_PASSWORD = "crash-harness-admin";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate FIRST_DAY = LocalDate.of(2101, 1, 1);
    private static final String REPORT = "On %s, shelling hit Saraqib in Idlib province, killing three civilians, "
            + "residents said. Clashes continued near Maarat al-Numan.";

    private final String classpath;
    private final String jdbcUrl;
    private final Path dir;
    private final Random random;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth =
            "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final AtomicInteger nextDay = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger();
    private Process app;
    private boolean lazy = Boolean.parseBoolean(System.getProperty("crash.lazy", "false"));
    private int port;
    private long startMillis;

    /** Runs against {@code jdbcUrl} ({@code {dir}} is replaced by the data folder), the app on {@code classpath}. */
    CrashHarness(String classpath, String jdbcUrl, Path dir, long seed) {
        this.classpath = classpath;
        this.jdbcUrl = jdbcUrl;
        this.dir = dir;
        this.random = new Random(seed);
    }

    /** Outcome of a run: rounds survived, and what failed (empty when all survived). */
    record Result(int rounds, int survived, List<String> failures, long medianStartMillis) {
        @Override
        public String toString() {
            return "rounds " + rounds + ", survived " + survived + ", failed " + (rounds - survived) + ", median start "
                    + medianStartMillis + " ms" + (failures.isEmpty() ? "" : "\n  " + String.join("\n  ", failures));
        }
    }

    /** Up to {@code rounds} kill-restart rounds, stopping early when {@code budget} is spent. */
    Result run(int rounds, Duration budget) throws Exception {
        long end = System.nanoTime() + budget.toNanos();
        List<String> failures = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        int done = 0;
        int survived = 0;
        try {
            if (!start()) {
                throw new IllegalStateException("the app did not start on an empty folder:\n" + logTail());
            }
            starts.add(startMillis);
            for (int r = 1; r <= rounds && System.nanoTime() < end; r++) {
                List<String> problems = round(r);
                done++;
                if (problems.isEmpty()) {
                    survived++;
                } else {
                    failures.addAll(problems);
                    System.out.println("round " + r + " FAILED: " + problems);
                }
                starts.add(startMillis);
                if (app == null || !app.isAlive()) {
                    // not restartable: note it and go on with a fresh folder, so the next rounds still count
                    wipe();
                    if (!start()) {
                        throw new IllegalStateException("the app did not start on an empty folder:\n" + logTail());
                    }
                }
                System.out.println(
                        "round " + r + ": survived " + survived + " of " + done + " (start " + startMillis + " ms)");
            }
        } finally {
            stop();
        }
        Collections.sort(starts);
        return new Result(done, survived, failures, starts.isEmpty() ? 0 : starts.get(starts.size() / 2));
    }

    /** One round: write, kill at a random moment, restart, check. Returns the problems found. */
    private List<String> round(int r) throws Exception {
        List<Write> writes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread importer = new Thread(() -> {
            while (!stop.get()) {
                importBatch(writes);
            }
        });
        Thread editor = new Thread(() -> {
            while (!stop.get()) {
                switch (random.nextInt(3)) {
                    case 0 -> correct(writes);
                    case 1 -> report(writes);
                    default -> briefing(writes);
                }
            }
        });
        importer.start();
        editor.start();
        Thread.sleep(200 + random.nextInt(2300));
        app.destroyForcibly(); // SIGKILL on Linux
        app.waitFor();
        stop.set(true);
        importer.join(30_000);
        editor.join(30_000);
        List<String> problems = new ArrayList<>();
        String damage = integrity();
        if (damage != null) {
            problems.add("round " + r + ": the database file is damaged after the kill: " + damage);
        }
        if (!start()) {
            problems.add("round " + r + ": the app did not start after the kill:\n" + logTail());
            app.destroyForcibly().waitFor();
            app = null;
            return problems;
        }
        synchronized (writes) {
            for (Write w : writes) {
                String p = w.check();
                if (p != null) {
                    problems.add("round " + r + ": " + p);
                }
            }
        }
        return problems;
    }

    /** A write sent to the app; {@code answered} when it got a 2xx before the kill. */
    private abstract static class Write {
        volatile boolean answered;

        /** Null when the database holds what the write's answer promised. */
        abstract String check();
    }

    // --- imports: all or nothing ---

    private void importBatch(List<Write> writes) {
        // mostly hundreds to thousands of features; one in four a large import (as in the report of issue 15)
        int n = random.nextInt(4) == 0 ? 20_000 + random.nextInt(20_000) : 200 + random.nextInt(3800);
        LocalDate day = FIRST_DAY.plusDays(nextDay.getAndIncrement());
        String prefix = "crash-" + day + "-";
        StringBuilder body = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append(event(prefix + i, day, 36.0 + random.nextDouble(), "import"));
        }
        body.append("]}");
        Write w = new Write() {
            @Override
            String check() {
                int stored = count(day);
                if (stored < 0) {
                    return "import of " + day + ": the layer could not be read";
                }
                if (answered && stored != n) {
                    return "import of " + n + " features on " + day + " was answered 201 but " + stored + " are stored";
                }
                if (stored != 0 && stored != n) {
                    return "import of " + n + " features on " + day + " is half-stored: " + stored;
                }
                return null;
            }
        };
        writes.add(w);
        w.answered = send("POST", "/api/layers/events/features", body.toString(), "application/geo+json") / 100 == 2;
    }

    private static String event(String id, LocalDate day, double lon, String name) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon
                + ",35.8]},\"properties\":{\"name\":\"" + name + "\",\"validFrom\":\"" + day + "\",\"validTo\":\""
                + day.plusDays(1) + "\",\"sourcePublisher\":\"crash harness\"}}";
    }

    private int count(LocalDate day) {
        Answer a = get("/api/layers/events/features?from=" + day + "&to=" + day);
        return a.status != 200 ? -1 : a.json().get("features").size();
    }

    // --- corrections of an imported feature ---

    private void correct(List<Write> writes) {
        LocalDate day = FIRST_DAY.plusDays(nextDay.getAndIncrement());
        String id = "crash-fix-" + nextId.getAndIncrement();
        if (send("POST", "/api/layers/events/features", event(id, day, 36.5, "before"), "application/geo+json")
                != 201) {
            return;
        }
        String reason = "harness correction " + id;
        Write w = new Write() {
            @Override
            String check() {
                Answer h = get("/api/features/" + id + "/history");
                if (h.status != 200) {
                    return "feature " + id + " (answered 201) is missing: " + h.status;
                }
                int current = 0;
                boolean corrected = false;
                for (JsonNode v : h.json().get("versions")) {
                    current += v.path("supersededAt").isNull()
                                    || v.path("supersededAt").isMissingNode()
                            ? 1
                            : 0;
                    corrected |= reason.equals(v.path("changeReason").asString(""));
                }
                if (current != 1) {
                    return "feature " + id + " has " + current + " current versions after a correction";
                }
                return answered && !corrected ? "correction of " + id + " was answered 200 but is missing" : null;
            }
        };
        writes.add(w);
        w.answered = send(
                                "PUT",
                                "/api/features/" + id + "?reason=" + reason.replace(' ', '+'),
                                event(id, day, 36.6, "after"),
                                "application/geo+json")
                        / 100
                == 2;
    }

    // --- a report and the acceptance of its first candidate ---

    private void report(List<Write> writes) {
        String published =
                FIRST_DAY.minusYears(80).plusDays(random.nextInt(300)).toString();
        String ref = "Ref " + nextId.getAndIncrement();
        String text = REPORT.formatted("Monday") + " " + ref + ".";
        Answer stored = post("/api/reports?published=" + published, text, "text/plain");
        if (stored.status != 201) {
            return; // cut off before its answer: stored or not, both are right
        }
        long reportId = stored.json().get("reports").get(0).get("id").asLong();
        Write kept = new Write() {
            @Override
            String check() {
                Answer a = get("/api/reports/" + reportId);
                return a.status == 200 && a.json().get("text").asString().contains(ref)
                        ? null
                        : "report " + reportId + " (answered 201) is missing: " + a.status;
            }
        };
        kept.answered = true;
        writes.add(kept);
        Answer report = get("/api/reports/" + reportId);
        if (report.status != 200 || report.json().get("candidates").isEmpty()) {
            return;
        }
        long candidate = report.json().get("candidates").get(0).get("id").asLong();
        Write accept = new Write() {
            @Override
            String check() {
                Answer c = get("/api/reports/candidates/" + candidate);
                if (c.status != 200) {
                    return "candidate " + candidate + " is missing: " + c.status;
                }
                String status = c.json().get("status").asString();
                JsonNode feature = c.json().path("featureId");
                if ("accepted".equals(status)) {
                    return feature.isNull() || get("/api/features/" + feature.asString() + "/history").status != 200
                            ? "candidate " + candidate + " is accepted but its event is missing"
                            : null;
                }
                return answered
                        ? "acceptance of candidate " + candidate + " was answered 200 but it is " + status
                        : null;
            }
        };
        writes.add(accept);
        accept.answered =
                send("POST", "/api/reports/candidates/" + candidate + "/accept", "", "application/json") == 200;
    }

    // --- a briefing created, given a frame and published ---

    private void briefing(List<Write> writes) {
        String slug = "crash-" + nextId.getAndIncrement();
        Answer created = post(
                "/api/briefings", "{\"title\":\"Crash " + slug + "\",\"slug\":\"" + slug + "\"}", "application/json");
        if (created.status != 201) {
            return;
        }
        Write kept = new Write() {
            @Override
            String check() {
                return get("/api/briefings/" + slug).status == 200
                        ? null
                        : "briefing " + slug + " (answered 201) is missing";
            }
        };
        kept.answered = true;
        writes.add(kept);
        if (send(
                        "POST",
                        "/api/briefings/" + slug + "/frames",
                        "{\"title\":\"One\",\"day\":\"2019-08-23\","
                                + "\"center\":[35.6,36.6],\"zoom\":9,\"layers\":[\"events\"],\"narrative\":\"Frame\"}",
                        "application/json")
                != 201) {
            return;
        }
        Write publish = new Write() {
            @Override
            String check() {
                Answer b = get("/api/briefings/" + slug);
                if (b.status != 200) {
                    return "briefing " + slug + " is missing";
                }
                boolean published = "published".equals(b.json().get("status").asString());
                if (published && b.json().get("editions").isEmpty()) {
                    return "briefing " + slug + " is published without an edition";
                }
                return answered && !published ? "publishing " + slug + " was answered 200 but it is a draft" : null;
            }
        };
        writes.add(publish);
        publish.answered =
                send("POST", "/api/briefings/" + slug + "/publish", "{\"note\":\"harness\"}", "application/json")
                        == 200;
    }

    /** SQLite's own check of the file the killed app left (null: fine, or not SQLite). */
    private String integrity() throws java.sql.SQLException {
        String url = jdbcUrl.replace("{dir}", dir.toString());
        if (!url.startsWith("jdbc:sqlite:")) {
            return null;
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.ResultSet rs = c.createStatement().executeQuery("PRAGMA quick_check")) {
            rs.next();
            return "ok".equals(rs.getString(1)) ? null : rs.getString(1);
        }
    }

    // --- the child app ---

    /** Starts the app and waits until it answers; false when it exits or does not answer within 8 minutes (a loaded machine). */
    private boolean start() throws Exception {
        port = freePort();
        Files.createDirectories(dir);
        String url = jdbcUrl.replace("{dir}", dir.toString());
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                "org.frontline.FrontlineApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--frontline.gazetteer.dir=" + dir.resolve("gazetteer"),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--frontline.demo.load=true",
                // beans the harness never calls (analysis, exports, pages) are not built: restarts are quicker
                "--spring.main.lazy-initialization=" + lazy);
        pb.environment().put("FRONTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().remove("DATABASE_URL");
        pb.redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(dir.resolve("app.log").toFile()));
        long t0 = System.nanoTime();
        app = pb.start();
        long deadline = t0 + Duration.ofMinutes(8).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                return false;
            }
            if (get("/api/layers").status == 200) {
                startMillis = (System.nanoTime() - t0) / 1_000_000;
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private void stop() throws InterruptedException {
        if (app != null) {
            app.destroyForcibly().waitFor();
        }
    }

    private void wipe() throws IOException {
        Path old = dir.resolveSibling(dir.getFileName() + "-failed-" + System.nanoTime());
        Files.move(dir, old);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("app.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // --- HTTP ---

    private record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Answer get(String path) {
        return exchange("GET", path, null, null);
    }

    private Answer post(String path, String body, String type) {
        return exchange("POST", path, body, type);
    }

    private int send(String method, String path, String body, String type) {
        return exchange(method, path, body, type).status;
    }

    /** Status 0: no answer (the app was killed, or is not up). */
    private Answer exchange(String method, String path, String body, String type) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", auth);
        b = body == null
                ? b.GET()
                : b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "");
        }
    }

    /**
     * The bench: {@code CrashHarness ROUNDS [MINUTES]}; system properties {@code crash.classpath} (the app's
     * classpath, default this JVM's), {@code crash.url} (default the embedded SQLite file in the data folder).
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        Path dir = Files.createTempDirectory("frontline-crash-");
        CrashHarness h = new CrashHarness(
                System.getProperty("crash.classpath", System.getProperty("java.class.path")),
                System.getProperty("crash.url", DEFAULT_URL),
                dir.resolve("data"),
                System.nanoTime());
        System.out.println("data folder " + dir);
        Result r = h.run(rounds, Duration.ofMinutes(minutes));
        System.out.println(r);
        System.out.println("survived " + r.survived() + " failed " + (r.rounds() - r.survived()));
        System.exit(r.survived() == r.rounds() ? 0 : 1);
    }

    static final String DEFAULT_URL = "jdbc:sqlite:{dir}/frontline.db";
}
