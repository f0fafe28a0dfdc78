package org.frontline.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The map's event query at any density, over real HTTP on both databases: below the threshold the events
 * themselves, above it counts and fatalities per grid cell computed in the database; the window and record
 * time are honoured; bad zoom, box and time are 400 problem+json; answers are gzipped on the wire.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"frontline.demo.load=false", "frontline.map.max-events=6"})
abstract class DensityApiContract {
    @LocalServerPort
    int port;

    @Autowired
    LayerService layers;

    @Autowired
    JdbcUserDetailsManager users;

    Api analyst;
    Api anonymous;
    String events;

    // Saraqib and Khan Shaykhun (about 40 km apart): separate cells from zoom 4 up.
    static final double[] SARAQIB = {36.8006, 35.8638};
    static final double[] KHAN_SHAYKHUN = {36.6417, 35.4419};

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
        events = layers.ensureLayer(
                        "ev-" + UUID.randomUUID().toString().substring(0, 8), "Events", LayerKind.EVENT, "{}")
                .id();
    }

    static String event(double[] at, double jitter, String day, int killed) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + (at[0] + jitter) + ","
                + (at[1] + jitter) + "]},\"properties\":{\"title\":\"Shelling\",\"validFrom\":\"" + day
                + "\",\"fatalities\":" + killed + ",\"sourcePublisher\":\"SOHR\",\"confidence\":\"medium\"}}";
    }

    void post(List<String> features) {
        Response r = analyst.post(
                "/api/layers/" + events + "/features",
                "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** Four events at Saraqib and five at Khan Shaykhun in August 2019, one at Saraqib in 2020. */
    void postScenario() {
        List<String> fs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fs.add(event(SARAQIB, i * 0.001, "2019-08-0" + (i + 1), i));
        }
        for (int i = 0; i < 5; i++) {
            fs.add(event(KHAN_SHAYKHUN, i * 0.001, "2019-08-1" + i, 2));
        }
        fs.add(event(SARAQIB, 0, "2020-02-01", 7));
        post(fs);
    }

    Response density(String query) {
        return anonymous.get("/api/layers/" + events + "/density?" + query);
    }

    static final String BOX = "bbox=36.0,35.0,37.5,36.5";

    @Test
    void aFewEventsAreAnsweredThemselvesWithTheirProperties() {
        postScenario();
        Response r = density("from=2019-08-01&to=2019-08-10&zoom=8&" + BOX);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/geo+json");
        JsonNode fc = r.json();
        assertThat(fc.has("aggregated")).isFalse();
        // 4 at Saraqib (1–4 Aug) and Khan Shaykhun's first, on 10 Aug
        assertThat(fc.get("features")).hasSize(5);
        for (JsonNode f : fc.get("features")) {
            assertThat(f.get("properties").get("title").asString()).isEqualTo("Shelling");
            assertThat(f.get("properties").get("versionId").isNumber()).isTrue();
        }
    }

    @Test
    void aDenseWindowIsAnsweredAsCellsWithCountsAndFatalities() {
        postScenario();
        Response r = density("from=2019-08-01&to=2019-08-31&zoom=8&" + BOX);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode fc = r.json();
        assertThat(fc.get("aggregated").asBoolean()).isTrue();
        assertThat(fc.get("total").asLong()).isEqualTo(9);
        Map<String, long[]> byPlace = new HashMap<>();
        for (JsonNode cell : fc.get("features")) {
            JsonNode p = cell.get("properties");
            double lon = cell.get("geometry").get("coordinates").get(0).asDouble();
            double lat = cell.get("geometry").get("coordinates").get(1).asDouble();
            JsonNode b = p.get("bbox");
            // the cell's mean position lies inside the cell
            assertThat(lon).isBetween(b.get(0).asDouble(), b.get(2).asDouble());
            assertThat(lat).isBetween(b.get(1).asDouble(), b.get(3).asDouble());
            String place = Math.abs(lat - SARAQIB[1]) < 0.1 ? "Saraqib" : "Khan Shaykhun";
            byPlace.put(
                    place,
                    new long[] {p.get("count").asLong(), p.get("fatalities").asLong()});
        }
        assertThat(fc.get("features")).hasSize(2);
        assertThat(byPlace.get("Saraqib")).containsExactly(4, 0 + 1 + 2 + 3);
        assertThat(byPlace.get("Khan Shaykhun")).containsExactly(5, 10);
    }

    @Test
    void aLowZoomPutsNearbyPlacesInOneCell() {
        postScenario();
        // zoom 3: cells of 11.25°, both towns in one
        JsonNode fc =
                density("from=2019-08-01&to=2020-12-31&zoom=3&bbox=30,30,45,40").json();
        assertThat(fc.get("features")).hasSize(1);
        assertThat(fc.get("features").get(0).get("properties").get("count").asLong())
                .isEqualTo(10);
        assertThat(fc.get("features").get(0).get("properties").get("fatalities").asLong())
                .isEqualTo(6 + 10 + 7);
    }

    @Test
    void theRecordTimeIsHonoured() {
        postScenario();
        // nothing was known at the start of 2019
        JsonNode fc = density("from=2019-08-01&to=2019-08-31&zoom=8&asOf=2019-01-01&" + BOX)
                .json();
        assertThat(fc.has("aggregated")).isFalse();
        assertThat(fc.get("features")).isEmpty();
    }

    @Test
    void badZoomBoxTimeAndLayerAreRefusedWithProblemJson() {
        postScenario();
        Map<String, String> bad = new HashMap<>();
        bad.put("from=2019-08-01&to=2019-08-31&" + BOX, "zoom is missing");
        bad.put("from=2019-08-01&to=2019-08-31&zoom=21&" + BOX, "zoom must lie between 0 and 20");
        bad.put("from=2019-08-01&to=2019-08-31&zoom=-1&" + BOX, "zoom must lie between 0 and 20");
        bad.put("from=2019-08-01&to=2019-08-31&zoom=eight&" + BOX, "zoom must be a whole number");
        bad.put("from=2019-08-01&to=2019-08-31&zoom=8", "bbox is missing");
        bad.put("from=2019-08-01&to=2019-08-31&zoom=8&bbox=36,35,200,36", "bbox is outside");
        bad.put("from=2019-08-01&to=2019-08-31&zoom=18&" + BOX, "at most 256 each way");
        bad.put("from=2019-09-01&to=2019-08-01&zoom=8&" + BOX, "must not be before");
        bad.put("from=1066-10-14&zoom=8&" + BOX, "between the years 1900 and 2999");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Response r = density(e.getKey());
            assertThat(r.status()).as(e.getKey()).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(e.getKey()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).as(e.getKey()).contains(e.getValue());
        }
        String area = layers.ensureLayer("area-" + events, "Areas", LayerKind.AREA, "{}")
                .id();
        Response r = anonymous.get("/api/layers/" + area + "/density?zoom=8&" + BOX);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("density is counted for event layers");
        assertThat(anonymous
                        .get("/api/layers/no-such-layer/density?zoom=8&" + BOX)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theHistogramCountsEventsAndFatalitiesPerDayWeekAndMonthInTheBox() {
        postScenario();
        // Saraqib only: its box leaves Khan Shaykhun (40 km south) out
        JsonNode days = anonymous
                .get("/api/layers/" + events + "/histogram?from=2019-08-01&to=2019-08-31&bucket=day"
                        + "&bbox=36.7,35.8,36.9,35.95")
                .json();
        assertThat(days.get("buckets")).hasSize(31);
        assertThat(days.get("events").asLong()).isEqualTo(4);
        assertThat(days.get("fatalities").asLong()).isEqualTo(0 + 1 + 2 + 3);
        for (int i = 0; i < 31; i++) {
            JsonNode b = days.get("buckets").get(i);
            assertThat(b.get("start").asString()).isEqualTo(String.format("2019-08-%02d", i + 1));
            assertThat(b.get("events").asLong()).as(b.toString()).isEqualTo(i < 4 ? 1 : 0);
            assertThat(b.get("fatalities").asLong()).as(b.toString()).isEqualTo(i < 4 ? i : 0);
        }
        // ISO weeks from Monday: 1–4 Aug 2019 (Thu–Sun) fall in the week of 29 July; 10–11 Aug in that of
        // 5 Aug, 12–14 Aug in that of 12 Aug
        JsonNode weeks = anonymous
                .get("/api/layers/" + events + "/histogram?from=2019-08-01&to=2019-08-31&bucket=week&" + BOX)
                .json();
        assertThat(weeks.get("buckets").get(0).get("start").asString()).isEqualTo("2019-07-29");
        assertThat(weeks.get("buckets").get(0).get("events").asLong()).isEqualTo(4);
        assertThat(weeks.get("buckets").get(1).get("events").asLong()).isEqualTo(2);
        assertThat(weeks.get("buckets").get(2).get("events").asLong()).isEqualTo(3);
        // months over the layer's whole extent (no from/to): Aug 2019 to Feb 2020
        JsonNode months = anonymous
                .get("/api/layers/" + events + "/histogram?bucket=month")
                .json();
        assertThat(months.get("buckets")).hasSize(7);
        assertThat(months.get("buckets").get(0).get("events").asLong()).isEqualTo(9);
        assertThat(months.get("buckets").get(6).get("start").asString()).isEqualTo("2020-02-01");
        assertThat(months.get("buckets").get(6).get("fatalities").asLong()).isEqualTo(7);
        assertThat(months.get("events").asLong()).isEqualTo(10);
        // the record time: nothing was known at the start of 2019
        assertThat(anonymous
                        .get("/api/layers/" + events + "/histogram?from=2019-08-01&to=2019-08-31&asOf=2019-01-01")
                        .json()
                        .get("events")
                        .asLong())
                .isZero();
    }

    @Test
    void badHistogramParametersAreRefusedWithProblemJson() {
        postScenario();
        Map<String, String> bad = new HashMap<>();
        bad.put("bucket=year", "bucket must be day, week or month");
        bad.put("from=1950-01-01&to=2019-08-31", "more than 3700 day buckets");
        bad.put("bbox=36,35,200,36", "bbox is outside");
        bad.put("from=2019-09-01&to=2019-08-01", "must not be before");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Response r = anonymous.get("/api/layers/" + events + "/histogram?" + e.getKey());
            assertThat(r.status()).as(e.getKey()).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(e.getKey()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).as(e.getKey()).contains(e.getValue());
        }
        String area = layers.ensureLayer("area-" + events, "Areas", LayerKind.AREA, "{}")
                .id();
        assertThat(anonymous.get("/api/layers/" + area + "/histogram").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/layers/no-such-layer/histogram").status())
                .isEqualTo(404);
    }

    @Test
    void coordinatesAreRoundedToSevenDecimalsWithoutFloatNoise() {
        post(List.of("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.123456789,35.1]},"
                + "\"properties\":{\"validFrom\":\"2019-08-01\",\"sourcePublisher\":\"SOHR\"}}"));
        Response r = anonymous.get("/api/layers/" + events + "/features");
        assertThat(r.body()).contains("\"coordinates\":[36.1234568,35.1]");
    }

    @Test
    void answersAreGzippedOnTheWireAndStillStream() throws Exception {
        List<String> fs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            fs.add(event(SARAQIB, i * 0.0001, "2019-08-01", 1));
        }
        post(fs);
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/layers/" + events + "/features"))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        // streamed: chunked, no length known up front
        assertThat(r.headers().firstValue("Content-Length")).isEmpty();
        String text = gunzip(r.body());
        JsonNode fc = JsonMapper.builder().build().readTree(text);
        assertThat(fc.get("features")).hasSize(300);
        assertThat(r.body().length).isLessThan(text.length() / 5);
    }

    static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
