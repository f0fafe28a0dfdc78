package org.frontline.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frontline.FrontlineApplication;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs outlive the application (both databases, subclasses): the application is started, an import is
 * refused and another is stopped while it runs, the application is started again on the same database, and
 * {@code GET /api/imports/{id}} still answers — the refused rows with their line numbers, and the running job as
 * failed, interrupted by the restart, with nothing of it stored.
 */
abstract class ImportRestartContract {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The same database for both runs of the application. */
    abstract Map<String, Object> database();

    @Test
    void aJobRunningWhenTheApplicationStopsIsFailedAfterTheRestartAndStoredNothing() throws Exception {
        Map<String, Object> props = new HashMap<>(database());
        props.put("server.port", "0");
        props.put("frontline.demo.load", "false");
        props.put("frontline.security.anonymous-read", "true");
        String csv = resource("acled-idlib-2019.csv");
        String header = csv.lines().findFirst().orElseThrow();
        List<String> rows = csv.lines().skip(1).toList();
        String layer;
        String refusedId;
        String runningId;
        try (ConfigurableApplicationContext first = start(props)) {
            first.getBean(JdbcUserDetailsManager.class)
                    .createUser(User.withUsername("ana")
                            .password("{noop}ana-secret")
                            .roles("ANALYST")
                            .build());
            layer = first.getBean(LayerService.class)
                    .ensureLayer("events-restart", "Events", LayerKind.EVENT, "{}")
                    .id();
            int port = port(first);
            String bad = header + "\r\n" + rows.get(2) + "\r\n" + rows.get(0).replace("2019-08-19", "2019-19-08");
            refusedId = upload(port, layer, bad);
            JsonNode refused = await(port, refusedId);
            assertThat(refused.get("state").asString()).isEqualTo("failed");

            StringBuilder big = new StringBuilder(header).append("\r\n");
            for (int i = 0; i < 60_000; i++) {
                big.append(rows.get(3).replace("SYR90003", "R-" + i)).append("\r\n");
            }
            runningId = upload(port, layer, big.toString());
            Api api = new Api(port, null, null);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (api.get("/api/imports/" + runningId).json().get("rowsRead").asLong() < 100) {
                assertThat(System.nanoTime()).as("the import never started").isLessThan(deadline);
                Thread.sleep(20);
            }
        } // the application stops with the job running

        try (ConfigurableApplicationContext second = start(props)) {
            Api api = new Api(port(second), null, null);
            JsonNode refused = api.get("/api/imports/" + refusedId).json();
            assertThat(refused.get("state").asString()).isEqualTo("failed");
            assertThat(refused.get("rowsRead").asLong()).isEqualTo(2);
            assertThat(refused.get("rowsRefused").asLong()).isEqualTo(1);
            assertThat(refused.at("/problem/errors/0/line").asLong()).isEqualTo(3);
            assertThat(refused.at("/problem/errors/0/problem").asString()).contains("event_date '2019-19-08'");

            Api.Response answer = api.get("/api/imports/" + runningId);
            assertThat(answer.status()).isEqualTo(200);
            JsonNode interrupted = answer.json();
            assertThat(interrupted.get("state").asString()).isEqualTo("failed");
            assertThat(interrupted.get("layer").asString()).isEqualTo(layer);
            assertThat(interrupted.at("/problem/detail").asString())
                    .contains("interrupted by a restart")
                    .contains("nothing was stored");
            assertThat(interrupted.get("finishedAt").isNull()).isFalse();
            assertThat(api.get("/api/layers/" + layer + "/features?from=1900-01-01")
                            .json()
                            .get("features"))
                    .isEmpty();
            assertThat(api.get("/api/imports/no-such-job").status()).isEqualTo(404);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> props) {
        // as command-line arguments: they override the profile's properties files, as a deployment's would
        return new SpringApplicationBuilder(FrontlineApplication.class)
                .run(props.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ImportRestartContract.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String upload(int port, String layer, String csv) {
        ImportsContract.Answer a =
                ImportsContract.upload(port, "format=acled&layer=" + layer, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(202);
        return a.body().get("id").asString();
    }

    private static JsonNode await(int port, String id) throws InterruptedException {
        Api api = new Api(port, null, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = api.get("/api/imports/" + id).json();
            if (List.of("done", "failed", "cancelled").contains(job.get("state").asString())) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish");
    }
}
