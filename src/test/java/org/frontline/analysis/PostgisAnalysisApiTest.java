package org.frontline.analysis;

import org.frontline.testsupport.PostgisServer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The analysis API on PostgreSQL + PostGIS with the demo scenario (skips loudly without one; fails in CI). */
@ActiveProfiles("postgis")
class PostgisAnalysisApiTest extends AnalysisApiContract {

    @BeforeAll
    static void needsPostgis() {
        PostgisServer.require();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisServer.register(registry);
    }
}
