package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Dense events in a real browser on the demo: stacked events at Saraqib each reachable by mouse and keyboard
 * (spiderfied), groups with counts at low zoom, counts per cell when a view holds more than the limit (here 20),
 * and the list of events in view that follows the map.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/densitybrowser-${random.uuid}.db",
            "frontline.demo.load=true",
            "frontline.map.max-events=20"
        })
class EventDensityBrowserTest extends BrowserSupport {

    // Four demo events share this spot: bombardment, capture, retaken, government back (Feb–Mar 2020).
    static final List<String> SARAQIB = List.of(
            "Bombardment of Saraqib", "Saraqib captured", "Opposition retakes Saraqib", "Government back in Saraqib");

    private void openMap(String query) {
        browser.get(url("/" + query));
        waitUpTo(20).until(d -> "true".equals(js("return document.getElementById('app').dataset.ready")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> events() {
        return (Map<String, Object>) js("return window.__frontline.events('events')");
    }

    /** Closes the open popup (its close button), as a user does before reaching the next event. */
    private void closePopup() {
        js("document.querySelector('.leaflet-popup-close-button')?.click()");
        waitUpTo(5)
                .until(d -> browser.findElements(By.cssSelector(".leaflet-popup-content"))
                        .isEmpty());
    }

    private String popupTitle() {
        return waitUpTo(5)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".leaflet-popup-content .popup-title")))
                .getText();
    }

    @Test
    void fourEventsAtSaraqibAreEachReachableByMouse() throws Exception {
        openMap("?at=2020-03-05&win=all&layers=events&c=35.862,36.8&z=14");
        WebElement stack =
                waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fl-event-stack")));
        assertThat(stack.getText()).isEqualTo("4");
        assertThat(stack.getAttribute("aria-label")).contains("4 events at one place");
        stack.click();
        List<WebElement> legs = waitUpTo(5).until(d -> {
            List<WebElement> l = browser.findElements(By.cssSelector(".fl-spider-leg"));
            return l.size() == 4 ? l : null;
        });
        screenshot("events-saraqib-spiderfied.png");
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            browser.findElements(By.cssSelector(".fl-spider-leg")).get(i).click();
            titles.add(popupTitle());
            closePopup();
        }
        assertThat(titles).containsExactlyInAnyOrderElementsOf(SARAQIB);
        assertThat(legs).hasSize(4);
    }

    @Test
    void stackedEventsAreReachableByKeyboard() {
        openMap("?at=2020-03-05&win=all&layers=events&c=35.862,36.8&z=14");
        WebElement stack =
                waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fl-event-stack")));
        assertThat(stack.getAttribute("tabindex")).isEqualTo("0");
        js("arguments[0].focus()", stack);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitUpTo(5)
                .until(d ->
                        browser.findElements(By.cssSelector(".fl-spider-leg")).size() == 4);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WebElement leg =
                    browser.findElements(By.cssSelector(".fl-spider-leg")).get(i);
            assertThat(leg.getAttribute("tabindex")).isEqualTo("0");
            js("arguments[0].focus()", leg);
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            titles.add(popupTitle());
            closePopup();
        }
        assertThat(titles).containsExactlyInAnyOrderElementsOf(SARAQIB);
    }

    @Test
    void lowZoomGroupsEventsWithCountsAndAClickZoomsIn() {
        // 20 or fewer events in the view's box: the events themselves, grouped on screen
        openMap("?at=2019-09-01&win=month&layers=events&c=35.6,36.6&z=8");
        Map<String, Object> e = events();
        assertThat(e.get("aggregated")).isEqualTo(false);
        assertThat(((Number) e.get("groups")).intValue()).isPositive();
        List<WebElement> groups = browser.findElements(By.cssSelector(".fl-event-group"));
        int counted = groups.stream().mapToInt(EventDensityBrowserTest::count).sum();
        assertThat(counted + ((Number) e.get("singles")).intValue()).isEqualTo(((Number) e.get("count")).intValue());
        WebElement group = groups.stream()
                .filter(g -> !g.getAttribute("class").contains("fl-event-stack"))
                .findFirst()
                .orElseThrow();
        long zoom = ((Number) js("return window.__frontline.map.getZoom()")).longValue();
        group.click();
        waitUpTo(10).until(d -> ((Number) js("return window.__frontline.map.getZoom()")).longValue() > zoom);
    }

    @Test
    void aViewAboveTheLimitShowsCountsPerCellAndTheListSaysSo() throws Exception {
        openMap("?at=2020-03-05&win=all&layers=events&c=35.6,36.6&z=8");
        Map<String, Object> e = events();
        assertThat(e.get("aggregated")).isEqualTo(true);
        assertThat(((Number) e.get("count")).intValue()).isGreaterThan(20);
        List<WebElement> cells = browser.findElements(By.cssSelector(".fl-event-cell"));
        assertThat(cells).isNotEmpty();
        assertThat(cells.get(0).getAttribute("aria-label")).matches("\\d+ events.*press to zoom in");
        screenshot("events-cells.png");
        assertThat(browser.findElement(By.cssSelector("#event-list .event-list-status"))
                        .getText())
                .contains("counted by area");
        // zooming in on a cell until its events are few enough to come one by one
        for (int i = 0; i < 6 && Boolean.TRUE.equals(events().get("aggregated")); i++) {
            int renders = Integer.parseInt((String) js("return document.getElementById('app').dataset.renders"));
            WebElement biggest = browser.findElements(By.cssSelector(".fl-event-cell")).stream()
                    .max((a, b) -> Integer.compare(count(a), count(b)))
                    .orElseThrow();
            js("arguments[0].click()", biggest);
            waitUpTo(10)
                    .until(d -> Integer.parseInt((String) js("return document.getElementById('app').dataset.renders"))
                            > renders);
        }
        assertThat(events().get("aggregated")).isEqualTo(false);
    }

    private static int count(WebElement badge) {
        return Integer.parseInt(badge.getAttribute("textContent").strip());
    }

    @Test
    void theListFollowsTheMapAndOpensAnEventsPopup() {
        openMap("?at=2020-03-05&win=all&layers=events&c=35.862,36.8&z=14");
        waitUpTo(10)
                .until(d -> !browser.findElements(By.cssSelector("#event-list .event-list-item"))
                        .isEmpty());
        List<String> listed = browser.findElements(By.cssSelector("#event-list .event-list-title")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(listed).containsAll(SARAQIB);
        // newest first
        assertThat(listed.indexOf("Government back in Saraqib")).isLessThan(listed.indexOf("Bombardment of Saraqib"));
        WebElement item = browser.findElements(By.cssSelector("#event-list .event-list-item")).stream()
                .filter(b -> b.getText().contains("Saraqib captured"))
                .findFirst()
                .orElseThrow();
        js("arguments[0].focus()", item);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(popupTitle()).isEqualTo("Saraqib captured");
        // pan far away (Aleppo): the Saraqib events leave the list
        js("window.__frontline.map.setView([36.2, 37.15], 14, {animate: false})");
        waitUpTo(10)
                .until(d -> browser.findElements(By.cssSelector("#event-list .event-list-title")).stream()
                        .noneMatch(t -> t.getText().contains("Saraqib")));
    }
}
