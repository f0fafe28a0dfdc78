package org.frontline.gazetteer.internal;

import java.nio.file.Path;
import org.frontline.testsupport.PostgisServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gazetteer's database copy on a real PostgreSQL (skips loudly without one; fails in CI). */
@ActiveProfiles("postgis")
class PostgisGazetteerSyncTest extends GazetteerSyncContract {
    @TempDir
    static Path dir;

    @BeforeAll
    static void needsPostgis() {
        PostgisServer.require();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        PostgisServer.register(registry);
        registry.add("frontline.gazetteer.dir", () -> dir.toString());
    }

    @Override
    Path dir() {
        return dir;
    }
}
