package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.frontline.layers.LayerService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The analysis tools panel on the map page, on the demo scenario (same context as MapPageBrowserTest). */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/mapbrowser-${random.uuid}.db",
            "frontline.demo.load=true"
        })
class MapAnalysisToolsBrowserTest extends BrowserSupport {

    @Autowired
    LayerService layers;

    @BeforeEach
    void scenario() {
        MapScenario.ensure(layers);
    }

    private void openMap(String query) {
        browser.get(url("/" + query));
        waitUpTo(20).until(d -> "true".equals(js("return document.getElementById('app').dataset.ready")));
        browser.findElement(By.cssSelector("#tools summary")).click();
    }

    @Test
    void comparingTwoDatesDrawsGroundGainedAndLostWithATable() throws Exception {
        openMap("?at=2020-03-05&layers=control&c=35.7,36.6&z=9");
        js("document.getElementById('change-from').value = '2019-04-30';"
                + "document.getElementById('change-to').value = '2020-03-05';");
        browser.findElement(By.id("change-run")).click();
        WebElement table = waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("change-table")));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        WebElement government = rows.stream()
                .filter(r -> r.getText().startsWith("government"))
                .findFirst()
                .orElseThrow();
        long gained = Long.parseLong(
                government.findElements(By.tagName("td")).get(1).getText().replace(",", ""));
        assertThat(gained).as("government gained km² in the 2019-20 offensives").isGreaterThan(500);
        // one party's gains and losses at a time: the government gained, the opposition lost
        var party = new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("change-party")));
        party.selectByValue("government");
        assertThat(browser.findElements(By.cssSelector("path.fl-change-gained")))
                .isNotEmpty();
        screenshot("tools-change-2019-04-30-to-2020-03-05.png");
        party.selectByValue("opposition");
        assertThat(browser.findElements(By.cssSelector("path.fl-change-lost"))).isNotEmpty();

        browser.findElement(By.id("change-clear")).click();
        assertThat(browser.findElements(By.cssSelector("path.fl-change-gained")))
                .isEmpty();
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void postsAreRingedByComputedStatusThatFollowsTheSlider() throws Exception {
        openMap("?at=2019-08-23&layers=control,posts&c=35.6,36.6&z=9");
        browser.findElement(By.id("encircle-toggle")).click();
        waitUpTo(20)
                .until(d -> !browser.findElements(By.cssSelector("path.fl-encirclement"))
                        .isEmpty());
        int surroundedLate = browser.findElements(By.cssSelector("path.fl-encirclement-surrounded"))
                .size();
        assertThat(surroundedLate).as("Morek is cut off on 23 August 2019").isPositive();
        assertThat(browser.findElement(By.id("encircle-status")).getText())
                .contains("surrounded")
                .contains("2019-08-23");

        js("window.__frontline.setDate('2019-08-01')");
        waitUpTo(20)
                .until(d ->
                        browser.findElement(By.id("encircle-status")).getText().contains("2019-08-01"));
        int surroundedEarly = browser.findElements(By.cssSelector("path.fl-encirclement-surrounded"))
                .size();
        assertThat(surroundedEarly).isLessThan(surroundedLate);
        screenshot("tools-encirclement-2019-08-01.png");
    }

    @Test
    void aBufferOfAFeatureIsDrawnFromItsPopup() {
        openMap("?at=2019-08-23&layers=posts&c=35.6,36.6&z=9");
        browser.findElement(By.id("buffer-km")).clear();
        browser.findElement(By.id("buffer-km")).sendKeys("20");
        browser.findElements(By.cssSelector(".post-icon.fl-layer-posts")).get(0).click();
        WebElement action = waitUpTo(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".popup-action")));
        assertThat(action.getText()).isEqualTo("Buffer 20 km");
        // Clicked as an element, not at screen coordinates: the popup may still be panning into view.
        browser.executeScript("arguments[0].click()", action);
        waitUpTo(20)
                .until(d ->
                        !browser.findElements(By.cssSelector("path.fl-buffer")).isEmpty());
        assertThat(browser.findElement(By.id("buffer-clear")).isDisplayed()).isTrue();
        assertThat(consoleErrors()).isEmpty();
    }
}
