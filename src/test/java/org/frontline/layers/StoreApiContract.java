package org.frontline.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import tools.jackson.databind.JsonNode;

/**
 * The store's contract, over real HTTP, run on both databases by its subclasses: what an analyst
 * posts comes back at the right times, corrections keep history, bad input is refused whole.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"frontline.demo.load=false", "frontline.upload.max-bytes=200000"})
abstract class StoreApiContract {
    @LocalServerPort
    int port;

    @Autowired
    LayerService layers;

    @Autowired
    JdbcUserDetailsManager users;

    Api analyst;
    Api anonymous;
    String areas;
    String events;
    String posts;

    @BeforeEach
    void setUp() {
        if (!users.userExists("ana")) {
            users.createUser(User.withUsername("ana")
                    .password("{noop}ana-secret")
                    .roles("ANALYST")
                    .build());
            users.createUser(User.withUsername("vic")
                    .password("{noop}vic-secret")
                    .roles("VIEWER")
                    .build());
        }
        anonymous = new Api(port, null, null);
        analyst = anonymous.as("ana", "ana-secret");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        areas = layers.ensureLayer("control-" + suffix, "Control", LayerKind.AREA, "{\"color\":\"#c00\"}")
                .id();
        events = layers.ensureLayer("events-" + suffix, "Events", LayerKind.EVENT, "{}")
                .id();
        posts = layers.ensureLayer("posts-" + suffix, "Posts", LayerKind.POINT, "{}")
                .id();
    }

    // A clockwise square around (lon, lat) of half-size d; the API must answer it counter-clockwise.
    static String cwSquare(double lon, double lat, double d) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(lon - d, lat - d, lon - d, lat + d, lon + d, lat + d, lon + d, lat - d, lon - d, lat - d);
    }

    static String feature(String id, String geometry, String props) {
        return "{\"type\":\"Feature\"" + (id == null ? "" : ",\"id\":\"" + id + "\"") + ",\"geometry\":" + geometry
                + ",\"properties\":{" + props + "}}";
    }

    static String point(double lon, double lat) {
        return "{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    List<String> ids(Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("features").forEach(f -> out.add(f.get("id").asString()));
        return out;
    }

    @Test
    void areasAreAnsweredAsTheyWereAtTheRequestedDate() {
        Response post = analyst.post(
                "/api/layers/" + areas + "/features",
                collection(
                        feature(
                                "opp",
                                cwSquare(36.6, 35.8, 0.3),
                                "\"party\":\"opposition\",\"validFrom\":\"2018-09-17\","
                                        + "\"validTo\":\"2019-08-23\",\"sourcePublisher\":\"Test desk\",\"confidence\":\"high\""),
                        feature(
                                "opp",
                                cwSquare(36.6, 35.9, 0.2),
                                "\"party\":\"opposition\",\"validFrom\":\"2019-08-23\"")));
        assertThat(post.status()).as(post.body()).isEqualTo(201);

        Response before = anonymous.get("/api/layers/" + areas + "/features?at=2019-04-30");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.header("Content-Type")).startsWith("application/geo+json");
        JsonNode fc = before.json();
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(fc.has("crs")).isFalse();
        assertThat(fc.get("features")).hasSize(1);
        JsonNode f = fc.get("features").get(0);
        assertThat(f.get("id").asString()).isEqualTo("opp");
        assertThat(f.at("/properties/party").asString()).isEqualTo("opposition");
        assertThat(f.at("/properties/validFrom").asString()).isEqualTo("2018-09-17");
        assertThat(f.at("/properties/validTo").asString()).isEqualTo("2019-08-23");
        assertThat(f.at("/properties/sourcePublisher").asString()).isEqualTo("Test desk");
        assertThat(f.at("/properties/confidence").asString()).isEqualTo("high");
        JsonNode ring = f.at("/geometry/coordinates/0");
        assertThat(ring.get(0).get(0).asDouble()).as("lon first").isBetween(36.0, 37.0);
        assertThat(signedArea(ring)).as("exterior ring counter-clockwise").isPositive();

        JsonNode after = anonymous
                .get("/api/layers/" + areas + "/features?at=2019-08-23")
                .json();
        assertThat(after.get("features")).hasSize(1);
        assertThat(after.at("/features/0/properties/validFrom").asString()).isEqualTo("2019-08-23");
        assertThat(after.at("/features/0/properties/validTo").isNull()).isTrue();
        assertThat(anonymous
                        .get("/api/layers/" + areas + "/features?at=2018-01-01")
                        .json()
                        .get("features"))
                .isEmpty();
    }

    @Test
    void eventsAreFilteredByTimeWindowAndViewport() {
        List<String> fs = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            double lon = day % 2 == 0 ? 36.6 : 38.5; // odd days fall outside the viewport
            fs.add(feature(
                    "ev-" + day,
                    point(lon, 35.5),
                    "\"title\":\"Strike " + day + "\",\"validFrom\":\"2019-08-" + String.format("%02d", day) + "\""));
        }
        assertThat(analyst.post("/api/layers/" + events + "/features", collection(fs.toArray(String[]::new)))
                        .status())
                .isEqualTo(201);
        Response week = anonymous.get(
                "/api/layers/" + events + "/features?from=2019-08-05&to=2019-08-11" + "&bbox=35.5,35.0,37.5,36.5");
        assertThat(week.status()).isEqualTo(200);
        assertThat(ids(week)).containsExactlyInAnyOrder("ev-6", "ev-8", "ev-10");
        Response all = anonymous.get("/api/layers/" + events + "/features");
        assertThat(ids(all)).hasSize(20);
        assertThat(all.json().at("/features/0/properties/timePrecision").asString())
                .isEqualTo("day");
    }

    @Test
    void aCorrectionAddsAVersionAndTheOldOneStaysInHistoryAndAsOf() throws InterruptedException {
        analyst.post(
                "/api/layers/" + events + "/features",
                feature(
                        "ev-x",
                        point(36.63, 35.44),
                        "\"title\":\"Strike on Khan Shaykhun\",\"validFrom\":\"2019-08-19\""));
        Thread.sleep(20);
        String between = java.time.Instant.now().toString();
        Thread.sleep(20);
        Response put = analyst.put(
                "/api/features/ev-x?reason=moved%20to%20the%20town%20centre",
                feature(
                        "ev-x",
                        point(36.64, 35.45),
                        "\"title\":\"Strike on Khan Shaykhun\",\"validFrom\":\"2019-08-19\""));
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        JsonNode now = anonymous
                .get("/api/layers/" + events + "/features?at=2019-08-19T12:00:00Z")
                .json();
        assertThat(now.get("features")).hasSize(1);
        assertThat(now.at("/features/0/geometry/coordinates/0").asDouble()).isEqualTo(36.64);
        JsonNode then = anonymous
                .get("/api/layers/" + events + "/features?at=2019-08-19T12:00:00Z&asOf=" + between)
                .json();
        assertThat(then.at("/features/0/geometry/coordinates/0").asDouble()).isEqualTo(36.63);

        JsonNode history = anonymous.get("/api/features/ev-x/history").json();
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.at("/versions/0/current").asBoolean()).isFalse();
        assertThat(history.at("/versions/0/supersededBy").asString()).isEqualTo("ana");
        assertThat(history.at("/versions/1/recordedBy").asString()).isEqualTo("ana");
        assertThat(history.at("/versions/1/changeReason").asString()).isEqualTo("moved to the town centre");
    }

    @Test
    void aChangeOnTheGroundKeepsTheEarlierStateForEarlierDates() {
        analyst.post(
                "/api/layers/" + posts + "/features",
                feature(
                        "post-9",
                        point(36.68, 35.37),
                        "\"name\":\"Morek\",\"status\":\"open\",\"validFrom\":\"2018-05-01\""));
        Response put = analyst.put(
                "/api/features/post-9",
                feature(
                        "post-9",
                        point(36.68, 35.37),
                        "\"name\":\"Morek\",\"status\":\"surrounded\",\"validFrom\":\"2019-08-23\""));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(anonymous
                        .get("/api/layers/" + posts + "/features?at=2019-08-01")
                        .json()
                        .at("/features/0/properties/status")
                        .asString())
                .isEqualTo("open");
        assertThat(anonymous
                        .get("/api/layers/" + posts + "/features?at=2019-09-01")
                        .json()
                        .at("/features/0/properties/status")
                        .asString())
                .isEqualTo("surrounded");
    }

    @Test
    void retractingHidesAFeatureButKeepsItsHistory() {
        analyst.post(
                "/api/layers/" + events + "/features",
                feature("ev-r", point(36.6, 35.6), "\"title\":\"Duplicate report\",\"validFrom\":\"2019-06-01\""));
        assertThat(analyst.delete("/api/features/ev-r?reason=duplicate").status())
                .isEqualTo(204);
        assertThat(anonymous.get("/api/layers/" + events + "/features").json().get("features"))
                .isEmpty();
        JsonNode history = anonymous.get("/api/features/ev-r/history").json();
        assertThat(history.at("/versions/0/supersededReason").asString()).isEqualTo("duplicate");
        assertThat(analyst.delete("/api/features/ev-r").status()).isEqualTo(409);
        assertThat(analyst.delete("/api/features/no-such-feature").status()).isEqualTo(404);
    }

    @Test
    void writingNeedsTheAnalystRole() {
        String body = feature(null, point(36.6, 35.6), "\"validFrom\":\"2019-06-01\"");
        assertThat(anonymous.post("/api/layers/" + events + "/features", body).status())
                .isEqualTo(401);
        assertThat(anonymous
                        .as("vic", "vic-secret")
                        .post("/api/layers/" + events + "/features", body)
                        .status())
                .isEqualTo(403);
        assertThat(anonymous
                        .as("ana", "wrong")
                        .post("/api/layers/" + events + "/features", body)
                        .status())
                .isEqualTo(401);
        assertThat(analyst.post("/api/layers/" + events + "/features", body).status())
                .isEqualTo(201);
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsStored() {
        String ok = feature("good", point(36.6, 35.6), "\"validFrom\":\"2019-06-01\"");
        String selfIntersecting = "{\"type\":\"Polygon\",\"coordinates\":[[[36,35],[37,36],[37,35],[36,36],[36,35]]]}";
        Object[][] cases = {
            {"{\"type\": \"Feature\", ", 400, "malformed JSON"},
            {"{\"hello\": \"world\"}", 400, "Feature or FeatureCollection"},
            {
                collection(
                        ok,
                        feature("c", "{\"type\":\"Circle\",\"coordinates\":[36,35]}", "\"validFrom\":\"2019-06-01\"")),
                400,
                "unsupported geometry type \"Circle\""
            },
            {collection(ok, feature("bad", point(36.6, 135.6), "\"validFrom\":\"2019-06-01\"")), 400, "out of range"},
            // Mosul given as [lat, lon]: outside the focus region, while [lon, lat] would be inside it.
            {collection(ok, feature("swapped", point(36.34, 43.13), "\"validFrom\":\"2019-06-01\"")), 400, "swapped"},
            {collection(ok, feature("nodate", point(36.6, 35.6), "\"title\":\"x\"")), 400, "validFrom is missing"},
            {
                collection(ok, feature("baddate", point(36.6, 35.6), "\"validFrom\":\"23/08/2019\"")),
                400,
                "validFrom is not a date"
            },
            {
                collection(
                        ok,
                        feature("order", point(36.6, 35.6), "\"validFrom\":\"2019-06-02\",\"validTo\":\"2019-06-01\"")),
                400,
                "must be after validFrom"
            },
            {
                collection(
                        ok,
                        feature(
                                "js",
                                point(36.6, 35.6),
                                "\"validFrom\":\"2019-06-01\",\"sourceUrl\":\"javascript:alert(1)\"")),
                400,
                "sourceUrl"
            },
        };
        for (Object[] c : cases) {
            Response r = analyst.post("/api/layers/" + events + "/features", (String) c[0]);
            assertThat(r.status()).as(c[0].toString()).isEqualTo(c[1]);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).as(c[0].toString()).contains((String) c[2]);
        }
        Response poly = analyst.post(
                "/api/layers/" + areas + "/features",
                feature("bowtie", selfIntersecting, "\"validFrom\":\"2019-06-01\""));
        assertThat(poly.status()).isEqualTo(400);
        assertThat(poly.json().get("detail").asString()).contains("bowtie").contains("self-intersection");
        assertThat(analyst.post("/api/layers/" + areas + "/features", ok)
                        .json()
                        .get("detail")
                        .asString())
                .contains("cannot go into a layer of kind 'area'");
        assertThat(anonymous.get("/api/layers/" + events + "/features").json().get("features"))
                .as("a collection with one bad feature stores none")
                .isEmpty();

        assertThat(anonymous
                        .get("/api/layers/" + events + "/features?bbox=37,35,36,36")
                        .json()
                        .get("detail")
                        .asString())
                .contains("bbox min must not exceed max");
        assertThat(anonymous
                        .get("/api/layers/" + events + "/features?at=yesterday")
                        .status())
                .isEqualTo(400);
        assertThat(anonymous
                        .get("/api/layers/" + events + "/features?from=2019-09-01&to=2019-08-01")
                        .status())
                .isEqualTo(400);
        assertThat(anonymous.get("/api/layers/no-such-layer/features").status()).isEqualTo(404);
        assertThat(analyst.post("/api/layers/no-such-layer/features", ok).status())
                .isEqualTo(404);
        assertThat(analyst.postBytes("/api/layers/" + events + "/features", new byte[250_000])
                        .status())
                .isEqualTo(413);
        assertThat(analyst.postBytes("/api/layers/" + events + "/features", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1})
                        .status())
                .isEqualTo(400);
    }

    @Test
    void concurrentWritersCannotStoreOverlappingVersionsOfOneFeature() throws Exception {
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String day = "2019-08-0" + (i + 1);
            answers.add(pool.submit(() -> analyst.post(
                    "/api/layers/" + posts + "/features",
                    feature("race", point(36.6, 35.6), "\"name\":\"Race\",\"validFrom\":\"" + day + "\""))));
        }
        int created = 0;
        for (var a : answers) {
            Response r = a.get();
            assertThat(r.status()).as(r.body()).isIn(201, 409);
            created += r.status() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created)
                .as("open-ended versions of one feature all overlap: one wins")
                .isEqualTo(1);
        JsonNode history = anonymous.get("/api/features/race/history").json();
        assertThat(history.get("versions")).hasSize(1);
    }

    @Test
    void overlongTextsDatesOutOfRangeAndNegativeCountsAreRefused() {
        String longUrl = "https://example.org/" + "a".repeat(2000);
        Object[][] cases = {
            {
                feature("u", point(36.6, 35.6), "\"validFrom\":\"2019-06-01\",\"sourceUrl\":\"" + longUrl + "\""),
                "sourceUrl is longer"
            },
            {
                feature(
                        "p",
                        point(36.6, 35.6),
                        "\"validFrom\":\"2019-06-01\",\"sourcePublisher\":\"" + "p".repeat(301) + "\""),
                "sourcePublisher is longer"
            },
            {
                feature("y", point(36.6, 35.6), "\"validFrom\":\"+999999999-12-31T00:00:00Z\""),
                "between the years 1900 and 2999"
            },
            {feature("z", point(36.6, 35.6), "\"validFrom\":\"0001-01-01\""), "between the years 1900 and 2999"},
            {
                feature("f", point(36.6, 35.6), "\"validFrom\":\"2019-06-01\",\"fatalities\":-5"),
                "fatalities must be a whole number"
            },
        };
        for (Object[] c : cases) {
            Response r = analyst.post("/api/layers/" + events + "/features", (String) c[0]);
            assertThat(r.status()).as((String) c[1]).isEqualTo(400);
            assertThat(r.json().get("detail").asString()).contains((String) c[1]);
        }
        Response reason = analyst.post(
                "/api/layers/" + events + "/features?reason=" + "r".repeat(1001),
                feature("r", point(36.6, 35.6), "\"validFrom\":\"2019-06-01\""));
        assertThat(reason.status()).isEqualTo(400);
        analyst.post(
                "/api/layers/" + events + "/features",
                feature("idcheck", point(36.6, 35.6), "\"validFrom\":\"2019-06-01\""));
        Response oddId = analyst.put(
                "/api/features/idcheck",
                "{\"type\":\"Feature\",\"id\":{\"a\":1},\"geometry\":" + point(36.6, 35.6) + ",\"properties\":{}}");
        assertThat(oddId.status()).isEqualTo(400);
        assertThat(anonymous.get("/api/layers/" + events + "/features").json().get("features"))
                .hasSize(1);
    }

    @Test
    void refusalsSayWhyAsProblemJson() {
        String body = feature(null, point(36.6, 35.6), "\"validFrom\":\"2019-06-01\"");
        Response anon = anonymous.post("/api/layers/" + events + "/features", body);
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.json().get("detail").asString()).contains("Sign in");
        Response viewer = anonymous.as("vic", "vic-secret").post("/api/layers/" + events + "/features", body);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(viewer.json().get("detail").asString()).contains("vic").contains("analyst");
    }

    @Test
    void layersListTheirKindStyleAndTimeExtent() {
        analyst.post(
                "/api/layers/" + events + "/features",
                collection(
                        feature(null, point(36.6, 35.6), "\"validFrom\":\"2019-04-30\""),
                        feature(null, point(36.6, 35.6), "\"validFrom\":\"2020-03-05\"")));
        JsonNode list = anonymous.get("/api/layers").json();
        JsonNode mine = null;
        for (JsonNode l : list) {
            if (l.get("id").asString().equals(events)) {
                mine = l;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("kind").asString()).isEqualTo("event");
        assertThat(mine.at("/extent/from").asString()).isEqualTo("2019-04-30");
        assertThat(mine.at("/extent/to").asString()).isEqualTo("2020-03-06");
    }

    @Test
    void exportIsADownloadWithProvenanceAndValidity() {
        analyst.post(
                "/api/layers/" + events + "/features",
                feature(
                        "ev-e",
                        point(36.6, 35.6),
                        "\"title\":\"Shelling\",\"validFrom\":\"2019-05-06\",\"sourcePublisher\":\"OCHA\","
                                + "\"sourceUrl\":\"https://example.org/r/1\",\"geoPrecision\":\"near\",\"timePrecision\":\"day\""));
        Response r = anonymous.get("/api/export/" + events + ".geojson?from=2019-05-01&to=2019-05-31");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).contains("attachment").contains(".geojson");
        JsonNode p = r.json().at("/features/0/properties");
        assertThat(p.get("sourcePublisher").asString()).isEqualTo("OCHA");
        assertThat(p.get("sourceUrl").asString()).isEqualTo("https://example.org/r/1");
        assertThat(p.get("geoPrecision").asString()).isEqualTo("near");
        assertThat(p.get("validFrom").asString()).isEqualTo("2019-05-06");
        assertThat(p.get("title").asString()).isEqualTo("Shelling");
    }

    private static double signedArea(JsonNode ring) {
        double a = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            a += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        return a / 2;
    }
}
