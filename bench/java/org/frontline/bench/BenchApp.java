package org.frontline.bench;

import org.frontline.FrontlineApplication;
import org.frontline.testsupport.PostgisServer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The app as the PostGIS benches start it: on a free port, no demo data, anonymous reads, warnings only. */
final class BenchApp {
    private BenchApp() {}

    /** The app on the database {@code url} of {@code pg} (a new one, or the one DATABASE_URL names). */
    static ConfigurableApplicationContext onPostgis(PostgisServer pg, String url) {
        return SpringApplication.run(
                FrontlineApplication.class,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + pg.user(),
                "--spring.datasource.password=" + pg.password(),
                "--server.port=0",
                "--frontline.demo.load=false",
                "--frontline.security.anonymous-read=true",
                "--logging.level.root=WARN");
    }

    /** The port the app listens on. */
    static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
