package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frontline.geo.GeodesicMeasure;
import org.frontline.layers.LayerService;
import org.frontline.style.ColourVision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * What a reader sees and uses, at 1280 × 800 and at a phone's 390 × 844: legends a colour-blind reader can tell
 * apart (simulated), post symbols, the map tools, the phone layout, the player's timeline, the sign-in page,
 * and axe-core on the player and sign-in pages. Screenshots under target/screenshots/.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/mapbrowser-${random.uuid}.db",
            "frontline.demo.load=true"
        })
class LookAndToolsBrowserTest extends BrowserSupport {

    @Autowired
    LayerService layers;

    @BeforeEach
    void scenario() {
        MapScenario.ensure(layers);
        size(1280, 800, false);
    }

    @AfterEach
    void desktop() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private void size(int w, int h, boolean mobile) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", w, "height", h, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private void openMap(String query) {
        browser.get(url("/" + query));
        waitUpTo(30).until(d -> "true".equals(js("return document.getElementById('app').dataset.ready")));
    }

    @SuppressWarnings("unchecked")
    private List<String> legendColours(String layer) {
        return (List<String>) js(
                "return [...document.querySelectorAll('li[data-layer=\"' + arguments[0]"
                        + " + '\"] .legend-swatch')].map(s => s.dataset.color)",
                layer);
    }

    @Test
    void partiesAndPostStatusesStayApartForColourBlindReaders() throws Exception {
        openMap("?at=2019-08-23&layers=control,posts&c=35.45,36.65&z=10");
        waitUpTo(20).until(d -> legendColours("posts").size() >= 3);
        for (String layer : List.of("control", "posts")) {
            List<String> colours = legendColours(layer);
            assertThat(colours).as(layer).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
            for (double[][] vision : List.of(ColourVision.DEUTERANOPIA, ColourVision.PROTANOPIA)) {
                for (int i = 0; i < colours.size(); i++) {
                    for (int j = i + 1; j < colours.size(); j++) {
                        assertThat(ColourVision.distance(colours.get(i), colours.get(j), vision))
                                .as(layer + ": " + colours.get(i) + " vs " + colours.get(j))
                                .isGreaterThan(20);
                    }
                }
            }
        }
        // posts differ by shape as well: Morek (surrounded) is a square, open posts are circles
        @SuppressWarnings("unchecked")
        List<String> shapes = (List<String>) js("return [...document.querySelectorAll('.post-icon svg')]"
                + ".map(s => [...s.classList].find(c => c.startsWith('fl-symbol-')))");
        assertThat(shapes).contains("fl-symbol-square", "fl-symbol-circle");
        screenshot("map-1280x800.png");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void scaleBarCoordinatesMeasuringAndPrintLayout() throws Exception {
        openMap("?at=2019-08-23&layers=control,posts,events&c=35.9,36.9&z=9");
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-scale")).getText())
                .contains("km");
        WebElement coords = browser.findElement(By.cssSelector(".fl-coords-value"));
        assertThat(coords.getText()).matches("3\\d\\.\\d{5}, 3\\d\\.\\d{5}");
        browser.findElement(By.cssSelector(".fl-coords-mode")).click();
        assertThat(coords.getText()).matches("3[67]S [A-Z]{2} \\d{5} \\d{5}");
        // Idlib to Aleppo, measured on the map against GeographicLib's geodesic
        js("const m = window.__mapTools.measure; m.start();"
                + " m.add(L.latLng(35.93, 36.63)); m.add(L.latLng(36.20, 37.16));");
        String text = browser.findElement(By.cssSelector(".fl-measure-result")).getText();
        double km = Double.parseDouble(text.replaceAll("[^0-9.]", ""));
        double expected = GeodesicMeasure.distanceKm(36.63, 35.93, 37.16, 36.20);
        assertThat(km).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.1));
        js("window.__mapTools.measure.stop()");
        js("window.__mapTools.print.prepare()");
        String sheet = (String) js("return document.getElementById('print-sheet').textContent");
        assertThat(sheet).contains("23 August 2019", "Key", "Control areas", "Sources", "Natural Earth");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        screenshot("map-print-layout.png");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void phoneLayoutKeepsTheSliderInReachAndThePanelFolds() throws Exception {
        size(390, 844, true);
        openMap("?at=2019-08-23&layers=control,posts&c=35.7,36.6&z=8");
        assertThat((Boolean) js("return document.getElementById('panel-body').hidden"))
                .as("panel starts folded")
                .isTrue();
        screenshot("map-390x844.png");
        Map<?, ?> slider = rect("#slider");
        assertThat(((Number) slider.get("bottom")).doubleValue()).isLessThanOrEqualTo(844);
        assertThat(((Number) slider.get("height")).doubleValue())
                .as("thumb-sized")
                .isGreaterThanOrEqualTo(30);
        assertThat(((Number) slider.get("width")).doubleValue()).isGreaterThan(300);
        for (WebElement b : browser.findElements(By.cssSelector("#timebar button"))) {
            assertThat(b.getSize().getHeight()).as(b.getText()).isGreaterThanOrEqualTo(40);
            assertThat(b.getRect().getX() + b.getSize().getWidth()).isLessThanOrEqualTo(390);
            assertThat(b.getRect().getY() + b.getSize().getHeight())
                    .as(b.getText() + " on screen")
                    .isLessThanOrEqualTo(844);
        }
        assertThat(noSidewaysScroll()).isTrue();
        browser.findElement(By.id("panel-toggle")).click();
        assertThat((Boolean) js("return document.getElementById('panel-body').hidden"))
                .isFalse();
        screenshot("map-390x844-panel.png");
        for (String page : List.of("/briefings", "/reports/review", "/login")) {
            browser.get(url(page));
            assertThat(noSidewaysScroll()).as(page).isTrue();
            screenshot("page" + page.replace('/', '-') + "-390x844.png");
        }
    }

    @Test
    void playerFitsAPhoneAndItsTimelineTicksDoNotCollide() throws Exception {
        for (int[] s : new int[][] {{1280, 800}, {390, 844}}) {
            size(s[0], s[1], s[0] < 600);
            browser.get(url("/briefings/idlib-2018-2020#4"));
            waitUpTo(30).until(d -> "4".equals(js("return document.getElementById('briefing').dataset.frame")));
            Thread.sleep(1200); // the fly-to animation
            @SuppressWarnings("unchecked")
            List<Map<String, Number>> ticks = (List<Map<String, Number>>) js("return [...document.querySelectorAll("
                    + "'#timeline .tick')].map(t => { const r = t.getBoundingClientRect();"
                    + " return {l: r.left, r: r.right, t: r.top, b: r.bottom}; })");
            assertThat(ticks).hasSize(6);
            for (int i = 0; i < ticks.size(); i++) {
                for (int j = i + 1; j < ticks.size(); j++) {
                    assertThat(overlap(ticks.get(i), ticks.get(j)))
                            .as("ticks " + (i + 1) + " and " + (j + 1))
                            .isFalse();
                }
            }
            assertThat(browser.findElement(By.id("frame-date")).getText()).startsWith("23 August 2019");
            assertThat(browser.findElement(By.id("frame-legend")).getText())
                    .contains("government", "surrounded", "ground gained since the previous frame");
            assertThat(noSidewaysScroll()).isTrue();
            screenshot("player-" + s[0] + "x" + s[1] + ".png");
            browser.get(url("/briefings"));
            screenshot("briefings-" + s[0] + "x" + s[1] + ".png");
        }
        assertThat(consoleErrors()).isEmpty();
    }

    private static boolean overlap(Map<String, Number> a, Map<String, Number> b) {
        return a.get("l").doubleValue() < b.get("r").doubleValue() - 1
                && b.get("l").doubleValue() < a.get("r").doubleValue() - 1
                && a.get("t").doubleValue() < b.get("b").doubleValue() - 1
                && b.get("t").doubleValue() < a.get("b").doubleValue() - 1;
    }

    @Test
    void signInPageLooksLikeTheAppAndLinksBackToTheMap() throws Exception {
        browser.get(url("/login"));
        assertThat(browser.getTitle()).contains("Frontline");
        assertThat(browser.findElement(By.cssSelector("nav a[href='/']")).getText())
                .contains("map");
        assertThat(browser.findElements(By.cssSelector("main form input[type=password]")))
                .hasSize(1);
        screenshot("login-1280x800.png");
        assertThat(axeViolations()).isEmpty();
        browser.findElement(By.id("username")).sendKeys("nobody");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUpTo(10).until(d -> !browser.findElements(By.cssSelector(".error")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".error")).getText()).contains("do not match");
        size(390, 844, true);
        browser.get(url("/login"));
        screenshot("login-390x844.png");
    }

    @Test
    void playerPageIsAxeClean() throws Exception {
        browser.get(url("/briefings/idlib-2018-2020#2"));
        waitUpTo(30).until(d -> "2".equals(js("return document.getElementById('briefing').dataset.frame")));
        assertThat(axeViolations()).isEmpty();
    }

    private boolean noSidewaysScroll() {
        return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1");
    }

    private Map<?, ?> rect(String css) {
        return (Map<?, ?>) js(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + " return {bottom: r.bottom, height: r.height, width: r.width};",
                css);
    }

    /** axe-core's violations (rule id: nodes), from the WebJar on the test class path. */
    private List<String> axeViolations() throws IOException {
        String axe;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        js(axe);
        Object result = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — '"
                + " + v.nodes.map(n => n.target.join(' ')).slice(0, 4).join(', '))))");
        List<String> out = new ArrayList<>();
        ((List<?>) result).forEach(v -> out.add(String.valueOf(v)));
        return out;
    }
}
