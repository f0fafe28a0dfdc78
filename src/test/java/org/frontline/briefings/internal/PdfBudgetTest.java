package org.frontline.briefings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Issue 15.2: the PDF export checks the request's time budget ({@code frontline.request-budget}) at every frame,
 * not only when a frame reads features. Its frames here show a layer that has since been removed, so they read
 * nothing (they are drawn with the basemap and the key's "no longer exists" note): with a 1 ms budget the
 * 12-frame PDF is refused with 503 + Retry-After as problem+json, every time (the permit comes back), while the same
 * briefing rendered without a budget is a 12-page PDF. Before the check it answered 200 after rendering all
 * 12 pages. Same context as {@code RequestBudgetApiTest} (same properties).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/budget-${random.uuid}.db",
            "frontline.demo.load=false",
            "frontline.request-budget=1ms"
        })
class PdfBudgetTest {
    private static final int FRAMES = 12;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    LayerService layers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BriefingService briefings;

    @Autowired
    PdfExport pdf;

    @LocalServerPort
    int port;

    @Test
    void aMultiFramePdfOverItsBudgetIsRefused503AtAFrameAndRendersWithoutABudget() throws IOException {
        if (!users.userExists("pdfbudget")) {
            users.createUser(User.withUsername("pdfbudget")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
        }
        // frame dates are checked against the data's time extent: one dated event gives it one
        layers.ensureLayer("events", "Events", LayerKind.EVENT, "{}");
        layers.add(
                "events",
                List.of(new NewFeature(
                        null,
                        new GeometryFactory().createPoint(new Coordinate(36.6, 35.9)),
                        Map.of("eventType", "Battles"),
                        Instant.parse("2019-08-01T00:00:00Z"),
                        Instant.parse("2019-08-02T00:00:00Z"),
                        new Provenance("test", null, LocalDate.of(2019, 8, 1), "high", "exact", "day"))),
                "pdfbudget",
                "pdf budget test");
        layers.ensureLayer("gone", "Removed layer", LayerKind.POINT, "{}");
        Api ana = new Api(port, "pdfbudget", "secret");
        Response created = ana.postJson("/api/briefings", "{\"title\":\"PDF budget\",\"summary\":\"test\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String slug = created.json().path("slug").asString();
        for (int i = 0; i < FRAMES; i++) {
            Response f = ana.postJson(
                    "/api/briefings/" + slug + "/frames",
                    "{\"title\":\"Frame " + i + "\",\"day\":\"2019-08-01\",\"center\":[35.9,36.6],\"zoom\":8,"
                            + "\"layers\":[\"gone\"],\"narrative\":\"Frame " + i + "\"}");
            assertThat(f.status()).as(f.body()).isEqualTo(201);
        }
        assertThat(jdbc.update("DELETE FROM layer WHERE id = 'gone'")).isEqualTo(1);

        for (int round = 0; round < 3; round++) {
            Response r = ana.get("/briefings/" + slug + "/export.pdf");
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.header("Retry-After")).isEqualTo("5");
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).contains("1 ms time budget");
        }

        // this thread has no budget: the same briefing renders, one page per frame
        try (PDDocument doc = Loader.loadPDF(pdf.render(briefings.playback(slug)))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(FRAMES);
        }
    }
}
