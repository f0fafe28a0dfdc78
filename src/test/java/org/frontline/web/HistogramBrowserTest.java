package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frontline.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

/** The time bar's histogram on the demo map in headless Chromium: its bars are the API's counts; a click moves the slider. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/histogrambrowser-${random.uuid}.db",
            "frontline.demo.load=true"
        })
class HistogramBrowserTest extends BrowserSupport {

    @Test
    void theBarsAreTheApisCountsForTheViewAndAClickMovesTheSlider() throws Exception {
        browser.get(url("/?at=2019-08-24&win=month"));
        waitUpTo(30)
                .until(d -> !d.findElements(By.cssSelector(".timebar-histogram[data-events] .histogram-bar"))
                        .isEmpty());
        WebElement box = browser.findElement(By.cssSelector(".timebar-histogram"));
        String layersShown = box.getDomAttribute("data-layers");
        assertThat(layersShown).isNotBlank();
        // the API's answer for the same layers, box and span, summed per day
        Api api = new Api(port, null, null);
        Map<String, Long> expected = new HashMap<>();
        for (String layer : layersShown.split(",")) {
            JsonNode h = api.get("/api/layers/" + layer + "/histogram?from=" + box.getDomAttribute("data-from") + "&to="
                            + box.getDomAttribute("data-to") + "&bucket=" + box.getDomAttribute("data-bucket")
                            + "&bbox=" + box.getDomAttribute("data-bbox"))
                    .json();
            for (JsonNode b : h.get("buckets")) {
                expected.merge(b.get("start").asString(), b.get("events").asLong(), Long::sum);
            }
        }
        expected.values().removeIf(n -> n == 0);
        assertThat(expected).isNotEmpty();
        List<WebElement> bars = browser.findElements(By.cssSelector(".timebar-histogram .histogram-bar"));
        Map<String, Long> drawn = new HashMap<>();
        for (WebElement bar : bars) {
            drawn.put(bar.getDomAttribute("data-start"), Long.parseLong(bar.getDomAttribute("data-events")));
        }
        assertThat(drawn).isEqualTo(expected);
        assertThat(box.getDomAttribute("data-events"))
                .isEqualTo(String.valueOf(
                        expected.values().stream().mapToLong(Long::longValue).sum()));
        // the month window before 24 August is shaded
        assertThat(browser.findElements(By.cssSelector(".timebar-histogram .histogram-window")))
                .hasSize(1);

        // a click on an earlier bar moves the slider (and the map) to its day
        String target = expected.keySet().stream()
                .filter(d -> d.compareTo("2019-08-01") < 0)
                .sorted()
                .reduce((a, b) -> b)
                .orElseThrow();
        String before = browser.findElement(By.id("slider")).getDomProperty("value");
        WebElement bar = browser.findElement(
                By.cssSelector(".timebar-histogram .histogram-bar[data-start='" + target + "'] rect"));
        bar.click();
        waitUpTo(20).until(d -> target.equals(d.findElement(By.id("date-label")).getDomAttribute("data-iso")));
        assertThat(browser.findElement(By.id("slider")).getDomProperty("value")).isNotEqualTo(before);
        waitUpTo(20).until(d -> target.equals(js("return document.getElementById('app').dataset.renderedDay")));
        assertThat(consoleErrors()).filteredOn(e -> !e.contains("favicon.ico")).isEmpty();
        screenshot("histogram-1280.png");
    }
}
