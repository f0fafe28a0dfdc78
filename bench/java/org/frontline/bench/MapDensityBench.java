package org.frontline.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.frontline.testsupport.PostgisServer;
import org.frontline.web.BrowserSupport;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The map at size (issue 12): N generated events in PostGIS (StoreBench's generator), the map page in headless
 * Chromium at zoom 8 and 12 with the windows "month" and "all": first paint, one slider step (a day forward,
 * as map.js measures it: request + draw + a frame) and the bytes transferred per step (resource timing,
 * compressed). Run: POSTGIS_EVENTS=1000000 bench/map.sh
 */
final class MapDensityBench {
    static final int LOADS = 4;
    static final int STEPS = 15;

    private MapDensityBench() {}

    static void run(int events) throws Exception {
        PostgisServer pg = PostgisServer.require();
        String url = pg.newDatabase();
        ConfigurableApplicationContext app = BenchApp.onPostgis(pg, url);
        ChromeDriver browser = null;
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
            if (!HistogramBench.generated(c)) { // DATABASE_URL may name a database filled before
                long t0 = System.nanoTime();
                StoreBench.generate(c, 0, events);
                System.out.printf(
                        Locale.ROOT, "generated %,d events in %.1f s%n", events, (System.nanoTime() - t0) / 1e9);
            }
            int port = BenchApp.port(app);
            browser = BrowserSupport.launch();
            JavascriptExecutor js = browser;
            System.out.printf(
                    Locale.ROOT, "%nMapDensityBench: %,d events in PostGIS, Chromium headless 1280x860%n", events);
            for (int zoom : new int[] {8, 12}) {
                for (String win : new String[] {"month", "all"}) {
                    String link = "http://localhost:" + port + "/?at=2019-06-15&win=" + win
                            + "&layers=events&c=35.8,36.85&z=" + zoom;
                    List<Double> paint = new ArrayList<>();
                    for (int i = 0; i <= LOADS; i++) {
                        browser.get(link);
                        new WebDriverWait(browser, java.time.Duration.ofSeconds(120))
                                .until(d -> "true"
                                        .equals(((JavascriptExecutor) d)
                                                .executeScript("return document.getElementById('app').dataset.ready")));
                        if (i > 0) {
                            paint.add(((Number) js.executeScript("return window.__frontlineTimings.firstPaint"))
                                    .doubleValue());
                        }
                    }
                    List<Double> steps = new ArrayList<>();
                    List<Double> bytes = new ArrayList<>();
                    List<Double> fetches = new ArrayList<>();
                    List<Double> draws = new ArrayList<>();
                    for (int i = 0; i < STEPS + 2; i++) {
                        Object[] r = step(js);
                        if (i >= 2) {
                            steps.add((Double) r[0]);
                            bytes.add((Double) r[1]);
                            fetches.add((Double) r[2]);
                            draws.add((Double) r[3]);
                        }
                    }
                    @SuppressWarnings("unchecked")
                    java.util.Map<String, Object> drawn = (java.util.Map<String, Object>)
                            js.executeScript("return window.__frontline.events('events')");
                    System.out.printf(
                            Locale.ROOT,
                            "zoom %2d window %-5s first paint median %7.1f ms | step median %6.1f ms"
                                    + " p95 %6.1f ms (fetch %5.1f + draw %5.1f) | bytes/step median %,8.0f max %,8.0f"
                                    + " | drawn: %s%n",
                            zoom,
                            win,
                            median(paint),
                            median(steps),
                            pct(steps, 95),
                            median(fetches),
                            median(draws),
                            median(bytes),
                            pct(bytes, 100),
                            drawn);
                }
            }
        } finally {
            if (browser != null) {
                browser.quit();
            }
            app.close();
        }
        System.exit(0);
    }

    /** One day forward: map.js's own timing and the compressed bytes the page fetched for it. */
    private static Object[] step(JavascriptExecutor js) {
        @SuppressWarnings("unchecked")
        List<Object> r = (List<Object>)
                js.executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; const t = window.__frontlineTimings;"
                                + "performance.clearResourceTimings(); const n = t.renders;"
                                + "document.querySelector(`button.step[data-step='1'][data-unit=day]`).click();"
                                + "const poll = () => { if (t.renders > n) { const b = performance.getEntriesByType('resource')"
                                + ".filter((e) => e.name.includes('/api/')).reduce((s, e) => s + e.transferSize, 0);"
                                + "done([t.last.ms, b, t.last.fetchMs, t.last.drawMs]); } else setTimeout(poll, 2); }; poll();");
        return new Object[] {
            ((Number) r.get(0)).doubleValue(),
            ((Number) r.get(1)).doubleValue(),
            ((Number) r.get(2)).doubleValue(),
            ((Number) r.get(3)).doubleValue()
        };
    }

    private static double median(List<Double> xs) {
        return pct(xs, 50);
    }

    private static double pct(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * s.size()) - 1)));
    }
}
