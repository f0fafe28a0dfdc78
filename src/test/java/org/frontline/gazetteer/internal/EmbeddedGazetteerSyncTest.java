package org.frontline.gazetteer.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gazetteer's database copy on the embedded database. */
class EmbeddedGazetteerSyncTest extends GazetteerSyncContract {
    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("frontline.gazetteer.dir", () -> dir.toString());
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("sync.db"));
    }

    @Override
    Path dir() {
        return dir;
    }
}
