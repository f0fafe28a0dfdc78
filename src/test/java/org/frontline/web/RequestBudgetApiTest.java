package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Issue 15.2: with a tiny time budget ({@code frontline.request-budget=1ms}) an analysis (a buffer of 4,000
 * points) and an export (CSV of 400 events) are stopped and answered 503 + Retry-After as problem+json — the same
 * answer as when every permit is taken — and their permits come back, so the next requests get the same answer
 * rather than "busy". Without the budget both answer 200 after a second or more.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/budget-${random.uuid}.db",
            "frontline.demo.load=false",
            "frontline.request-budget=1ms"
        })
class RequestBudgetApiTest {
    static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final JdbcUserDetailsManager users;
    private final LayerService layers;
    Api ana;

    @LocalServerPort
    int port;

    RequestBudgetApiTest(@Autowired JdbcUserDetailsManager users, @Autowired LayerService layers) {
        this.users = users;
        this.layers = layers;
    }

    @BeforeEach
    void setUp() {
        if (!users.userExists("budget")) {
            users.createUser(User.withUsername("budget")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
            layers.ensureLayer("events", "Events", LayerKind.EVENT, "{}");
            List<NewFeature> events = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                events.add(new NewFeature(
                        null,
                        GEOMETRY.createPoint(new Coordinate(36 + (i % 20) * 0.05, 35 + (i / 20) * 0.05)),
                        Map.of("eventType", "Battles", "fatalities", i % 7),
                        Instant.parse("2019-08-01T00:00:00Z"),
                        Instant.parse("2019-08-02T00:00:00Z"),
                        new Provenance("test", null, LocalDate.of(2019, 8, 1), "high", "exact", "day")));
            }
            layers.add("events", events, "budget", "budget test");
        }
        ana = new Api(port, "budget", "secret");
    }

    @Test
    void anAnalysisOverItsBudgetIsStoppedAndAnswered503WithRetryAfter() {
        StringBuilder points = new StringBuilder("{\"type\":\"MultiPoint\",\"coordinates\":[");
        for (int i = 0; i < 4000; i++) {
            points.append(i == 0 ? "" : ",")
                    .append('[')
                    .append(36 + (i % 80) * 0.01)
                    .append(',')
                    .append(35 + (i / 80) * 0.01)
                    .append(']');
        }
        points.append("]}");
        for (int round = 0; round < 3; round++) { // the permit comes back each time: never "busy with N"
            Response r = ana.postJson("/api/analysis/buffer?distanceKm=5", points.toString());
            assertIsOverBudget(r);
        }
    }

    @Test
    void anExportOverItsBudgetIsStoppedAndAnswered503WithRetryAfter() {
        for (int round = 0; round < 3; round++) {
            assertIsOverBudget(ana.get("/api/export/events.csv"));
            assertIsOverBudget(ana.get("/api/export/events.geojson"));
        }
        // the map's reads have no budget
        assertThat(ana.get("/api/layers/events/features").status()).isEqualTo(200);
    }

    static void assertIsOverBudget(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("title").asString()).isEqualTo("Server busy");
        assertThat(r.json().path("detail").asString()).contains("1 ms time budget");
    }
}
