package org.frontline.ogc;

import org.frontline.testsupport.PostgisServer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The OGC API contract on PostgreSQL + PostGIS (skips loudly without it; fails in CI). */
@ActiveProfiles("postgis")
class PostgisOgcApiTest extends OgcApiContract {

    @BeforeAll
    static void needsPostgis() {
        PostgisServer.require();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisServer.register(registry);
    }
}
