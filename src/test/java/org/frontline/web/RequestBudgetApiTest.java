package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.frontline.testsupport.CsvText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Issue 15.2: with a tiny time budget ({@code frontline.request-budget=1ms}) an analysis (a buffer of 4,000
 * points) is stopped and answered 503 + Retry-After as problem+json — the same answer as when every permit is
 * taken — and its permit comes back, so the next requests get the same answer rather than "busy". Issue 10: layer
 * exports are not bound by that budget but by {@code frontline.export-budget} (10 min by default), so every export
 * format still answers 200 with every one of the 400 events ({@link ExportBudgetApiTest}: the other way round).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/budget-${random.uuid}.db",
            "frontline.demo.load=false",
            "frontline.request-budget=1ms"
        })
class RequestBudgetApiTest {
    static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
    static final int EVENTS = 400;
    static final List<String> EXPORTS = List.of("csv", "geojson", "kml", "gpkg", "shp.zip");

    private final JdbcUserDetailsManager users;
    private final LayerService layers;
    Api ana;

    @LocalServerPort
    int port;

    RequestBudgetApiTest(@Autowired JdbcUserDetailsManager users, @Autowired LayerService layers) {
        this.users = users;
        this.layers = layers;
    }

    @BeforeEach
    void setUp() {
        ana = seed(users, layers, port);
    }

    /** The analyst "budget" and a layer of 400 events, once per context; the analyst's client. */
    static Api seed(JdbcUserDetailsManager users, LayerService layers, int port) {
        if (!users.userExists("budget")) {
            users.createUser(User.withUsername("budget")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
            layers.ensureLayer("events", "Events", LayerKind.EVENT, "{}");
            List<NewFeature> events = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                events.add(new NewFeature(
                        null,
                        GEOMETRY.createPoint(new Coordinate(36 + (i % 20) * 0.05, 35 + (i / 20) * 0.05)),
                        Map.of("eventType", "Battles", "fatalities", i % 7),
                        Instant.parse("2019-08-01T00:00:00Z"),
                        Instant.parse("2019-08-02T00:00:00Z"),
                        new Provenance("test", null, LocalDate.of(2019, 8, 1), "high", "exact", "day")));
            }
            layers.add("events", events, "budget", "budget test");
        }
        return new Api(port, "budget", "secret");
    }

    /** A buffer of a MultiPoint of {@code n} points (4,000: a second or more of work). */
    static Response buffer(Api api, int n) {
        StringBuilder points = new StringBuilder("{\"type\":\"MultiPoint\",\"coordinates\":[");
        for (int i = 0; i < n; i++) {
            points.append(i == 0 ? "" : ",")
                    .append('[')
                    .append(36 + (i % 80) * 0.01)
                    .append(',')
                    .append(35 + (i / 80) * 0.01)
                    .append(']');
        }
        points.append("]}");
        return api.postJson("/api/analysis/buffer?distanceKm=5", points.toString());
    }

    @Test
    void anAnalysisOverItsBudgetIsStoppedAndAnswered503WithRetryAfter() {
        for (int round = 0; round < 3; round++) { // the permit comes back each time: never "busy with N"
            assertIsOverBudget(buffer(ana, 4000), "frontline.request-budget");
        }
    }

    @Test
    void layerExportsAreNotBoundByTheRequestBudgetAndHoldEveryEvent() throws Exception {
        assertThat(CsvText.parse(ana.get("/api/export/events.csv").body())).hasSize(EVENTS + 1);
        assertThat(ana.get("/api/export/events.geojson").json().path("features"))
                .hasSize(EVENTS);
        assertThat(ana.get("/api/export/events.kml").body().split("<Placemark", -1))
                .hasSize(EVENTS + 1);
        Path gpkg = Files.createTempFile("budget", ".gpkg");
        try {
            Files.write(gpkg, downloaded(ana.download("/api/export/events.gpkg")));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
                    ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM events")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(EVENTS);
            }
        } finally {
            Files.delete(gpkg);
        }
        assertThat(dbfRecords(downloaded(ana.download("/api/export/events.shp.zip"))))
                .isEqualTo(EVENTS);
        // the map's and the OGC API's reads have no budget at all
        assertThat(ana.get("/api/layers/events/features").json().path("features"))
                .hasSize(EVENTS);
        assertThat(ana.get("/ogc/collections/events/items?limit=1000").json().path("features"))
                .hasSize(EVENTS);
    }

    static byte[] downloaded(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        return r.body();
    }

    /** The record count in the header of the zipped shapefile's .dbf. */
    static int dbfRecords(byte[] zip) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".dbf")) {
                    return ByteBuffer.wrap(in.readNBytes(8))
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .getInt(4);
                }
            }
        }
        throw new AssertionError("no .dbf in the zip");
    }

    static void assertIsOverBudget(Response r, String setting) {
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("title").asString()).isEqualTo("Server busy");
        assertThat(r.json().path("detail").asString()).contains("1 ms time budget (" + setting + ")");
    }
}
