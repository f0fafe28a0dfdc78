package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.web.RequestBudgetApiTest.EXPORTS;
import static org.frontline.web.RequestBudgetApiTest.assertIsOverBudget;

import java.util.ArrayList;
import java.util.List;
import org.frontline.layers.LayerService;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Issue 10: layer exports have their own time budget ({@code frontline.export-budget}) and their own pool of
 * permits. With a 1 ms export budget every export format (CSV, GeoJSON, KML, GeoPackage, shapefile) is answered
 * 503 + Retry-After as problem+json naming that setting — before any byte of the file, never a short 200 — and
 * its permit comes back; an analysis, under the 30 s request budget, still answers 200. With every export permit
 * taken, an export waits and gets "busy" while an analysis still gets its permit, and the other way round.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/budget-${random.uuid}.db",
            "frontline.demo.load=false",
            "frontline.export-budget=1ms"
        })
class ExportBudgetApiTest {
    private final JdbcUserDetailsManager users;
    private final LayerService layers;
    private final HeavyWorkLimit limit;
    Api ana;

    @LocalServerPort
    int port;

    ExportBudgetApiTest(
            @Autowired JdbcUserDetailsManager users, @Autowired LayerService layers, @Autowired HeavyWorkLimit limit) {
        this.users = users;
        this.layers = layers;
        this.limit = limit;
    }

    @BeforeEach
    void setUp() {
        ana = RequestBudgetApiTest.seed(users, layers, port);
    }

    @Test
    void anExportOverTheExportBudgetIsAnswered503BeforeAnyByteWhileAnalysesKeepTheirBudget() {
        for (int round = 0; round < 3; round++) { // the permit comes back each time: never "busy with N"
            for (String format : EXPORTS) {
                assertIsOverBudget(ana.get("/api/export/events." + format), "frontline.export-budget");
            }
        }
        assertThat(RequestBudgetApiTest.buffer(ana, 100).status()).isEqualTo(200);
        assertThat(ana.get("/api/layers/events/features").status()).isEqualTo(200);
        assertThat(ana.get("/ogc/collections/events/items").status()).isEqualTo(200);
    }

    @Test
    void withEveryExportPermitTakenAnExportIsBusyAndAnAnalysisStillRuns() {
        whileTaken(limit.exports, () -> {
            assertIsBusy(ana.get("/api/export/events.csv"), limit.exports.size + " layer exports");
            Response analysis = RequestBudgetApiTest.buffer(ana, 100);
            assertThat(analysis.status()).as(analysis.body()).isEqualTo(200);
            assertThat(analysis.json().path("features")).hasSize(1);
        });
        // the permits are back: the export gets one again (and runs over its 1 ms budget)
        assertIsOverBudget(ana.get("/api/export/events.csv"), "frontline.export-budget");
    }

    @Test
    void withEveryAnalysisPermitTakenAnExportStillGetsOne() {
        whileTaken(limit.analyses, () -> {
            assertIsBusy(RequestBudgetApiTest.buffer(ana, 100), limit.analyses.size + " analyses or briefing exports");
            // a permit of its own pool: it runs, and here over its 1 ms export budget, rather than "busy"
            assertIsOverBudget(ana.get("/api/export/events.csv"), "frontline.export-budget");
        });
        assertThat(RequestBudgetApiTest.buffer(ana, 100).status()).isEqualTo(200);
    }

    /** Runs {@code check} while every permit of the pool is held, as by that many long requests. */
    static void whileTaken(HeavyWorkLimit.Permits pool, Runnable check) {
        List<MockHttpServletRequest> held = new ArrayList<>();
        MockHttpServletResponse none = new MockHttpServletResponse();
        try {
            for (int i = 0; i < pool.size; i++) {
                MockHttpServletRequest r = new MockHttpServletRequest();
                assertThat(pool.preHandle(r, none, null)).isTrue();
                held.add(r);
            }
            check.run();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            held.forEach(r -> pool.afterCompletion(r, none, null, null));
        }
    }

    /** 503 + Retry-After after waiting for a permit (about 3 s), saying which pool is full. */
    static void assertIsBusy(Response r, String work) {
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(r.json().path("detail").asString())
                .isEqualTo("the server is busy with " + work + "; try again in 5 s");
    }
}
