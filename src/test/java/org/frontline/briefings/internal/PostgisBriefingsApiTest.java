package org.frontline.briefings.internal;

import org.frontline.testsupport.PostgisServer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same briefings API tests on a real PostgreSQL + PostGIS server (skips loudly without one; fails in CI). */
@ActiveProfiles("postgis")
class PostgisBriefingsApiTest extends BriefingsApiTest {

    @BeforeAll
    static void needsPostgis() {
        PostgisServer.require();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisServer pg = PostgisServer.require();
        String url = pg.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", pg::user);
        registry.add("spring.datasource.password", pg::password);
        registry.add("frontline.demo.load", () -> "true");
        registry.add("frontline.security.anonymous-read", () -> "false");
    }
}
