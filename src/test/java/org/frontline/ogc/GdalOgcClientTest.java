package org.frontline.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Gdal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * GDAL's OAPIF driver (Debian gdal-bin) as the client of /ogc: it lists the layers, pages through 25,000
 * events 1,000 at a time, filters by datetime and copies a layer into a GeoPackage. Skips loudly without
 * GDAL; fails in CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "frontline.demo.load=false")
@TestPropertySource(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/gdal-ogc-${random.uuid}.db")
class GdalOgcClientTest {
    @LocalServerPort
    int port;

    @Autowired
    LayerService layers;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsGdal() {
        Gdal.require();
    }

    String service() {
        return "OAPIF:http://localhost:" + port + "/ogc";
    }

    String layer(int events) {
        String id = "events-" + UUID.randomUUID().toString().substring(0, 8);
        layers.ensureLayer(id, "Events", LayerKind.EVENT, "{}");
        List<NewFeature> all = OgcApiContract.events(events);
        for (int i = 0; i < all.size(); i += 5000) {
            layers.addRecorded(
                    id,
                    all.subList(i, Math.min(all.size(), i + 5000)),
                    "seed",
                    "test data",
                    Instant.parse("2019-10-01T00:00:00Z"));
        }
        return id;
    }

    /** The values of the "id" column of a CSV that ogr2ogr wrote (ids hold no commas or quotes). */
    static List<String> csvIds(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int col = header.indexOf("id");
        assertThat(col).as("id column in " + header).isNotNegative();
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            out.add(line.split(",", -1)[col].replace("\"", ""));
        }
        return out;
    }

    @Test
    void ogrinfoListsEveryLayer() {
        layer(3);
        layers.ensureLayer("control-" + UUID.randomUUID().toString().substring(0, 8), "Control", LayerKind.AREA, "{}");
        String out = Gdal.ogrinfo("-ro", service());
        for (Layer l : layers.layers()) {
            assertThat(out).as(out).containsPattern("\\d+: " + l.id() + "\\b");
        }
    }

    @Test
    void readingTwentyFiveThousandEventsInPagesOfAThousandGivesEachExactlyOnce() throws IOException {
        long t0 = System.nanoTime();
        String id = layer(25_000);
        long t1 = System.nanoTime();
        Path csv = dir.resolve("all.csv");
        Gdal.ogr2ogr("-f", "CSV", csv.toString(), service(), id, "-oo", "PAGE_SIZE=1000");
        System.err.printf(
                "25k events: stored in %d ms, read by GDAL in %d ms%n",
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        List<String> ids = csvIds(csv);
        assertThat(ids).hasSize(25_000);
        assertThat(new HashSet<>(ids)).hasSize(25_000);
    }

    @Test
    void aDatetimeIntervalGivesTheSameFeaturesAsTheLayersApi() throws IOException {
        String id = layer(600);
        Path csv = dir.resolve("week.csv");
        Gdal.ogr2ogr(
                "-f", "CSV", csv.toString(), service() + "?datetime=2019-08-05/2019-08-11", id, "-oo", "PAGE_SIZE=25");
        JsonNode api = new Api(port, null, null)
                .get("/api/layers/" + id + "/features?from=2019-08-05&to=2019-08-11")
                .json();
        Set<String> expected = new HashSet<>();
        api.get("features").forEach(f -> expected.add(f.get("id").asString()));
        assertThat(expected).hasSize(70);
        List<String> got = csvIds(csv);
        assertThat(got).hasSize(70);
        assertThat(new HashSet<>(got)).isEqualTo(expected);
    }

    @Test
    void ogr2ogrCopiesALayerIntoAGeoPackage() {
        String id = layer(300);
        Path gpkg = dir.resolve("copy.gpkg");
        Gdal.ogr2ogr("-f", "GPKG", gpkg.toString(), service(), id, "-oo", "PAGE_SIZE=100");
        String info = Gdal.ogrinfo("-ro", "-so", gpkg.toString(), id);
        assertThat(info)
                .contains("Feature Count: 300")
                .contains("Geometry: Point")
                .contains("event_type: String");
    }
}
