package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Issue 15.3 and 15.9: the inputs of the issue-15 probe that answered 500 or were stored although invalid now get
 * a 400 (or 404) whose message names the field.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/hardening-${random.uuid}.db",
            "frontline.demo.load=false"
        })
class HardeningApiTest {
    static final String REPORT = "Government forces captured Khan Sheikhoun in southern Idlib on Tuesday after "
            + "weeks of air strikes. The Syrian Observatory said 14 civilians were killed.";

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    LayerService layers;

    Api ana;
    Api admin;

    @BeforeEach
    void users() {
        if (!users.userExists("hana")) {
            users.createUser(User.withUsername("hana")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
            users.createUser(User.withUsername("hadmin")
                    .password("{noop}secret")
                    .roles("ADMIN")
                    .build());
        }
        layers.ensureLayer("events", "Events", LayerKind.EVENT, "{}");
        ana = new Api(port, "hana", "secret");
        admin = new Api(port, "hadmin", "secret");
    }

    @Test
    void getErrorIsNotFoundNotAServerError() {
        Response r = new Api(port, null, null).get("/error");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("Exception");
    }

    @Test
    void candidateEditsWithNaNOrOverflowingFiguresAreRefusedNamingTheField() {
        Response stored = ana.postJson("/api/reports", "{\"text\":\"" + REPORT + "\",\"published\":\"2019-08-21\"}");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        long reportId = stored.json().path("reports").get(0).path("id").asLong();
        long candidate = ana.get("/api/reports/" + reportId)
                .json()
                .path("candidates")
                .get(0)
                .path("id")
                .asLong();
        String path = "/api/reports/candidates/" + candidate;

        Response nan = put(path, "{\"lat\":\"NaN\",\"lon\":\"NaN\"}");
        assertThat(nan.status()).as(nan.body()).isEqualTo(400);
        assertThat(nan.json().path("detail").asString()).contains("lat");
        Response inf = put(path, "{\"lat\":35.4,\"lon\":\"Infinity\"}");
        assertThat(inf.status()).isEqualTo(400);
        assertThat(inf.json().path("detail").asString()).contains("lon");
        Response accept = ana.postJson(path + "/accept", "{\"lat\":\"NaN\",\"lon\":36.6}");
        assertThat(accept.status()).isEqualTo(400);

        Response huge = put(path, "{\"fatalities\":99999999999999999999}");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().path("detail").asString())
                .contains("'fatalities'")
                .doesNotContain("jackson")
                .doesNotContain("`");
        Response word = put(path, "{\"fatalities\":\"many\"}");
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.json().path("detail").asString())
                .contains("'fatalities'")
                .doesNotContain("jackson");
        assertThat(ana.get(path).json().path("status").asString()).isEqualTo("pending");
    }

    @Test
    void featuresWithHugeFiguresTooManyPositionsOrAcrossTheAntimeridianAreRefused() {
        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.6,35.4]},"
                + "\"properties\":{\"validFrom\":\"2019-08-21\",\"fatalities\":18446744073709551616}}";
        Response huge = ana.post("/api/layers/events/features", feature);
        assertThat(huge.status()).as(huge.body()).isEqualTo(400);
        assertThat(huge.json().path("detail").asString()).contains("fatalities");

        StringBuilder many =
                new StringBuilder("{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPoint\",\"coordinates\":[");
        for (int i = 0; i <= GeoJsonGeometryReader.MAX_POSITIONS; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("[")
                    .append(36 + (i % 500) * 1e-3)
                    .append(",")
                    .append(35 + (i / 500) * 1e-3)
                    .append("]");
        }
        many.append("]},\"properties\":{\"validFrom\":\"2019-08-21\"}}");
        Response tooMany = ana.post("/api/layers/events/features", many.toString());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("detail").asString()).contains("positions");

        String fiji = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[179.5,-17],"
                + "[-179.5,-17.2]]},\"properties\":{\"validFrom\":\"2019-08-21\"}}";
        Response across = ana.post("/api/layers/events/features", fiji);
        assertThat(across.status()).isEqualTo(400);
        assertThat(across.json().path("detail").asString()).contains("antimeridian");
    }

    @Test
    void globeSpanningAndAntimeridianBuffersAre400NotWrongAreas() {
        Response world = ana.postJson(
                "/api/analysis/buffer?distanceKm=10", "{\"type\":\"LineString\",\"coordinates\":[[-170,10],[170,10]]}");
        assertThat(world.status()).isEqualTo(400);
        Response wide = ana.postJson(
                "/api/analysis/buffer?distanceKm=10", "{\"type\":\"LineString\",\"coordinates\":[[-60,10],[60,10]]}");
        assertThat(wide.status()).isEqualTo(400);
        assertThat(wide.json().path("detail").asString()).contains("geometry").contains("km");
        Response fiji =
                ana.postJson("/api/analysis/buffer?distanceKm=20", "{\"type\":\"Point\",\"coordinates\":[179.95,-17]}");
        assertThat(fiji.status()).isEqualTo(400);
        assertThat(fiji.json().path("detail").asString()).contains("antimeridian");
        Response ok =
                ana.postJson("/api/analysis/buffer?distanceKm=20", "{\"type\":\"Point\",\"coordinates\":[36.6,35.4]}");
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void aGazetteerUploadWithAVeryLongFileNameIsRefused() throws Exception {
        String row = String.join(
                        "\t",
                        "163843",
                        "Maarrat an Nu'man",
                        "Maarrat an Nu'man",
                        "",
                        "35.64802",
                        "36.67245",
                        "P",
                        "PPL",
                        "SY",
                        "",
                        "07",
                        "",
                        "",
                        "",
                        "58008",
                        "",
                        "500",
                        "Asia/Damascus",
                        "2024-01-01")
                + "\n";
        String name = "SY-" + "x".repeat(300) + ".txt";
        String boundary = "----h" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: text/plain\r\n\r\n" + row + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/gazetteer"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(
                                                                "hadmin:secret".getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("file name");
    }

    private Response put(String path, String json) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + java.util.Base64.getEncoder()
                                                            .encodeToString(
                                                                    "hana:secret".getBytes(StandardCharsets.UTF_8)))
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
