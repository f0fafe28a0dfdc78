package org.frontline.imports;

import java.util.Map;
import java.util.UUID;

/** Import jobs outlive a restart on the embedded database (the same SQLite file for both runs). */
class EmbeddedImportRestartTest extends ImportRestartContract {
    private final String file = "target/test-db/import-restart-" + UUID.randomUUID() + ".db";

    @Override
    Map<String, Object> database() {
        return Map.of("spring.datasource.url", "jdbc:sqlite:" + file);
    }
}
