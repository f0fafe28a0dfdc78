package org.frontline.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.frontline.testsupport.Api;
import org.frontline.web.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
        // rings drawn around each breaching event
        Long rings =
                (Long) js("let n = 0; window.__frontline.map.eachLayer(l => { if (l.options && l.options.radius === 11"
                        + " && l.options.fill === false) n++; }); return n;");
        assertThat(rings).isEqualTo(expected);
    }
}
