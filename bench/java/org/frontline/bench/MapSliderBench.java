package org.frontline.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.frontline.FrontlineApplication;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.web.BrowserSupport;
import org.frontline.web.MapScenario;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The time slider's speed in a real browser: the app on a random port with 5,000 generated events in view
 * (dated 2018-09-17 .. 2019-12-31, window "everything so far", stepping from 2020-01-01 on, so all are drawn
 * on every step; the slider's extent runs to the demo's last day), Chromium stepping the date one day at a time. Prints medians and p95 of first paint after load and of one step: with the page's cache
 * emptied first (every layer fetched in full), forward (only the new day's events fetched) and back (cached),
 * as measured by map.js with performance.now() (window.__frontlineTimings).
 */
public final class MapSliderBench {

    static final int EVENTS = 5_000;
    static final int LOADS = 8;
    static final int STEPS = 40;
    static final int COLD_STEPS = 25;

    public static void main(String[] args) throws Exception {
        if (!BrowserSupport.browserAvailable()) {
            System.err.println("MapSliderBench needs /usr/bin/chromium and /usr/bin/chromedriver");
            System.exit(2);
        }
        if (Integer.getInteger("postgisEvents", 0) > 0) {
            MapDensityBench.run(Integer.getInteger("postgisEvents"));
            return;
        }
        // command-line arguments, so they win over application.properties (a file database)
        ConfigurableApplicationContext app = new SpringApplicationBuilder(FrontlineApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:sqlite:target/test-db/mapbench-${random.uuid}.db",
                        "--logging.level.root=WARN",
                        "--frontline.security.admin-password=bench-only-password");
        ChromeDriver browser = null;
        try {
            LayerService layers = app.getBean(LayerService.class);
            MapScenario.ensure(layers);
            layers.ensureLayer("bench-events", "Bench events", LayerKind.EVENT, "{}");
            layers.add(
                    "bench-events",
                    MapScenario.events(EVENTS, 42, "2018-09-17", "2019-12-31", 36.2, 35.3, 37.0, 36.1),
                    "bench",
                    "bench");
            String port = app.getEnvironment().getProperty("local.server.port");
            String link = "http://localhost:" + port
                    + "/?at=2020-01-01&win=all&layers=control,posts,bench-events&c=35.7,36.6&z=9";
            browser = BrowserSupport.launch();
            JavascriptExecutor js = browser;

            List<Double> firstPaint = new ArrayList<>();
            for (int i = 0; i < LOADS; i++) {
                browser.get(link);
                waitReady(browser);
                double ms = ((Number) js.executeScript("return window.__frontlineTimings.firstPaint")).doubleValue();
                if (i > 0) {
                    firstPaint.add(ms); // the first load warms the server and the browser cache
                }
            }
            long drawn =
                    ((Number) js.executeScript("return window.__frontline.drawnCount('bench-events')")).longValue();

            List<Double> cold = new ArrayList<>();
            List<Double> coldFetch = new ArrayList<>();
            List<Double> fresh = new ArrayList<>();
            List<Double> cached = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                step(js, +1, true); // warm-up
            }
            for (int i = 0; i < COLD_STEPS; i++) {
                cold.add(step(js, +1, true));
                coldFetch.add(
                        ((Number) js.executeScript("return window.__frontlineTimings.last.fetchMs")).doubleValue());
            }
            long visible =
                    ((Number) js.executeScript("return window.__frontline.drawnCount('bench-events')")).longValue();
            for (int i = 0; i < STEPS; i++) {
                fresh.add(step(js, +1, false));
            }
            for (int i = 0; i < STEPS; i++) {
                cached.add(step(js, -1, false));
            }
            long requests = ((Number) js.executeScript("return window.__frontline.requests()")).longValue();
            System.out.printf(
                    "%nMapSliderBench: %d of %d events drawn at first paint, %d during the cold steps; "
                            + "Chromium headless, 1280x860%n",
                    drawn, EVENTS, visible);
            report("first paint after load", firstPaint, 1500);
            report("step, cache emptied (full request + redraw)", cold, 150);
            report("  of which requests + JSON parse", coldFetch, 150);
            report("step forward (fetch only the new day)", fresh, 150);
            report("step back (answered from the cache)", cached, 150);
            System.out.printf("fetches made by the page in total: %d%n", requests);
            System.out.printf(
                    "ratio full-request step / incremental step (medians): %.1f%n", median(cold) / median(fresh));
        } finally {
            if (browser != null) {
                browser.quit();
            }
            app.close();
        }
    }

    private static void waitReady(ChromeDriver browser) {
        new WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(d -> "true"
                        .equals(((JavascriptExecutor) d)
                                .executeScript("return document.getElementById('app').dataset.ready")));
    }

    /**
     * Clicks a day step button (after emptying the page's cache if {@code cold}) and waits for that render to
     * finish; returns map.js's own measurement (from the date change to the frame after drawing).
     */
    private static double step(JavascriptExecutor js, int direction, boolean cold) {
        Object ms = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const t = window.__frontlineTimings;"
                        + "if (arguments[1]) window.__frontline.clearCache();"
                        + "const n = t.renders;"
                        + "document.querySelector(`button.step[data-step='${arguments[0]}'][data-unit=day]`).click();"
                        + "const poll = () => t.renders > n ? done(t.last.ms) : setTimeout(poll, 2); poll();",
                direction,
                cold);
        return ((Number) ms).doubleValue();
    }

    private static double median(List<Double> xs) {
        return percentile(xs, 50);
    }

    private static double percentile(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }

    private static void report(String what, List<Double> xs, double budget) {
        double med = median(xs);
        System.out.printf(
                "%-42s median %7.1f ms   p95 %7.1f ms   (n=%d, budget %.0f ms: %s)%n",
                what, med, percentile(xs, 95), xs.size(), budget, med <= budget ? "OK" : "OVER");
    }
}
