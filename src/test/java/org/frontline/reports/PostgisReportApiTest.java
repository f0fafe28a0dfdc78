package org.frontline.reports;

import org.frontline.testsupport.PostgisServer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The report API contract on a real PostgreSQL + PostGIS server (skips loudly without one; fails in CI). */
@ActiveProfiles("postgis")
class PostgisReportApiTest extends ReportApiContract {

    @BeforeAll
    static void needsPostgis() {
        PostgisServer.require();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisServer.register(registry);
    }
}
