package org.frontline.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.testsupport.Api;
import org.frontline.web.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

/** The agreement page's chart and breach list, and the map's agreements box, in headless Chromium. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/agreementsbrowser-${random.uuid}.db",
            "frontline.demo.load=true"
        })
class AgreementsBrowserTest extends BrowserSupport {

    @Test
    void theSochiPageChartsTheBreachesTheApiCounts() throws Exception {
        JsonNode counts = new Api(port, null, null)
                .get("/api/agreements/sochi-2018/breaches/counts?by=week")
                .json();
        int total = counts.path("total").asInt();
        assertThat(total).isPositive();
        browser.get(url("/agreements/sochi-2018"));
        waitUpTo(20)
                .until(d -> !d.findElements(By.cssSelector("#breach-chart svg rect"))
                        .isEmpty());
        waitUpTo(20)
                .until(d ->
                        d.findElements(By.cssSelector("#breach-table tbody tr")).size() == total);
        // every breach is one unit of bar height: the stacked rects add up to the total
        List<WebElement> legend = browser.findElements(By.cssSelector(".chart-legend li"));
        assertThat(legend).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#breach-chart figcaption"))
                        .getText())
                .contains(total + " breaches");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Sochi");
        assertThat(consoleErrors()).filteredOn(e -> !e.contains("favicon.ico")).isEmpty();
        screenshot("agreement-sochi-1280.png");
    }

    @Test
    void theMapListsTheClausesInForceAndCountsTheWindowsBreaches() throws Exception {
        JsonNode fc = new Api(port, null, null)
                .get("/api/agreements/sochi-2018/breaches?from=2019-07-26&to=2019-08-24")
                .json();
        int expected = fc.path("features").size();
        browser.get(url("/?at=2019-08-24&win=month"));
        waitUpTo(30)
                .until(d -> d.findElements(By.cssSelector(".breach-count[data-breaches]"))
                                .size()
                        == 1);
        String shown = browser.findElement(By.cssSelector(".breach-count")).getDomAttribute("data-breaches");
        assertThat(Integer.parseInt(shown)).isEqualTo(expected);
        String clauses = (String) js("return document.querySelector('.agreements-list').textContent");
        assertThat(clauses).contains("Stabilization").contains("dmz").doesNotContain("m4-corridor");
        // the counts come as counts: no list of breaches is fetched while none is highlighted (at a million
        // events an "all so far" window's list was megabytes per slider step)
        Object lists = js("return performance.getEntriesByType('resource').map((e) => e.name)"
                + ".filter((n) => /\\/breaches(\\?|$)/.test(n)).length");
        assertThat(((Number) lists).intValue()).isZero();

        // the count follows the slider: the month window ending 10 March 2020 (the calendar month: from 11 February)
        Api api = new Api(port, null, null);
        int later = 0;
        for (JsonNode a : api.get("/api/agreements?at=2020-03-10").json()) {
            later += api.get("/api/agreements/" + a.path("id").asString() + "/breaches?from=2020-02-11&to=2020-03-10")
                    .json()
                    .path("features")
                    .size();
        }
        assertThat(later).as("a window with another count").isNotEqualTo(expected);
        js("window.__frontline.setDate('2020-03-10')");
        String want = String.valueOf(later);
        waitUpTo(30)
                .until(d -> want.equals(
                        d.findElement(By.cssSelector(".breach-count")).getDomAttribute("data-breaches")));
        assertThat(browser.findElement(By.cssSelector(".breach-count")).getText())
                .contains(later + " breach");
        assertThat((String) js("return document.querySelector('.agreements-list').textContent"))
                .contains("m4-corridor");
    }

    @Test
    void highlightingAnAgreementDrawsItsBreachingEventsHighlightedInTheEventsLayer() throws Exception {
        Api api = new Api(port, null, null);
        String window = "from=2019-07-26&to=2019-08-24";
        JsonNode breaches =
                api.get("/api/agreements/sochi-2018/breaches?" + window).json().path("features");
        Map<String, String> clauseOf = new LinkedHashMap<>();
        breaches.forEach(b -> clauseOf.putIfAbsent(
                b.path("properties").path("eventId").asString(),
                b.path("properties").path("clause").asString()));
        assertThat(clauseOf).isNotEmpty();
        List<JsonNode> others = new ArrayList<>();
        JsonNode breachingEvent = null;
        for (JsonNode f :
                api.get("/api/layers/events/features?" + window).json().path("features")) {
            if (!clauseOf.containsKey(f.path("id").asString())) {
                others.add(f);
            } else if (breachingEvent == null) {
                breachingEvent = f;
            }
        }
        assertThat(others).as("an event of the window that breaches nothing").isNotEmpty();
        assertThat(breachingEvent).isNotNull();
        JsonNode breaching = breachingEvent;
        JsonNode innocent = others.get(0);

        browser.get(url("/?at=2019-08-24&win=month&layers=events"));
        waitUpTo(30)
                .until(d -> !d.findElements(By.cssSelector(".agreements-list li[data-agreement='sochi-2018']"))
                        .isEmpty());
        browser.findElement(By.cssSelector(".agreements-panel summary")).click();
        WebElement toggle = browser.findElement(By.cssSelector("li[data-agreement='sochi-2018'] > .breach-toggle"));
        toggle.click();
        waitUpTo(20)
                .until(d -> "sochi-2018"
                        .equals(js("return document.querySelector('.agreements-panel')" + ".dataset.highlighted")));
        assertThat(browser.findElement(By.cssSelector("li[data-agreement='sochi-2018'] > .breach-toggle"))
                        .getDomAttribute("aria-pressed"))
                .isEqualTo("true");

        Map<String, Object> hit = drawnAlone(breaching);
        assertThat(hit.get("color")).isEqualTo("#d55e00");
        assertThat(isBreachColour(hit.get("pixel")))
                .as("the outline on the canvas")
                .isTrue();
        Map<String, Object> miss = drawnAlone(innocent);
        assertThat(miss.get("color")).isNotEqualTo("#d55e00");
        assertThat(isBreachColour(miss.get("pixel"))).isFalse();

        // the popup of the breaching event names the clause; the other's names none
        WebElement popup = clickEvent(drawnAlone(breaching));
        assertThat(popup.findElement(By.cssSelector(".popup-breach")).getText())
                .startsWith("Breach of " + clauseOf.get(breaching.path("id").asString()));
        popup = clickEvent(drawnAlone(innocent));
        assertThat(popup.findElements(By.cssSelector(".popup-breach"))).isEmpty();

        // choosing it again turns the highlight off
        // (the list is redrawn after every map move: found and pressed in one step)
        js("document.querySelector(\"li[data-agreement='sochi-2018'] > .breach-toggle\").click()");
        waitUpTo(20)
                .until(d -> "".equals(js("return document.querySelector('.agreements-panel').dataset.highlighted")));
        assertThat(drawnAlone(breaching).get("color")).isNotEqualTo("#d55e00");
        assertThat(consoleErrors()).filteredOn(e -> !e.contains("favicon.ico")).isEmpty();
    }

    /**
     * Centres the map on an event at a zoom where it is drawn on its own and returns how: its outline colour and
     * the canvas pixel on its outline's circle (radius px right of its centre), and where it is on the page.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> drawnAlone(JsonNode event) {
        String eventId = event.path("id").asString();
        JsonNode at = event.path("geometry").path("coordinates");
        js(
                "window.__frontline.map.setView([arguments[0], arguments[1]], 13, {animate: false});",
                at.get(1).asDouble(),
                at.get(0).asDouble());
        String find = """
            const m = window.__frontline.map; let hit = null;
            m.eachLayer(l => { if (l.feature && String(l.feature.id) === arguments[0] && l.getRadius) hit = l; });
            if (!hit) return null;
            const p = m.latLngToContainerPoint(hit.getLatLng());
            const box = m.getContainer().getBoundingClientRect();
            const canvas = hit._renderer._container;
            const c = canvas.getBoundingClientRect();
            const scale = canvas.width / c.width;
            const x = Math.round((box.left + p.x + hit.getRadius() - c.left) * scale);
            const y = Math.round((box.top + p.y - c.top) * scale);
            const px = Array.from(canvas.getContext('2d').getImageData(x, y, 1, 1).data);
            return {color: hit.options.color, radius: hit.getRadius(), pixel: px,
                    x: p.x - box.width / 2, y: p.y - box.height / 2};""";
        waitUpTo(20).until(d -> js(find, eventId) != null);
        return (Map<String, Object>) js(find, eventId);
    }

    private WebElement clickEvent(Map<String, Object> at) {
        js("window.__frontline.map.closePopup()");
        new Actions(browser)
                .moveToElement(
                        browser.findElement(By.id("map")),
                        ((Number) at.get("x")).intValue(),
                        ((Number) at.get("y")).intValue())
                .click()
                .perform();
        return waitUpTo(5)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
    }

    /** Vermillion #d55e00 (213, 94, 0), give or take anti-aliasing. */
    private static boolean isBreachColour(Object pixel) {
        List<?> rgba = (List<?>) pixel;
        int r = ((Number) rgba.get(0)).intValue();
        int g = ((Number) rgba.get(1)).intValue();
        int b = ((Number) rgba.get(2)).intValue();
        return Math.abs(r - 213) < 40 && Math.abs(g - 94) < 40 && b < 50;
    }
}
