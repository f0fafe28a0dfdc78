package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * With a tile server configured the map draws its tiles instead of the offline basemap. The "server" here is
 * a data: URL (one grey PNG for every tile), so the test needs no network.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/maptiles-${random.uuid}.db",
            "frontline.demo.load=false",
            "frontline.map.tiles.url=data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==#tile-{z}-{x}-{y}",
            "frontline.map.tiles.attribution=Tiles © Example <b>bold</b>"
        })
class MapTileServerBrowserTest extends BrowserSupport {

    @Test
    void aConfiguredTileServerReplacesTheOfflineBasemap() {
        browser.get(url("/?c=35.6,36.6&z=8"));
        waitUpTo(20).until(d -> "true".equals(js("return document.getElementById('app').dataset.ready")));
        waitUpTo(10)
                .until(d -> !browser.findElements(By.cssSelector("img.leaflet-tile"))
                        .isEmpty());
        assertThat(browser.findElements(By.cssSelector(".place-label"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution"))
                        .getText())
                .contains("Tiles © Example <b>bold</b>");
        assertThat(consoleErrors()).isEmpty();
    }
}
