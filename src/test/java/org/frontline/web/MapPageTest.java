package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.frontline.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The page's HTML, the tile-server switch and the shipped basemap files, over real HTTP. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/mappage-${random.uuid}.db",
            "frontline.demo.load=false",
            "frontline.map.tiles.url=https://tiles.example.org/{z}/{x}/{y}.png?a=1&b=\"2\"",
            "frontline.map.tiles.attribution=© Example <contributors>"
        })
class MapPageTest {

    @LocalServerPort
    int port;

    @Test
    void thePageLoadsLeafletAndItsModuleWithoutInlineScripts() {
        Api.Response page = new Api(port, null, null).get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .containsPattern("src=\"/webjars/leaflet/(1\\.9\\.4/)?dist/leaflet\\.js\"")
                .contains("type=\"module\" src=\"/js/map.js\"")
                .doesNotContain("onclick=")
                .doesNotContain("<script>");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(new Api(port, null, null).get("/js/map.js").status()).isEqualTo(200);
        assertThat(new Api(port, null, null)
                        .get("/webjars/leaflet/dist/leaflet.js")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aConfiguredTileServerReachesThePageEscaped() {
        String body = new Api(port, null, null).get("/").body();
        assertThat(body)
                .contains("data-tiles-url=\"https://tiles.example.org/{z}/{x}/{y}.png?a=1&amp;b=&quot;2&quot;\"")
                .contains("data-tiles-attribution=\"© Example &lt;contributors&gt;\"");
    }

    @Test
    void theOfflineBasemapIsServedAsGeoJson() {
        Api api = new Api(port, null, null);
        for (String name : new String[] {"land", "borders", "places"}) {
            Api.Response r = api.get("/basemap/" + name + ".geojson");
            assertThat(r.status()).as(name).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/geo+json");
            JsonNode fc = r.json();
            assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
            assertThat(fc.get("features").size()).isPositive();
        }
        JsonNode places = api.get("/basemap/places.geojson").json().get("features");
        boolean idlib = false;
        for (JsonNode p : places) {
            if ("Idlib".equals(p.get("properties").get("name").asString())) {
                idlib = true;
                // lon, lat order (RFC 7946), near 36.63 E 35.93 N
                assertThat(p.get("geometry").get("coordinates").get(0).asDouble())
                        .isBetween(36.5, 36.8);
                assertThat(p.get("geometry").get("coordinates").get(1).asDouble())
                        .isBetween(35.8, 36.0);
            }
        }
        assertThat(idlib).isTrue();
    }

    @Test
    void unknownBasemapNamesAre404() {
        Api api = new Api(port, null, null);
        assertThat(api.get("/basemap/rivers.geojson").status()).isEqualTo(404);
        assertThat(api.get("/basemap/..%2Fdemo%2Flayers.geojson").status()).isIn(400, 404);
        assertThat(api.get("/basemap/Land.geojson").status()).isEqualTo(404);
    }
}
