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
 * The time slider's speed in a real browser: the app on a random port with 5,000 generated events (all in
 * view, window "everything so far"), Chromium stepping the date one day at a time. Prints medians and p95 of
 * first paint after load and of one step (request + redraw; uncached days, then the same days from the cache),
 * as measured by map.js with performance.now() (window.__frontlineTimings).
 */
public final class MapSliderBench {

    static final int EVENTS = 5_000;
    static final int LOADS = 8;
    static final int STEPS = 40;

    public static void main(String[] args) throws Exception {
        if (!BrowserSupport.browserAvailable()) {
            System.err.println("MapSliderBench needs /usr/bin/chromium and /usr/bin/chromedriver");
            System.exit(2);
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(FrontlineApplication.class)
                .properties("server.port=0", "spring.datasource.url=jdbc:h2:mem:mapbench;DB_CLOSE_DELAY=-1",
                        "logging.level.root=WARN")
                .run();
        ChromeDriver browser = null;
        try {
            LayerService layers = app.getBean(LayerService.class);
            MapScenario.ensure(layers);
            layers.ensureLayer("bench-events", "Bench events", LayerKind.EVENT, "{}");
            layers.add("bench-events", MapScenario.events(EVENTS, 42, 36.2, 35.3, 37.0, 36.1), "bench", "bench");
            String port = app.getEnvironment().getProperty("local.server.port");
            String link = "http://localhost:" + port
                    + "/?at=2020-03-16&win=all&layers=control,posts,bench-events&c=35.7,36.6&z=9";
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
            long drawn = ((Number) js.executeScript("return window.__frontline.drawnCount('bench-events')")).longValue();

            List<Double> fresh = new ArrayList<>();
            List<Double> cached = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                step(js, -1); // warm-up
            }
            for (int i = 0; i < STEPS; i++) {
                fresh.add(step(js, -1));
            }
            for (int i = 0; i < STEPS; i++) {
                cached.add(step(js, +1));
            }
            long requests = ((Number) js.executeScript("return window.__frontline.requests()")).longValue();
            System.out.printf("%nMapSliderBench: %d events drawn (of %d generated), Chromium headless%n", drawn, EVENTS);
            report("first paint after load", firstPaint, 1500);
            report("slider step, new day (request + redraw)", fresh, 150);
            report("slider step, cached day (redraw)", cached, 150);
            System.out.printf("fetches made by the page in total: %d%n", requests);
            System.out.printf("ratio new-day / cached-day step (medians): %.1f%n", median(fresh) / median(cached));
        } finally {
            if (browser != null) {
                browser.quit();
            }
            app.close();
        }
    }

    private static void waitReady(ChromeDriver browser) {
        new WebDriverWait(browser, java.time.Duration.ofSeconds(30)).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript("return document.getElementById('app').dataset.ready")));
    }

    /** Clicks a day step button and waits for that render to finish; returns map.js's own measurement. */
    private static double step(JavascriptExecutor js, int direction) {
        Object ms = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const t = window.__frontlineTimings;"
                        + "const n = t.renders;"
                        + "document.querySelector(`button.step[data-step='${arguments[0]}'][data-unit=day]`).click();"
                        + "const poll = () => t.renders > n ? done(t.last.ms) : setTimeout(poll, 2); poll();",
                direction);
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
        System.out.printf("%-42s median %7.1f ms   p95 %7.1f ms   (n=%d, budget %.0f ms: %s)%n", what, med,
                percentile(xs, 95), xs.size(), budget, med <= budget ? "OK" : "OVER");
    }
}
