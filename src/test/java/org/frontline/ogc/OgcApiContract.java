package org.frontline.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features at /ogc over real HTTP, on both databases (subclasses): what a client such as GDAL or
 * QGIS reads — landing page, conformance, OpenAPI, collections with extents, paged items, bad parameters.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"frontline.demo.load=false", "frontline.cors.allowed-origins=https://maps.example.org"})
abstract class OgcApiContract {
    @LocalServerPort
    int port;

    @Autowired
    LayerService layers;

    @Autowired
    JdbcUserDetailsManager users;

    Api anonymous;
    Api analyst;
    String events;
    String areas;

    @BeforeEach
    void setUp() {
        if (!users.userExists("ana")) {
            users.createUser(User.withUsername("ana")
                    .password("{noop}ana-secret")
                    .roles("ANALYST")
                    .build());
        }
        anonymous = new Api(port, null, null);
        analyst = anonymous.as("ana", "ana-secret");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        events = layers.ensureLayer("events-" + suffix, "Events " + suffix, LayerKind.EVENT, "{}")
                .id();
        areas = layers.ensureLayer("control-" + suffix, "Control " + suffix, LayerKind.AREA, "{}")
                .id();
    }

    /** {@code n} events, one a day from 2019-08-01, spread over a grid near Idlib; every third is a battle. */
    static List<NewFeature> events(int n) {
        List<NewFeature> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("title", "Event " + i);
            props.put("event_type", i % 3 == 0 ? "Battles" : "Explosions/Remote violence");
            props.put("fatalities", i % 7);
            Instant day = LocalDate.of(2019, 8, 1)
                    .plusDays(i % 60)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            out.add(new NewFeature(
                    null,
                    GeoJsonGeometryReader.WGS84.createPoint(
                            new Coordinate(36.0 + (i % 100) * 0.01, 35.0 + (i / 100 % 100) * 0.01)),
                    props,
                    day,
                    day.plus(1, ChronoUnit.DAYS),
                    new Provenance("Test desk", null, null, i % 2 == 0 ? "high" : "low", "exact", "day")));
        }
        return out;
    }

    void seed(String layer, List<NewFeature> features) {
        for (int i = 0; i < features.size(); i += 5000) {
            layers.addRecorded(
                    layer,
                    features.subList(i, Math.min(features.size(), i + 5000)),
                    "seed",
                    "test data",
                    Instant.parse("2019-10-01T00:00:00Z"));
        }
    }

    static Set<String> ids(JsonNode fc) {
        Set<String> out = new HashSet<>();
        fc.get("features").forEach(f -> out.add(f.get("id").asString()));
        return out;
    }

    static String link(JsonNode doc, String rel) {
        for (JsonNode l : doc.get("links")) {
            if (rel.equals(l.get("rel").asString())) {
                return l.get("href").asString();
            }
        }
        return null;
    }

    Response getUrl(String absolute) {
        assertThat(absolute).startsWith("http://localhost:" + port + "/ogc");
        return anonymous.get(absolute.substring(("http://localhost:" + port).length()));
    }

    @Test
    void landingPageLinksTheApiDefinitionConformanceAndData() {
        Response landing = anonymous.get("/ogc");
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.header("Content-Type")).startsWith("application/json");
        JsonNode doc = landing.json();
        Response api = getUrl(link(doc, "service-desc"));
        assertThat(api.header("Content-Type")).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
        assertThat(api.json().get("openapi").asString()).startsWith("3.0");
        assertThat(api.json().at("/paths").has("/collections/{collectionId}/items"))
                .isTrue();
        assertThat(getUrl(link(doc, "service-doc")).body()).contains("datetime");
        JsonNode conformance = getUrl(link(doc, "conformance")).json();
        List<String> classes = new ArrayList<>();
        conformance.get("conformsTo").forEach(c -> classes.add(c.asString()));
        assertThat(classes)
                .containsExactlyInAnyOrder(
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html");
        JsonNode collections = getUrl(link(doc, "data")).json();
        List<String> ids = new ArrayList<>();
        collections.get("collections").forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).contains(events, areas);
    }

    @Test
    void aCollectionHasTheSpatialExtentAndTheValidTimeOfItsFeatures() {
        seed(events, events(250));
        JsonNode c = anonymous.get("/ogc/collections/" + events).json();
        assertThat(c.get("itemType").asString()).isEqualTo("feature");
        JsonNode bbox = c.at("/extent/spatial/bbox/0");
        assertThat(bbox.get(0).asDouble()).isEqualTo(36.0);
        assertThat(bbox.get(1).asDouble()).isEqualTo(35.0);
        assertThat(bbox.get(2).asDouble()).isCloseTo(36.99, offset(1e-9));
        assertThat(bbox.get(3).asDouble()).isCloseTo(35.02, offset(1e-9));
        assertThat(c.at("/extent/temporal/interval/0/0").asString()).isEqualTo("2019-08-01T00:00:00Z");
        assertThat(c.at("/extent/temporal/interval/0/1").asString())
                .isEqualTo("2019-09-30T00:00:00Z"); // the last event lasts through 29 September
        String items = link(c, "items");
        assertThat(items).endsWith("/ogc/collections/" + events + "/items");
        assertThat(anonymous.get("/ogc/collections/no-such-layer").status()).isEqualTo(404);
    }

    @Test
    void pagingFollowsNextLinksWithoutSkippingOrRepeatingEvenWhenDataChangesMeanwhile() {
        seed(events, events(250));
        Response first = anonymous.get("/ogc/collections/" + events + "/items?limit=100");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).startsWith("application/geo+json");
        JsonNode page = first.json();
        assertThat(page.get("numberMatched").asLong()).isEqualTo(250);
        assertThat(page.get("numberReturned").asInt()).isEqualTo(100);
        assertThat(page.get("timeStamp").asString()).endsWith("Z");
        assertThat(link(page, "prev")).isNull();
        Set<String> seen = new HashSet<>(ids(page));
        // A feature added while the client pages sorts before its position: it must not shift what follows.
        seed(events, events(1));
        List<Integer> sizes = new ArrayList<>(List.of(page.get("numberReturned").asInt()));
        JsonNode previous = page;
        while (link(page, "next") != null) {
            previous = page;
            page = getUrl(link(page, "next")).json();
            sizes.add(page.get("numberReturned").asInt());
            for (String id : ids(page)) {
                assertThat(seen.add(id)).as("id %s seen twice", id).isTrue();
            }
        }
        assertThat(seen).hasSizeBetween(250, 251);
        assertThat(sizes.subList(0, 2)).containsExactly(100, 100);
        JsonNode back = getUrl(link(page, "prev")).json();
        assertThat(ids(back)).isEqualTo(ids(previous));
        assertThat(link(back, "next")).isNotNull();
    }

    @Test
    void datetimeSelectsValidTimeLikeTheLayersApi() {
        seed(events, events(120));
        JsonNode api = anonymous
                .get("/api/layers/" + events + "/features?from=2019-08-05&to=2019-08-11")
                .json();
        JsonNode ogc = anonymous
                .get("/ogc/collections/" + events + "/items?limit=1000&datetime=2019-08-05/2019-08-11")
                .json();
        assertThat(ids(ogc)).isEqualTo(ids(api)).hasSize(14); // 7 days, 2 events a day
        assertThat(ogc.get("numberMatched").asLong()).isEqualTo(14);
        assertThat(ids(anonymous
                        .get("/ogc/collections/" + events + "/items?datetime=2019-08-05")
                        .json()))
                .hasSize(2);
        assertThat(anonymous
                        .get("/ogc/collections/" + events + "/items?datetime=../2019-08-02")
                        .json()
                        .get("numberMatched")
                        .asLong())
                .isEqualTo(4);
        assertThat(anonymous
                        .get("/ogc/collections/" + events + "/items?datetime=2019-09-28/..")
                        .json()
                        .get("numberMatched")
                        .asLong())
                .isEqualTo(4); // days 58 and 59, two events each
        assertThat(anonymous
                        .get("/ogc/collections/" + events + "/items?datetime=" + enc("2019-08-05T12:00:00Z"))
                        .json()
                        .get("numberMatched")
                        .asLong())
                .isEqualTo(2);
        JsonNode boxed = anonymous
                .get("/ogc/collections/" + events + "/items?bbox=36.0,35.0,36.105,35.005")
                .json();
        boxed.get("features")
                .forEach(f ->
                        assertThat(f.at("/geometry/coordinates/0").asDouble()).isLessThan(36.11));
        assertThat(boxed.get("numberMatched").asLong()).isEqualTo(11); // x 36.00..36.10 on the first row
    }

    @Test
    void asOfReadsRecordTimeAndPropertiesFilterByEquality() throws InterruptedException {
        seed(events, events(30));
        Response battles = anonymous.get("/ogc/collections/" + events + "/items?event_type=Battles&confidence=high");
        JsonNode b = battles.json();
        assertThat(b.get("numberMatched").asLong()).isEqualTo(5); // i = 0, 6, 12, 18, 24
        b.get("features").forEach(f -> {
            assertThat(f.at("/properties/event_type").asString()).isEqualTo("Battles");
            assertThat(f.at("/properties/confidence").asString()).isEqualTo("high");
        });
        assertThat(anonymous
                        .get("/ogc/collections/" + events + "/items?fatalities=6")
                        .json()
                        .get("numberMatched")
                        .asLong())
                .isEqualTo(4); // 6, 13, 20, 27
        JsonNode page1 = anonymous
                .get("/ogc/collections/" + events + "/items?event_type=Battles&limit=4")
                .json();
        JsonNode page2 = getUrl(link(page1, "next")).json();
        assertThat(page2.get("numberReturned").asInt()).isEqualTo(4);
        assertThat(ids(page2)).doesNotContainAnyElementsOf(ids(page1));

        String id = analyst.post(
                        "/api/layers/" + areas + "/features",
                        "{\"type\":\"Feature\",\"id\":\"opp-1\","
                                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.5,35.5],[36.7,35.5],[36.7,35.7],[36.5,35.7],"
                                + "[36.5,35.5]]]},\"properties\":{\"party\":\"opposition\",\"validFrom\":\"2019-01-01\"}}")
                .json()
                .at("/ids/0")
                .asString();
        Thread.sleep(20);
        String between = Instant.now().toString();
        Thread.sleep(20);
        assertThat(analyst.put(
                                "/api/features/" + id + "?reason=recount",
                                "{\"type\":\"Feature\",\"geometry\":"
                                        + "{\"type\":\"Polygon\",\"coordinates\":[[[36.5,35.5],[36.6,35.5],[36.6,35.6],[36.5,35.5]]]},"
                                        + "\"properties\":{\"party\":\"government\",\"validFrom\":\"2019-01-01\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(anonymous
                        .get("/ogc/collections/" + areas + "/items/" + id)
                        .json()
                        .at("/properties/party")
                        .asString())
                .isEqualTo("government");
        assertThat(anonymous
                        .get("/ogc/collections/" + areas + "/items/" + id + "?asOf=" + enc(between))
                        .json()
                        .at("/properties/party")
                        .asString())
                .isEqualTo("opposition");
        assertThat(anonymous
                        .get("/ogc/collections/" + areas + "/items?asOf=" + enc(between))
                        .json()
                        .at("/features/0/properties/party")
                        .asString())
                .isEqualTo("opposition");
        assertThat(anonymous
                        .get("/ogc/collections/" + areas + "/items?party=opposition")
                        .json()
                        .get("numberMatched")
                        .asLong())
                .isZero();
    }

    @Test
    void oneFeatureByIdAndUnknownIdsAre404() {
        String id = analyst.post(
                        "/api/layers/" + events + "/features",
                        "{\"type\":\"Feature\",\"geometry\":"
                                + "{\"type\":\"Point\",\"coordinates\":[36.63,35.44]},\"properties\":{\"title\":\"Strike\","
                                + "\"validFrom\":\"2019-08-19\"}}")
                .json()
                .at("/ids/0")
                .asString();
        Response one = anonymous.get("/ogc/collections/" + events + "/items/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("Content-Type")).startsWith("application/geo+json");
        assertThat(one.json().get("type").asString()).isEqualTo("Feature");
        assertThat(one.json().get("id").asString()).isEqualTo(id);
        assertThat(link(one.json(), "collection")).endsWith("/ogc/collections/" + events);
        Response missing = anonymous.get("/ogc/collections/" + events + "/items/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.get("/ogc/collections/nope/items").status()).isEqualTo(404);
    }

    @Test
    void badParametersAre400ProblemsThatSayWhatIsWrong() {
        String items = "/ogc/collections/" + events + "/items?";
        Object[][] cases = {
            {"datetime=yesterday", "datetime"},
            {"datetime=2019-08-10/2019-08-01", "ends before it starts"},
            {"datetime=2019-13-01", "datetime"},
            {"bbox=36,35,37", "bbox"},
            {"bbox=37,35,36,36", "bbox"},
            {"bbox=36,35,37,95", "bbox"},
            {"limit=0", "limit"},
            {"limit=ten", "limit"},
            {"f=xml", "f must be json or html"},
            {"after=%25%25%25", "after"},
        };
        for (Object[] c : cases) {
            Response r = anonymous.get(items + c[0]);
            assertThat(r.status()).as((String) c[0]).isEqualTo(400);
            assertThat(r.header("Content-Type")).as((String) c[0]).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).as((String) c[0]).contains((String) c[1]);
        }
        seed(events, events(3));
        JsonNode big = anonymous.get(items + "limit=50000").json();
        assertThat(big.get("numberReturned").asInt()).isEqualTo(3);
    }

    @Test
    void htmlPagesLinkToTheMap() {
        seed(events, events(5));
        Response landing = anonymous.get("/ogc?f=html");
        assertThat(landing.header("Content-Type")).startsWith("text/html");
        assertThat(landing.body()).contains("/ogc/collections?f=html");
        Response list = anonymous.get("/ogc/collections?f=html");
        assertThat(list.body()).contains(events);
        Response items = anonymous.get("/ogc/collections/" + events + "/items?f=html");
        assertThat(items.status()).isEqualTo(200);
        assertThat(items.body()).contains("Event 4").contains("/?at=2019-08-05&amp;layers=" + events + "&amp;c=");
        assertThat(items.body()).contains("rel=\"alternate\"");
    }

    @Test
    void corsPreflightFromAListedOriginIsAnsweredWithoutSigningIn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest preflight = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/layers/" + events + "/features"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://maps.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
        var ok = http.send(preflight, HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://maps.example.org");
        assertThat(ok.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
                .contains("POST");
        var other = HttpRequest.newBuilder(preflight.uri())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .build();
        var refused = http.send(other, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        var get = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ogc"))
                .header("Origin", "https://maps.example.org")
                .GET()
                .build();
        assertThat(http.send(get, HttpResponse.BodyHandlers.ofString())
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://maps.example.org");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
