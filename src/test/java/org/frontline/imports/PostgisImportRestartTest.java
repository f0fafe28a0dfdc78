package org.frontline.imports;

import java.util.Map;
import org.frontline.testsupport.PostgisServer;

/** Import jobs outlive a restart on PostgreSQL + PostGIS (skips loudly without it; fails in CI). */
class PostgisImportRestartTest extends ImportRestartContract {

    @Override
    Map<String, Object> database() {
        PostgisServer pg = PostgisServer.require();
        return Map.of(
                "spring.profiles.active", "postgis",
                "spring.datasource.url", pg.newDatabase(),
                "spring.datasource.username", pg.user(),
                "spring.datasource.password", pg.password());
    }
}
