package org.frontline.agreements;

import org.frontline.testsupport.PostgisServer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Agreements on PostgreSQL + PostGIS (skips loudly without one; fails in CI). */
@ActiveProfiles("postgis")
class PostgisAgreementsApiTest extends AgreementsApiContract {

    @BeforeAll
    static void needsPostgis() {
        PostgisServer.require();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisServer.register(registry);
    }
}
