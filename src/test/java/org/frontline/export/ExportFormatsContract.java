package org.frontline.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * CSV (ACLED layout), GeoPackage and KML exports over real HTTP on both databases (subclasses), read back
 * by GDAL where it is installed and by plain parsers otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "frontline.demo.load=false")
abstract class ExportFormatsContract {
    static final String TRICKY = "Strike near Ma‘arat al-Nu‘man – \"south\", market\nsecond line";

    @LocalServerPort
    int port;

    @Autowired
    LayerService layers;

    @Autowired
    JdbcUserDetailsManager users;

    @TempDir
    Path dir;

    Api analyst;
    String events;
    String control;
    String sfx;

    @BeforeEach
    void setUp() {
        if (!users.userExists("ana")) {
            users.createUser(User.withUsername("ana")
                    .password("{noop}ana-secret")
                    .roles("ANALYST")
                    .build());
        }
        analyst = new Api(port, "ana", "ana-secret");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        sfx = "-" + suffix;
        events = layers.ensureLayer("events-" + suffix, "Events", LayerKind.EVENT, "{\"color\":\"#aa0000\"}")
                .id();
        control = layers.ensureLayer(
                        "control-" + suffix,
                        "Control",
                        LayerKind.AREA,
                        "{\"color\":\"#7f8c8d\",\"fillOpacity\":0.5,\"byProperty\":\"party\",\"colors\":"
                                + "{\"government\":\"#c0392b\",\"opposition\":\"#2e7d32\"}}")
                .id();
        post(
                events,
                "{\"type\":\"FeatureCollection\",\"features\":["
                        + event(
                                "ev-1" + sfx,
                                36.6789012345,
                                35.4412,
                                "2019-08-19",
                                "Battles",
                                TRICKY,
                                12,
                                "week",
                                "near")
                        + ","
                        + event(
                                "ev-2" + sfx,
                                36.64,
                                35.93,
                                "2019-08-20",
                                "Explosions/Remote violence",
                                "=HYPERLINK(\"http://evil.example\",\"click\")",
                                0,
                                "day",
                                "exact")
                        + ","
                        + event("ev-3" + sfx, 36.70, 35.60, "2019-09-02", "Protests", "@SUM(A1)", 0, "month", "admin")
                        + "]}");
        post(
                control,
                "{\"type\":\"FeatureCollection\",\"features\":["
                        + "{\"type\":\"Feature\",\"id\":\"gov" + sfx
                        + "\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.5,35.2],"
                        + "[36.9,35.2],[36.9,35.5],[36.5,35.5],[36.5,35.2]]]},\"properties\":{\"party\":\"government\","
                        + "\"validFrom\":\"2019-05-01\",\"validTo\":\"2019-08-23\",\"area_km2\":1200.5}},"
                        + "{\"type\":\"Feature\",\"id\":\"opp" + sfx
                        + "\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.5,35.5],"
                        + "[36.9,35.5],[36.9,35.9],[36.5,35.9],[36.5,35.5]]]},\"properties\":{\"party\":\"opposition\","
                        + "\"validFrom\":\"2019-05-01\",\"name\":\"<b>Idlib pocket</b>\"}}]}");
    }

    static String event(
            String id,
            double lon,
            double lat,
            String date,
            String type,
            String notes,
            int fatalities,
            String timePrecision,
            String geoPrecision) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon
                + "," + lat + "]},\"properties\":{\"validFrom\":\"" + date + "\",\"eventType\":\"" + type
                + "\",\"subEventType\":\"Armed clash\",\"actor1\":\"Military Forces of Syria (2000-)\","
                + "\"placeName\":\"Khan Shaykhun\",\"admin1\":\"Idleb\",\"country\":\"Syria\",\"notes\":"
                + json(notes) + ",\"fatalities\":" + fatalities + ",\"sourcePublisher\":\"SOHR\","
                + "\"sourceUrl\":\"https://example.org/r/" + id + "\",\"confidence\":\"medium\","
                + "\"timePrecision\":\"" + timePrecision + "\",\"geoPrecision\":\"" + geoPrecision + "\"}}";
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    void post(String layer, String body) {
        Api.Response r = analyst.post("/api/layers/" + layer + "/features", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    byte[] download(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        return r.body();
    }

    static List<List<String>> parseCsv(String text) {
        return CsvText.parse(text);
    }

    @Test
    void eventsCsvHasAcledsColumnsInOrderThenOursWithQuotingAndFormulasDefused() throws Exception {
        byte[] body = download("/api/export/" + events + ".csv?from=2019-08-01&to=2019-08-31");
        assertThat(body[0]).isNotEqualTo((byte) 0xEF);
        List<List<String>> rows = parseCsv(new String(body, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        assertThat(header.subList(0, 31)).isEqualTo(AcledColumns.COLUMNS);
        assertThat(header.subList(31, header.size()))
                .containsExactly("id", "valid_to", "confidence", "source_url", "recorded_at");
        assertThat(rows).hasSize(3); // header + ev-1, ev-2 (ev-3 is in September)
        List<String> ev1 = rows.stream()
                .filter(r -> r.get(0).equals("ev-1" + sfx))
                .findFirst()
                .orElseThrow();
        assertThat(ev1.get(header.indexOf("event_date"))).isEqualTo("2019-08-19");
        assertThat(ev1.get(header.indexOf("year"))).isEqualTo("2019");
        assertThat(ev1.get(header.indexOf("time_precision"))).isEqualTo("2");
        assertThat(ev1.get(header.indexOf("geo_precision"))).isEqualTo("2");
        assertThat(ev1.get(header.indexOf("latitude"))).isEqualTo("35.4412");
        assertThat(ev1.get(header.indexOf("longitude"))).isEqualTo("36.6789012");
        assertThat(ev1.get(header.indexOf("notes"))).isEqualTo(TRICKY);
        assertThat(ev1.get(header.indexOf("location"))).isEqualTo("Khan Shaykhun");
        assertThat(ev1.get(header.indexOf("source"))).isEqualTo("SOHR");
        assertThat(ev1.get(header.indexOf("fatalities"))).isEqualTo("12");
        assertThat(ev1.get(header.indexOf("valid_to"))).isEqualTo("2019-08-26");
        List<String> ev2 = rows.stream()
                .filter(r -> r.get(0).equals("ev-2" + sfx))
                .findFirst()
                .orElseThrow();
        assertThat(ev2.get(header.indexOf("notes"))).startsWith("'=HYPERLINK(");
        assertThat(ev2.get(header.indexOf("time_precision"))).isEqualTo("1");

        byte[] withBom = download("/api/export/" + events + ".csv?bom=true");
        assertThat(new byte[] {withBom[0], withBom[1], withBom[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(parseCsv(new String(withBom, 3, withBom.length - 3, StandardCharsets.UTF_8)))
                .hasSize(4);
    }

    @Test
    void gdalReadsTheCsvWithItsCharactersIntact() throws Exception {
        Gdal.require();
        Path csv = dir.resolve("events.csv");
        Files.write(csv, download("/api/export/" + events + ".csv?bom=true"));
        String info = Gdal.ogrinfo(
                "-ro", "-al", "-oo", "X_POSSIBLE_NAMES=longitude", "-oo", "Y_POSSIBLE_NAMES=latitude", csv.toString());
        assertThat(info)
                .contains("Feature Count: 3")
                .contains("Ma‘arat al-Nu‘man –")
                .contains("POINT (36.6789012 35.4412)");
    }

    @Test
    void areasCsvHasWktAndTheSameColumnsWhateverTheDate() throws Exception {
        List<List<String>> may =
                parseCsv(new String(download("/api/export/" + control + ".csv?at=2019-06-01"), StandardCharsets.UTF_8));
        List<List<String>> sep =
                parseCsv(new String(download("/api/export/" + control + ".csv?at=2019-09-01"), StandardCharsets.UTF_8));
        assertThat(may.get(0)).isEqualTo(sep.get(0));
        assertThat(may.get(0)).startsWith("id", "wkt", "valid_from", "valid_to").contains("party", "area_km2", "name");
        assertThat(may).hasSize(3);
        assertThat(sep).hasSize(2);
        assertThat(sep.get(1).get(1)).startsWith("POLYGON ((");
    }

    @Test
    void geoPackageHasATablePerLayerWithTypedTimesAndTheStyleAsMetadata() throws Exception {
        Path gpkg = dir.resolve("out.gpkg");
        Files.write(gpkg, download("/api/export/" + events + "," + control + ".gpkg?at=2019-09-02T12:00:00Z"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
            ResultSet tables = c.createStatement()
                    .executeQuery(
                            "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name");
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            assertThat(names).containsExactlyInAnyOrder(events, control);
            ResultSet types = c.createStatement().executeQuery("PRAGMA table_info(\"" + control + "\")");
            List<String> cols = new ArrayList<>();
            while (types.next()) {
                cols.add(types.getString("name") + ":" + types.getString("type"));
            }
            assertThat(cols)
                    .contains(
                            "valid_from:DATETIME",
                            "valid_to:DATETIME",
                            "recorded_at:DATETIME",
                            "area_km2:DOUBLE",
                            "party:TEXT");
            ResultSet style = c.createStatement()
                    .executeQuery("SELECT m.metadata FROM gpkg_metadata m JOIN "
                            + "gpkg_metadata_reference r ON r.md_file_id = m.id WHERE r.table_name = '" + control
                            + "'");
            assertThat(style.next()).isTrue();
            assertThat(style.getString(1)).contains("\"byProperty\":\"party\"").contains("#c0392b");
        }
        if (hasGdal()) {
            String info = Gdal.ogrinfo("-ro", "-so", gpkg.toString(), events);
            assertThat(info)
                    .contains("Feature Count: 1")
                    .contains("valid_to: DateTime")
                    .contains("fatalities: Integer");
            String empty = Gdal.ogrinfo(
                    "-ro",
                    "-so",
                    writeTo("empty.gpkg", download("/api/export/" + events + ".gpkg?at=2001-01-01"))
                            .toString(),
                    events);
            assertThat(fieldLines(empty)).isEqualTo(fieldLines(info));
        }
    }

    @Test
    void kmlHasTimeSpansFromValidTimeAndStylesFromTheLayer() throws Exception {
        byte[] kml = download("/api/export/" + control + ".kml?from=2019-01-01");
        Document doc = DocumentBuilderFactory.newDefaultNSInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(kml));
        NodeList placemarks = doc.getElementsByTagName("Placemark");
        assertThat(placemarks.getLength()).isEqualTo(2);
        Element gov = null;
        for (int i = 0; i < placemarks.getLength(); i++) {
            Element p = (Element) placemarks.item(i);
            if (p.getElementsByTagName("name").item(0).getTextContent().equals("<b>Idlib pocket</b>")) {
                assertThat(p.getElementsByTagName("end").getLength()).isZero();
            } else {
                gov = p;
            }
        }
        assertThat(gov).isNotNull();
        assertThat(gov.getElementsByTagName("begin").item(0).getTextContent()).isEqualTo("2019-05-01T00:00:00Z");
        assertThat(gov.getElementsByTagName("end").item(0).getTextContent()).isEqualTo("2019-08-23T00:00:00Z");
        String styleId =
                gov.getElementsByTagName("styleUrl").item(0).getTextContent().substring(1);
        NodeList styles = doc.getElementsByTagName("Style");
        String polyColor = null;
        for (int i = 0; i < styles.getLength(); i++) {
            Element s = (Element) styles.item(i);
            if (s.getAttribute("id").equals(styleId)) {
                polyColor = ((Element) s.getElementsByTagName("PolyStyle").item(0))
                        .getElementsByTagName("color")
                        .item(0)
                        .getTextContent();
            }
        }
        assertThat(polyColor).isEqualTo("802b39c0"); // #c0392b at 50 % opacity, as KML's aabbggrr
        if (hasGdal()) {
            Path file = writeTo("control.kml", kml);
            assertThat(Gdal.ogrinfo("-ro", "-al", "-so", file.toString())).contains("Feature Count: 2");
        }
    }

    @Test
    void aShapefileKeepsUtf8TextAndShortUniqueReadableFieldNames() throws Exception {
        Gdal.require();
        Path zip = writeTo("events.shp.zip", download("/api/export/" + events + ".shp.zip"));
        String info = Gdal.ogrinfo("-ro", "-al", "/vsizip/" + zip);
        assertThat(info)
                .contains("Feature Count: 3")
                .contains("Geometry: Point")
                .contains("Ma‘arat al-Nu‘man –")
                .contains("POINT (36.6789012")
                .doesNotContain("Ma?arat");
        List<String> names = info.lines()
                .filter(l -> l.matches("^[A-Za-z_0-9]+: [A-Za-z0-9]+ \\(.*\\)$"))
                .map(l -> l.substring(0, l.indexOf(':')))
                .toList();
        assertThat(names).hasSize(33).doesNotHaveDuplicates().allMatch(n -> n.length() <= 10);
        assertThat(names)
                .contains("feature_id", "valid_from", "publisher", "event_type", "sub_event", "assoc_act1")
                .contains("assoc_act2", "civ_target", "notes", "fatalities", "location");
        assertThat(info).contains("fatalities (Integer").contains("actor1 (String) = Military Forces of Syria");

        Path areas = writeTo("control.shp.zip", download("/api/export/" + control + ".shp.zip?at=2019-06-01"));
        String polygons = Gdal.ogrinfo("-ro", "-al", "/vsizip/" + areas);
        assertThat(polygons)
                .contains("Feature Count: 2")
                .contains("Geometry: Polygon")
                .contains("POLYGON ((36.5 35.2,")
                .contains("area_km2 (Real) = 1200.5")
                .contains("name (String) = <b>Idlib pocket</b>");
        // GDAL's own shapefile writer needs -lco ENCODING=UTF-8 (docs/formats.md): then – and ‘ survive too
        Path copy = dir.resolve("copy.shp");
        Gdal.ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", copy.toString(), "/vsizip/" + zip);
        assertThat(Gdal.ogrinfo("-ro", "-al", copy.toString())).contains("Ma‘arat al-Nu‘man –");
    }

    Path writeTo(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    static List<String> fieldLines(String ogrinfo) {
        return ogrinfo.lines()
                .filter(l -> l.matches("^[a-z_0-9]+: .*\\(.*\\)$"))
                .toList();
    }

    static boolean hasGdal() {
        Gdal.require();
        return true;
    }
}
