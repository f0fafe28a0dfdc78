package org.frontline.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.attributes.AttributesColumn;
import mil.nga.geopackage.attributes.AttributesTableMetadata;
import mil.nga.geopackage.db.GeoPackageDataType;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.CsvText;
import org.frontline.testsupport.Gdal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports over real HTTP on both databases (subclasses): ACLED CSV (and re-importing a newer export as
 * corrections), GeoPackage with a column mapping, large GeoJSON; every bad file is refused whole, with the
 * line or table named, and leaves nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "frontline.demo.load=false")
abstract class ImportsContract {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    LayerService layers;

    @Autowired
    JdbcUserDetailsManager users;

    @TempDir
    Path dir;

    Api anonymous;
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
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        events = layers.ensureLayer("events-" + suffix, "Events", LayerKind.EVENT, "{}")
                .id();
        areas = layers.ensureLayer("control-" + suffix, "Control", LayerKind.AREA, "{}")
                .id();
    }

    record Answer(int status, JsonNode body) {}

    Answer upload(String query, byte[] file) {
        return upload(port, query, file);
    }

    /** POSTs a file to {@code /api/imports?query} as the analyst ana. */
    static Answer upload(int port, String query, byte[] file) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports?" + query))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString(
                                                                    "ana:ana-secret".getBytes(StandardCharsets.UTF_8)))
                                    .header("Content-Type", "application/octet-stream")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), JSON.readTree(r.body()));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads and waits for the job to finish; returns its last state. */
    JsonNode run(String query, byte[] file) throws InterruptedException {
        Answer a = upload(query, file);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(202);
        return await(a.body().get("id").asString());
    }

    JsonNode await(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = anonymous.get("/api/imports/" + id).json();
            String state = job.get("state").asString();
            if (state.equals("done") || state.equals("failed") || state.equals("cancelled")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportsContract.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    int stored(String layer) {
        return anonymous
                .get("/api/layers/" + layer + "/features?from=1900-01-01")
                .json()
                .get("features")
                .size();
    }

    /** The ACLED test file with its event ids made unique to this test (feature ids are global). */
    byte[] acled(String name, String tag) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8)
                .replace("SYR9", "SYR" + tag + "9")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAcledExportImportsAndANewerExportCorrectsItKeepingHistory() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        JsonNode job = run("layer=" + events + "&format=acled", acled("acled-idlib-2019.csv", tag));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(10);
        assertThat(job.get("rowsAccepted").asLong()).isEqualTo(10);
        assertThat(job.get("rowsRefused").asLong()).isZero();
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        JsonNode f = anonymous
                .get("/ogc/collections/" + events + "/items/SYR" + tag + "90002")
                .json();
        assertThat(f.at("/properties/eventType").asString()).isEqualTo("Explosions/Remote violence");
        assertThat(f.at("/properties/notes").asString()).contains("Ma‘arat al-Nu‘man – 3 civilians");
        assertThat(f.at("/properties/fatalities").asInt()).isEqualTo(3);
        assertThat(f.at("/properties/sourcePublisher").asString())
                .isEqualTo("Syrian Observatory for Human Rights; Step Agency");
        assertThat(f.at("/geometry/coordinates/1").asDouble()).isEqualTo(35.6478);
        JsonNode week = anonymous
                .get("/ogc/collections/" + events + "/items/SYR" + tag + "90004")
                .json();
        assertThat(week.at("/properties/timePrecision").asString()).isEqualTo("week");
        assertThat(week.at("/properties/validTo").asString()).isEqualTo("2019-08-28");
        assertThat(week.at("/properties/geoPrecision").asString()).isEqualTo("near");

        JsonNode update = run("layer=" + events + "&format=acled", acled("acled-idlib-2019-update.csv", tag));
        assertThat(update.get("state").asString()).as(update.toString()).isEqualTo("done");
        assertThat(update.get("corrected").asLong()).isEqualTo(1);
        assertThat(update.get("created").asLong()).isEqualTo(1);
        assertThat(update.get("unchanged").asLong()).isEqualTo(1);
        assertThat(stored(events)).isEqualTo(11);
        JsonNode history =
                anonymous.get("/api/features/SYR" + tag + "90001/history").json();
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.at("/versions/0/properties/fatalities").asInt()).isEqualTo(7);
        assertThat(history.at("/versions/1/properties/fatalities").asInt()).isEqualTo(12);
    }

    @Test
    void ourOwnCsvExportImportsBackWithTheSameAcledColumns() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        run("layer=" + events + "&format=acled", acled("acled-idlib-2019.csv", tag));
        byte[] exported =
                anonymous.get("/api/export/" + events + ".csv?bom=true").body().getBytes(StandardCharsets.UTF_8);
        String copy =
                layers.ensureLayer("copy-" + tag, "Copy", LayerKind.EVENT, "{}").id();
        // Feature ids are global: give the copies their own ids.
        byte[] renamed = new String(exported, StandardCharsets.UTF_8)
                .replace("SYR" + tag, "CPY" + tag)
                .getBytes(StandardCharsets.UTF_8);
        JsonNode job = run("layer=" + copy + "&format=acled", renamed);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
        String again = anonymous.get("/api/export/" + copy + ".csv").body();
        String original = new String(renamed, StandardCharsets.UTF_8).substring(1); // without the BOM
        assertThat(acledCells(again)).hasSize(11).isEqualTo(acledCells(original));
    }

    /** Every row's ACLED cells before timestamp (the record times differ), sorted by event id. */
    static List<List<String>> acledCells(String csv) {
        List<List<String>> out = new ArrayList<>();
        CsvText.parse(csv).forEach(r -> out.add(r.subList(0, 30)));
        out.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return out;
    }

    @Test
    void badCsvFilesAreRefusedNamingTheLineAndNothingIsStored() throws Exception {
        String header = new String(resource("acled-idlib-2019.csv"), StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElseThrow();
        List<String> rows = new String(resource("acled-idlib-2019.csv"), StandardCharsets.UTF_8)
                .lines()
                .skip(1)
                .toList();
        // not starting with 9: the cases below replace "SYR9" in rows that already carry the tag
        String tag = "t" + UUID.randomUUID().toString().substring(0, 5);
        // Synchronous refusals: the file as a whole is wrong.
        Answer missing = upload(
                "layer=" + events + "&format=acled",
                (header.replace(",latitude,longitude", "") + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("detail").asString()).contains("latitude, longitude");
        Answer semicolons = upload(
                "layer=" + events + "&format=acled",
                (header.replace(',', ';') + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(semicolons.status()).isEqualTo(400);
        assertThat(semicolons.body().get("detail").asString()).contains("separated by ';'");
        Answer notEvents = upload("layer=" + areas + "&format=acled", resource("acled-idlib-2019.csv"));
        assertThat(notEvents.status()).isEqualTo(400);

        // Row problems: the job fails with every bad line listed.
        String good = rows.get(2).replace("SYR9", "SYR" + tag + "9");
        String[][] cases = {
            {rows.get(0).replace("2019-08-19", "2019-19-08"), "event_date '2019-19-08'"},
            // Basra (30.51 N, 47.78 E) with latitude and longitude swapped: it falls outside the focus region.
            {rows.get(3).replace("35.3200,36.6200", "47.7804,30.5085"), "look swapped"},
            {rows.get(2).replace("35.3756,36.6017", "135.3756,36.6017"), "out of range"},
            {rows.get(2).replace(",2,Enab Baladi", ",7,Enab Baladi"), "geo_precision must be 1, 2 or 3"},
            {rows.get(2).replace(",0,,1566604800", ",-4,,1566604800"), "fatalities"},
            {good, "is also on line 2"},
            {rows.get(0) + ",extra", "has 32 fields"},
        };
        for (String[] c : cases) {
            byte[] file = (header + "\r\n" + good + "\r\n" + c[0].replace("SYR9", "SYR" + tag + "9") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            JsonNode job = run("layer=" + events + "&format=acled", file);
            assertThat(job.get("state").asString()).as(c[1]).isEqualTo("failed");
            assertThat(job.at("/problem/errors/0/line").asLong())
                    .as(job.toString())
                    .isEqualTo(3);
            assertThat(job.at("/problem/errors/0/problem").asString())
                    .as(job.toString())
                    .contains(c[1]);
            assertThat(job.get("rowsRefused").asLong()).isEqualTo(1);
            assertThat(job.at("/problem/detail").asString()).contains("nothing was stored");
        }
        JsonNode quoting = run(
                "layer=" + events + "&format=acled",
                (header + "\r\n" + good + "\r\n" + rows.get(0).replace("\"On 19", "On \"19") + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(quoting.get("state").asString()).isEqualTo("failed");
        assertThat(quoting.get("detail").asString()).contains("line 3").contains("quote");
        JsonNode unclosed = run(
                "layer=" + events + "&format=acled",
                (header + "\r\n" + good + "\r\n" + rows.get(0).replace("cut.\",7", "cut.,7") + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(unclosed.get("detail").asString()).contains("line 3").contains("never closed");
        byte[] latin1 = (header + "\r\n" + good + "\r\n" + rows.get(0).replace("On 19", "Le 19 août"))
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonNode notUtf8 = run("layer=" + events + "&format=acled", latin1);
        assertThat(notUtf8.get("state").asString()).isEqualTo("failed");
        assertThat(notUtf8.get("detail").asString()).contains("line 3").contains("not UTF-8");
        assertThat(stored(events)).isZero();
    }

    @Test
    void aRowWhoseIdAnotherLayerUsesIsRefusedNamingItsLineAndNothingIsStored() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> lines = new String(acled("acled-idlib-2019.csv", tag), StandardCharsets.UTF_8)
                .lines()
                .toList();
        String other = layers.ensureLayer("other-" + tag, "Other", LayerKind.EVENT, "{}")
                .id();
        byte[] one = (lines.get(0) + "\r\n" + lines.get(7) + "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(run("layer=" + other + "&format=acled", one).get("state").asString())
                .isEqualTo("done");
        // 1,500 rows (more than one stored batch); line 1,201 has the id that the other layer holds
        StringBuilder file = new StringBuilder(lines.get(0)).append("\r\n");
        for (int i = 0; i < 1500; i++) {
            file.append(i == 1199 ? lines.get(7) : lines.get(3).replace("SYR" + tag + "90003", "SYR" + tag + "-" + i))
                    .append("\r\n");
        }
        JsonNode job = run("layer=" + events + "&format=acled", file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("failed");
        assertThat(job.at("/problem/errors").size()).as(job.toString()).isEqualTo(1);
        assertThat(job.at("/problem/errors/0/line").asLong()).isEqualTo(1201);
        assertThat(job.at("/problem/errors/0/problem").asString())
                .contains("SYR" + tag + "90007")
                .contains("layer '" + other + "'");
        assertThat(job.at("/problem/detail").asString()).contains("nothing was stored");
        assertThat(stored(events)).isZero();
        assertThat(stored(other)).isEqualTo(1);
    }

    @Test
    void anImportCancelledHalfwayStoresNothing() throws Exception {
        String header = new String(resource("acled-idlib-2019.csv"), StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElseThrow();
        String row = new String(resource("acled-idlib-2019.csv"), StandardCharsets.UTF_8)
                .lines()
                .skip(3)
                .findFirst()
                .orElseThrow();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder big = new StringBuilder(header).append("\r\n");
        for (int i = 0; i < 60_000; i++) {
            big.append(row.replace("SYR90003", "X" + tag + "-" + i)).append("\r\n");
        }
        Answer a = upload("layer=" + events + "&format=acled", big.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).isEqualTo(202);
        String id = a.body().get("id").asString();
        while (anonymous.get("/api/imports/" + id).json().get("rowsRead").asLong() < 100) {
            Thread.sleep(20);
        }
        Api analyst = anonymous.as("ana", "ana-secret");
        assertThat(analyst.delete("/api/imports/" + id).status()).isEqualTo(200);
        JsonNode job = await(id);
        assertThat(job.get("state").asString()).isEqualTo("cancelled");
        assertThat(job.at("/problem/detail").asString()).contains("nothing was stored");
        assertThat(stored(events)).isZero();
    }

    @Test
    void aGeoPackageTableImportsWithAColumnMappingAndBadGeoPackagesAreRefused() throws Exception {
        Path gpkg = dir.resolve("control.gpkg");
        Path geojson = dir.resolve("control.geojson");
        Files.writeString(
                geojson,
                "{\"type\":\"FeatureCollection\",\"features\":["
                        + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.5,35.2],[36.9,35.2],"
                        + "[36.9,35.5],[36.5,35.5],[36.5,35.2]]]},\"properties\":{\"party\":\"government\",\"since\":\"2019-05-01\","
                        + "\"until\":\"2019-08-23\",\"who\":\"Test desk\"}},"
                        + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.5,35.5],[36.9,35.5],"
                        + "[36.9,35.9],[36.5,35.9],[36.5,35.5]]]},\"properties\":{\"party\":\"opposition\",\"since\":\"2019-05-01\","
                        + "\"until\":null,\"who\":\"Test desk\"}}]}");
        Gdal.require();
        Gdal.ogr2ogr("-f", "GPKG", gpkg.toString(), geojson.toString(), "-nln", "control_areas");
        byte[] file = Files.readAllBytes(gpkg);
        JsonNode job = run("layer=" + areas + "&format=gpkg&validFrom=since&validTo=until&sourcePublisher=who", file);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("created").asLong()).isEqualTo(2);
        JsonNode june = anonymous
                .get("/api/layers/" + areas + "/features?at=2019-06-01")
                .json();
        assertThat(june.get("features")).hasSize(2);
        JsonNode sept = anonymous
                .get("/api/layers/" + areas + "/features?at=2019-09-01")
                .json();
        assertThat(sept.get("features")).hasSize(1);
        assertThat(sept.at("/features/0/properties/party").asString()).isEqualTo("opposition");
        assertThat(sept.at("/features/0/properties/sourcePublisher").asString()).isEqualTo("Test desk");

        Answer unmapped = upload("layer=" + areas + "&format=gpkg", file);
        assertThat(unmapped.status()).isEqualTo(400);
        assertThat(unmapped.body().get("detail").asString())
                .contains("validFrom=<column>")
                .contains("since");
        Answer wrongKind = upload("layer=" + events + "&format=gpkg&validFrom=since", file);
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body().get("detail").asString())
                .contains("control_areas")
                .contains("POLYGON");
        Answer notSqlite = upload(
                "layer=" + areas + "&format=gpkg&validFrom=since",
                "this is not a database".getBytes(StandardCharsets.UTF_8));
        assertThat(notSqlite.status()).isEqualTo(400);
        assertThat(notSqlite.body().get("detail").asString()).contains("not an SQLite database");
        Path attributes = dir.resolve("attributes.gpkg");
        GeoPackageManager.create(attributes.toFile());
        try (GeoPackage gp = GeoPackageManager.open(attributes.toFile())) {
            gp.createAttributesTable(AttributesTableMetadata.create(
                    "notes", List.of(AttributesColumn.createColumn("text", GeoPackageDataType.TEXT))));
        }
        Answer noGeometry = upload("layer=" + areas + "&format=gpkg&validFrom=since", Files.readAllBytes(attributes));
        assertThat(noGeometry.status()).isEqualTo(400);
        assertThat(noGeometry.body().get("detail").asString()).contains("no feature table");
        assertThat(stored(events)).isZero();
    }

    @Test
    void aLargeGeoJsonFileImportsFeatureByFeature() throws Exception {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < 5000; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                    .append(36 + i % 100 * 0.01)
                    .append(",35.5]},\"properties\":{\"title\":\"Event ")
                    .append(i)
                    .append("\",\"validFrom\":\"2019-08-01\"}}");
        }
        sb.append("]}");
        JsonNode job = run("layer=" + events + "&format=geojson", sb.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("created").asLong()).isEqualTo(5000);
        assertThat(stored(events)).isEqualTo(5000);

        String other = layers.ensureLayer(events + "-b", "Events", LayerKind.EVENT, "{}")
                .id();
        String bad = sb.toString().replace("\"coordinates\":[36.02,35.5]", "\"coordinates\":[36.02,135.5]");
        JsonNode refused = run("layer=" + other + "&format=geojson", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.get("state").asString()).isEqualTo("failed");
        assertThat(refused.get("rowsRefused").asLong()).isEqualTo(50); // features 3, 103, 203, …
        assertThat(refused.at("/problem/errors/0/line").asLong()).isEqualTo(3);
        assertThat(refused.at("/problem/errors/0/problem").asString()).contains("out of range");
        assertThat(stored(other)).isZero();
        JsonNode wrongKind =
                run("layer=" + areas + "&format=geojson", sb.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(wrongKind.get("state").asString()).isEqualTo("failed"); // points do not fit an area layer
        assertThat(wrongKind.get("detail").asString()).contains("nothing was stored");
        assertThat(stored(areas)).isZero();
    }
}
