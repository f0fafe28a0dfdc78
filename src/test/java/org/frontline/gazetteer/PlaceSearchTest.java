package org.frontline.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.frontline.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The place search the map's search box uses: any common spelling finds the place. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/places-${random.uuid}.db",
            "frontline.demo.load=false"
        })
class PlaceSearchTest {
    @LocalServerPort
    int port;

    @Test
    void transliterationVariantsFindTheSamePlace() {
        Api api = new Api(port, null, null);
        for (String spelling : new String[] {"Saraqeb", "saraqib", "Maaret al-Nouman", "Khan Sheikhoun", "Idleb"}) {
            JsonNode found =
                    api.get("/api/places?q=" + spelling.replace(" ", "%20")).json();
            assertThat(found).as(spelling).isNotEmpty();
            JsonNode first = found.get(0);
            assertThat(first.get("country").asString()).as(spelling).isEqualTo("SY");
            assertThat(first.get("lat").asDouble()).as(spelling).isBetween(35.3, 36.3);
            assertThat(first.get("lon").asDouble()).as(spelling).isBetween(36.3, 37.0);
        }
        JsonNode moscow = api.get("/api/places?q=Moscow").json().get(0);
        assertThat(moscow.get("country").asString()).isEqualTo("RU");
        assertThat(api.get("/api/places?q=x").status()).isEqualTo(400);
        assertThat(api.get("/api/places?q=Idlib&limit=500").status()).isEqualTo(400);
        assertThat(api.get("/api/places").status()).isEqualTo(400);
    }
}
