package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The map page in a real browser, on the embedded database with the demo scenario loaded. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/mapbrowser-${random.uuid}.db",
            "frontline.demo.load=true"
        })
class MapPageBrowserTest extends BrowserSupport {

    static final String XSS = "<img src=x onerror=alert(1)>";
    static final GeometryFactory GEO = new GeometryFactory(new PrecisionModel(), 4326);

    @Autowired
    LayerService layers;

    /** A point layer holding a hostile name, far from the demo features so a click hits only it. */
    @BeforeEach
    void hostileFeature() {
        MapScenario.ensure(layers);
        if (layers.layer("field-notes").isPresent()) {
            return;
        }
        layers.ensureLayer("field-notes", "Field notes", LayerKind.POINT, "{}");
        Map<String, Object> props = Map.of("name", XSS, "status", "open", "notes", "<script>alert(2)</script>");
        layers.add(
                "field-notes",
                List.of(new NewFeature(
                        "note-xss",
                        GEO.createPoint(new Coordinate(35.2, 36.9)),
                        props,
                        Instant.parse("2018-01-01T00:00:00Z"),
                        null,
                        new Provenance(
                                "<b>Evil</b> Press",
                                "javascript:alert(3)",
                                java.time.LocalDate.parse("2019-08-20"),
                                "low",
                                "near",
                                "day"))),
                "test",
                "XSS check");
    }

    private void openMap(String query) {
        browser.get(url("/" + query));
        waitUpTo(20).until(d -> "true".equals(js("return document.getElementById('app').dataset.ready")));
    }

    private void waitRenderedDay(String iso) {
        waitUpTo(15).until(d -> iso.equals(js("return document.getElementById('app').dataset.renderedDay")));
    }

    private List<String> controlOutlines() {
        return browser.findElements(By.cssSelector("path.fl-layer-control")).stream()
                .map(p -> p.getAttribute("d"))
                .toList();
    }

    private long drawn(String layer) {
        return ((Number) js("return window.__frontline.drawnCount(arguments[0])", layer)).longValue();
    }

    @Test
    void mapLoadsWithItsLayersAndNoConsoleErrors() {
        if (browser.getCurrentUrl().startsWith("http")) {
            consoleErrors(); // drain what earlier tests left in the log
        }
        openMap("");
        assertThat(consoleErrors()).isEmpty();
        List<String> titles = browser.findElements(By.cssSelector("#layer-list .layer-title")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(titles).contains("Field notes").hasSizeGreaterThanOrEqualTo(6);
        assertThat(controlOutlines()).isNotEmpty();
        // offline basemap drawn: land outline and town labels from the shipped files
        assertThat(browser.findElements(By.cssSelector(".place-label")))
                .extracting(WebElement::getText)
                .contains("Idlib", "Aleppo");
        assertThat(browser.findElement(By.id("date-label")).getText()).matches("\\d{1,2} [A-Z][a-z]+ \\d{4}");
        assertThat(browser.findElement(By.id("notice")).isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).contains("at=").contains("layers=").contains("z=");
    }

    @Test
    void switchingALayerOffRemovesItsFeatures() {
        openMap("?at=2019-08-23&win=month&layers=control,posts,events");
        assertThat(controlOutlines()).isNotEmpty();
        int posts = browser.findElements(By.cssSelector(".post-icon.fl-layer-posts"))
                .size();
        assertThat(posts).isEqualTo(12);
        assertThat(drawn("events")).isPositive();

        browser.findElement(By.cssSelector("#layer-list input[data-layer=control]"))
                .click();
        assertThat(controlOutlines()).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".post-icon.fl-layer-posts")))
                .hasSize(posts);

        browser.findElement(By.cssSelector("#layer-list input[data-layer=events]"))
                .click();
        assertThat(drawn("events")).isZero();
        waitUpTo(5).until(d -> !browser.getCurrentUrl().contains("control"));
        assertThat(browser.getCurrentUrl()).contains("layers=posts");

        browser.findElement(By.cssSelector("#layer-list input[data-layer=control]"))
                .click();
        waitUpTo(10).until(d -> !controlOutlines().isEmpty());
    }

    @Test
    void movingTheSliderChangesTheControlAreas() {
        openMap("?at=2019-04-30&layers=control,posts&c=35.6,36.7&z=9");
        List<String> before = controlOutlines();
        assertThat(before).isNotEmpty();
        assertThat(browser.findElement(By.id("date-label")).getText()).isEqualTo("30 April 2019");
        String moreBefore = morekStatus();

        // drag the slider as a user would: its value changes, then it is released
        js("const s = document.getElementById('slider');"
                + "const start = Date.UTC(2019, 3, 30) / 864e5 - (Number(s.value));"
                + "s.value = String(Date.UTC(2020, 2, 5) / 864e5 - start);"
                + "s.dispatchEvent(new Event('input', {bubbles: true}));"
                + "s.dispatchEvent(new Event('change', {bubbles: true}));");
        waitRenderedDay("2020-03-05");
        assertThat(browser.findElement(By.id("date-label")).getText()).isEqualTo("5 March 2020");
        List<String> after = controlOutlines();
        assertThat(after).isNotEmpty().isNotEqualTo(before);
        assertThat(morekStatus()).isNotEqualTo(moreBefore);
        waitUpTo(5).until(d -> browser.getCurrentUrl().contains("at=2020-03-05"));

        // a step button moves one day; the arrow key on the slider another
        browser.findElement(By.cssSelector("button.step[data-step='-1'][data-unit=day]"))
                .click();
        waitRenderedDay("2020-03-04");
        browser.findElement(By.id("slider")).sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
        waitRenderedDay("2020-03-03");
        assertThat(browser.findElement(By.id("date-label")).getText()).isEqualTo("3 March 2020");
    }

    /** Morek's post (post-ids are from the demo) is open before August 2019 and surrounded after. */
    private String morekStatus() {
        return browser.findElements(By.cssSelector(".post-icon.fl-layer-posts")).stream()
                        .map(e -> e.getAttribute("class"))
                        .filter(c -> c.contains("status-surrounded"))
                        .count()
                + "";
    }

    @Test
    void aPermalinkRestoresDateLayersAndViewAndBackStepsThroughViews() {
        openMap("?at=2019-08-23&win=month&layers=events,control&c=35.6,36.6&z=10");
        assertThat(browser.findElement(By.id("date-label")).getText()).isEqualTo("23 August 2019");
        assertThat(browser.findElement(By.id("window")).getAttribute("value")).isEqualTo("month");
        assertThat(checked("events")).isTrue();
        assertThat(checked("control")).isTrue();
        assertThat(checked("posts")).isFalse();
        assertThat(browser.findElements(By.cssSelector(".post-icon.fl-layer-posts")))
                .isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) js("return window.__frontline.view()");
        @SuppressWarnings("unchecked")
        List<Number> center = (List<Number>) view.get("center");
        assertThat(center.get(0).doubleValue()).isCloseTo(35.6, org.assertj.core.data.Offset.offset(0.01));
        assertThat(center.get(1).doubleValue()).isCloseTo(36.6, org.assertj.core.data.Offset.offset(0.01));
        assertThat(((Number) view.get("zoom")).intValue()).isEqualTo(10);

        browser.findElement(By.cssSelector("button.step[data-step='1'][data-unit=week]"))
                .click();
        waitRenderedDay("2019-08-30");
        waitUpTo(5).until(d -> browser.getCurrentUrl().contains("at=2019-08-30"));
        browser.navigate().back();
        waitRenderedDay("2019-08-23");
        assertThat(browser.findElement(By.id("date-label")).getText()).isEqualTo("23 August 2019");

        browser.navigate().refresh();
        waitUpTo(20).until(d -> "true".equals(js("return document.getElementById('app').dataset.ready")));
        assertThat(browser.findElement(By.id("date-label")).getText()).isEqualTo("23 August 2019");
        assertThat(checked("posts")).isFalse();
    }

    private boolean checked(String layer) {
        return browser.findElement(By.cssSelector("#layer-list input[data-layer=" + layer + "]"))
                .isSelected();
    }

    @Test
    void garbageInTheLinkOpensTheDefaultViewWithANotice() {
        openMap("?at=not-a-date&win=forever&layers=%3Cscript%3E&c=abc&z=99");
        WebElement notice = browser.findElement(By.id("notice"));
        assertThat(notice.isDisplayed()).isTrue();
        assertThat(notice.getText())
                .contains("not-a-date")
                .contains("forever")
                .contains("<script>")
                .contains("zoom");
        assertThat(controlOutlines()).isNotEmpty();
        assertThat(browser.findElement(By.id("date-label")).getText()).matches("\\d{1,2} [A-Z][a-z]+ \\d{4}");
        assertThat(browser.findElements(By.cssSelector("#notice script"))).isEmpty();
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void hostileNamesShowAsTextAndRunNothing() throws Exception {
        openMap("?at=2019-08-23&layers=field-notes&c=36.9,35.2&z=10");
        WebElement marker = waitUpTo(10)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".post-icon.fl-layer-field-notes")));
        marker.click();
        WebElement popup = waitUpTo(5)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
        assertThat(popup.findElement(By.cssSelector(".popup-title")).getText()).isEqualTo(XSS);
        assertThat(popup.getText()).contains("<script>alert(2)</script>").contains("<b>Evil</b> Press");
        sleep(300); // let the popup finish fading in before the picture
        screenshot("popup-hostile-name.png");
        assertThat(popup.findElements(By.tagName("img"))).isEmpty();
        assertThat(popup.findElements(By.tagName("script"))).isEmpty();
        assertThat(popup.findElements(By.tagName("b"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("img[onerror]"))).isEmpty();
        // the javascript: source link stays text; the history link is there
        assertThat(popup.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        assertThat(popup.findElement(By.cssSelector("a.popup-history")).getAttribute("href"))
                .endsWith("/api/features/note-xss/history");
        try {
            browser.switchTo().alert();
            throw new AssertionError("an alert was opened by data");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        // the search box lists the hostile name as text too
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("img src");
        WebElement hit = waitUpTo(5)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#search-results li .result-label")));
        assertThat(hit.getText()).isEqualTo(XSS);
        assertThat(browser.findElements(By.cssSelector("#search-results img"))).isEmpty();
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void anEventPopupOnTheCanvasShowsItsFacts() throws Exception {
        openMap("?at=2019-08-23&win=month&layers=events&c=35.6,36.6&z=9");
        @SuppressWarnings("unchecked")
        Map<String, Object> target =
                (Map<String, Object>) js("const f = window.__frontline; const ids = f.drawnIds('events');"
                        + "const p = f.map.latLngToContainerPoint(f.eventLatLng(ids[0]));"
                        + "const r = f.map.getContainer().getBoundingClientRect();"
                        + "return {x: p.x - r.width / 2, y: p.y - r.height / 2, id: ids[0]};");
        new Actions(browser)
                .moveToElement(
                        browser.findElement(By.id("map")),
                        ((Number) target.get("x")).intValue(),
                        ((Number) target.get("y")).intValue())
                .click()
                .perform();
        WebElement popup = waitUpTo(5)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
        assertThat(popup.getText()).contains("Date").contains("Confidence").contains("Source");
        screenshot("popup-event.png");
        assertThat(popup.findElement(By.cssSelector("a.popup-history")).getAttribute("href"))
                .contains("/history");
    }

    @Test
    void theEventWindowDecidesWhichEventsShow() {
        openMap("?at=2020-03-05&win=day&layers=events");
        long day = drawn("events");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("window"))).selectByValue("all");
        waitUpTo(10).until(d -> drawn("events") > day);
        long all = drawn("events");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("window"))).selectByValue("month");
        waitUpTo(10).until(d -> drawn("events") < all);
        assertThat(browser.getCurrentUrl()).contains("win=month");
        assertThat(browser.findElement(By.id("status")).getText()).matches("\\d+ events?");
    }

    @Test
    void steppingShowsTheSameEventsAsOpeningThatDateDirectly() {
        openMap("?at=2019-07-20&win=month&layers=events&c=35.6,36.6&z=9");
        for (String day : new String[] {"2019-07-27", "2019-08-03", "2019-08-10"}) {
            browser.findElement(By.cssSelector("button.step[data-step='1'][data-unit=week]"))
                    .click();
            waitRenderedDay(day);
        }
        browser.findElement(By.cssSelector("button.step[data-step='-1'][data-unit=day]"))
                .click();
        waitRenderedDay("2019-08-09");
        List<String> stepped = drawnEventIds();
        openMap("?at=2019-08-09&win=month&layers=events&c=35.6,36.6&z=9");
        assertThat(drawnEventIds()).isNotEmpty().isEqualTo(stepped);
    }

    @SuppressWarnings("unchecked")
    private List<String> drawnEventIds() {
        return ((List<Object>) js("return window.__frontline.drawnIds('events')"))
                .stream().map(String::valueOf).sorted().toList();
    }

    @Test
    void draggingCancelsSupersededRequestsAndRevisitedDatesComeFromTheCache() {
        openMap("?at=2019-06-01&win=week&layers=control,posts,events&c=35.6,36.6&z=9");
        int rendersBefore = Integer.parseInt((String) js("return document.getElementById('app').dataset.renders"));
        // a fast drag: thirty positions in one go, as the browser fires input events while the thumb moves
        js("const s = document.getElementById('slider'); const v = Number(s.value);"
                + "for (let i = 1; i <= 30; i++) { s.value = String(v + i); s.dispatchEvent(new Event('input')); }"
                + "s.dispatchEvent(new Event('change'));");
        waitRenderedDay("2019-07-01");
        int renders = Integer.parseInt((String) js("return document.getElementById('app').dataset.renders"));
        assertThat(renders - rendersBefore).as("superseded renders are dropped").isLessThanOrEqualTo(2);
        assertThat(((Number) js("return window.__frontline.aborted()")).intValue())
                .isPositive();

        long requests = ((Number) js("return window.__frontline.requests()")).longValue();
        browser.findElement(By.cssSelector("button.step[data-step='-1'][data-unit=month]"))
                .click();
        waitRenderedDay("2019-06-01");
        browser.findElement(By.cssSelector("button.step[data-step='1'][data-unit=month]"))
                .click();
        waitRenderedDay("2019-07-01");
        assertThat(((Number) js("return window.__frontline.requests()")).longValue())
                .as("both dates were loaded before: no new requests")
                .isEqualTo(requests);
    }

    @Test
    void playMovesTheDateUntilPaused() {
        openMap("?at=2019-08-01&layers=control&win=day");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("speed"))).selectByValue("120");
        browser.findElement(By.id("play")).click();
        waitUpTo(10)
                .until(d -> !"1 August 2019"
                                .equals(browser.findElement(By.id("date-label")).getText())
                        && !"2 August 2019"
                                .equals(browser.findElement(By.id("date-label")).getText()));
        browser.findElement(By.id("play")).click();
        String paused = browser.findElement(By.id("date-label")).getText();
        String iso = (String) js("return document.getElementById('app').dataset.renderedDay");
        assertThat(iso).isGreaterThan("2019-08-02");
        sleep(600);
        assertThat(browser.findElement(By.id("date-label")).getText()).isEqualTo(paused);
        // arrow keys outside the form fields step the date too
        browser.findElement(By.cssSelector("#panel .brand")).click();
        new Actions(browser).sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT).perform();
        waitUpTo(5)
                .until(d ->
                        !paused.equals(browser.findElement(By.id("date-label")).getText()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void searchFindsAPlaceAndFliesThere() {
        openMap("?at=2019-08-23&win=all&layers=control,events&c=33.5,36.3&z=8");
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("saraq");
        WebElement first = waitUpTo(5)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#search-results li .result-label")));
        assertThat(first.getText()).isEqualTo("Saraqib");
        search.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitUpTo(10).until(d -> {
            @SuppressWarnings("unchecked")
            List<Number> c =
                    (List<Number>) ((Map<String, Object>) js("return window.__frontline.view()")).get("center");
            return Math.abs(c.get(0).doubleValue() - 35.86) < 0.05
                    && Math.abs(c.get(1).doubleValue() - 36.80) < 0.05;
        });
        // an event title is found too
        search.clear();
        search.sendKeys("sochi");
        waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results li")));
    }

    @Test
    void searchFindsAPlaceSpelledAnotherWayThroughTheGazetteer() {
        openMap("?at=2019-08-23&win=all&layers=control&c=33.5,36.3&z=8");
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("Saraqeb");
        waitUpTo(10)
                .until(d -> d.findElements(By.cssSelector("#search-results li .result-label")).stream()
                        .anyMatch(e -> e.getText().equals("Saraqib")));
        search.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitUpTo(10).until(d -> {
            @SuppressWarnings("unchecked")
            List<Number> c =
                    (List<Number>) ((Map<String, Object>) js("return window.__frontline.view()")).get("center");
            return Math.abs(c.get(0).doubleValue() - 35.86) < 0.05
                    && Math.abs(c.get(1).doubleValue() - 36.80) < 0.05;
        });
    }

    @Test
    void screenshotAtTheFallOfKhanShaykhun() throws Exception {
        openMap("?at=2019-08-23&win=month&c=35.62,36.62&z=9");
        waitRenderedDay("2019-08-23");
        Path shot = screenshot("map-2019-08-23.png");
        assertThat(Files.size(shot)).isGreaterThan(20_000);
        assertThat(consoleErrors()).isEmpty();
    }
}
