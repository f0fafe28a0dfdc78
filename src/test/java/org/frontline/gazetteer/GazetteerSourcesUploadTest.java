package org.frontline.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import crosby.binary.file.BlockOutputStream;
import crosby.binary.osmosis.OsmosisSerializer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstreetmap.osmosis.core.container.v0_6.NodeContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.CommonEntityData;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.OsmUser;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bringing your own gazetteer over HTTP: streamed uploads under a cap (here 200 kB), their progress, bad files,
 * and GeoNames admin codes and alternate names in the layouts download.geonames.org publishes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "frontline.demo.load=false",
            "frontline.gazetteer.max-bytes=200000",
            "spring.datasource.url=jdbc:sqlite:target/test-db/gazsources-${random.uuid}.db"
        })
class GazetteerSourcesUploadTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void gazetteerDir(DynamicPropertyRegistry registry) {
        registry.add("frontline.gazetteer.dir", () -> dir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A GeoNames geoname row (19 columns) as in SY.txt. */
    static String row(
            long id, String name, String alternates, double lat, double lon, String fc, String code, String a1) {
        return id + "\t" + name + "\t" + name + "\t" + alternates + "\t" + lat + "\t" + lon + "\t" + fc + "\t" + code
                + "\tSY\t\t" + a1 + "\t\t\t\t0\t\t300\tAsia/Damascus\t2023-01-01\n";
    }

    @BeforeEach
    void admin() {
        if (!users.userExists("gadm"))
            users.createUser(User.withUsername("gadm")
                    .password("{noop}secret")
                    .roles("ADMIN")
                    .build());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("gadm:secret".getBytes()));
    }

    HttpResponse<String> upload(String format, String name, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(
                request("/api/admin/gazetteer/uploads?format=" + format + "&name=" + name)
                        .header("Content-Type", "application/octet-stream")
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String format, String name, String text) throws Exception {
        return upload(format, name, HttpRequest.BodyPublishers.ofString(text));
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }

    JsonNode places(String q) throws Exception {
        return get("/api/places?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    int placesIndexed() throws Exception {
        return get("/api/gazetteer/status").get("places").asInt();
    }

    /** Valid dump lines, endlessly: a body only the cap can stop. */
    static InputStream lines(long bytes) {
        byte[] line =
                row(9990100, "Tall Filler", "", 35.0, 36.0, "P", "PPL", "12").getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            long sent;

            @Override
            public int read() {
                return sent >= bytes ? -1 : line[(int) (sent++ % line.length)];
            }
        };
    }

    @Test
    void aBodyOverTheCapIs413WhileStreamingAndTheGazetteerStaysAsItWas() throws Exception {
        int before = placesIndexed();
        // chunked: no length declared, so only counting the bytes as they arrive can stop it
        HttpResponse<String> chunked =
                upload("geonames", "SY.txt", HttpRequest.BodyPublishers.ofInputStream(() -> lines(600_000)));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(chunked.body()).contains("frontline.gazetteer.max-bytes");
        // declared: refused before a byte is read
        HttpResponse<String> declared = upload(
                "geonames",
                "SY.txt",
                HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> lines(300_000)), 300_000));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(placesIndexed()).isEqualTo(before);
        assertThat(places("Tall Filler").toString()).doesNotContain("9990100");
        assertThat(dir.resolve("SY.txt")).doesNotExist();
        JsonNode failed = get("/api/admin/gazetteer/uploads").get(0);
        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("status").asInt()).isEqualTo(413);
    }

    @Test
    void anUploadShowsItsProgressWhileItRunsAndABadFileChangesNothing() throws Exception {
        String dump = row(9990201, "Tall Qarqur", "Tell Qarqour,تل قرقور", 35.71, 36.35, "P", "PPL", "12");
        String padding = ("# " + "x".repeat(1_000) + "\n").repeat(100);
        byte[] first = padding.getBytes(StandardCharsets.UTF_8);
        byte[] rest = dump.getBytes(StandardCharsets.UTF_8);
        CountDownLatch release = new CountDownLatch(1);
        // a slow client: half the file, then a pause until the test has seen the progress
        InputStream slow = new InputStream() {
            int i;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i == first.length) {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] src = i < first.length ? first : rest;
                int at = i < first.length ? i : i - first.length;
                int n = Math.min(len, src.length - at);
                if (n <= 0) return -1;
                System.arraycopy(src, at, b, off, n);
                i += n;
                return n;
            }
        };
        CompletableFuture<HttpResponse<String>> running = http.sendAsync(
                request("/api/admin/gazetteer/uploads?format=geonames&name=SY-north.txt")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> slow), first.length + rest.length))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode seen = null;
        JsonNode last = null;
        for (int k = 0; k < 400 && seen == null; k++) {
            last = get("/api/admin/gazetteer/uploads");
            for (JsonNode j : last) {
                if (j.get("fileName").asString().equals("SY-north.txt")
                        && j.get("state").asString().equals("receiving")
                        && j.get("bytesReceived").asLong() > 0) {
                    seen = j;
                }
            }
            if (seen == null) Thread.sleep(50);
        }
        release.countDown();
        assertThat(seen).as("an upload in progress: " + last + " " + running).isNotNull();
        assertThat(seen.get("bytesDeclared").asLong()).isEqualTo(first.length + rest.length);
        assertThat(seen.get("percent").asInt()).isBetween(1, 50);
        HttpResponse<String> done = running.get(60, TimeUnit.SECONDS);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        String job = done.headers().firstValue("Location").orElseThrow();
        JsonNode finished = get(job);
        assertThat(finished.get("state").asString()).isEqualTo("done");
        assertThat(finished.get("percent").asInt()).isEqualTo(100);
        assertThat(finished.get("rows").asLong()).isEqualTo(1);
        assertThat(places("Tell Qarqour").get(0).get("geonamesId").asLong()).isEqualTo(9990201);

        int before = placesIndexed();
        byte[] kept = Files.readAllBytes(dir.resolve("SY-north.txt"));
        for (String bad : new String[] {"just some words\nno tabs here\n", "9990201\tonly\tthree\n"}) {
            HttpResponse<String> r = upload("geonames", "SY-north.txt", bad);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains("GeoNames geoname layout");
        }
        HttpResponse<String> notUtf8 = upload(
                "geonames", "SY-north.txt", HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xC3, 0x28, 9}));
        assertThat(notUtf8.statusCode()).isEqualTo(400);
        assertThat(upload("geonames", "SY-north.txt", "").statusCode()).isEqualTo(400);
        assertThat(upload("kml", "SY-north.txt", dump).statusCode()).isEqualTo(400);
        assertThat(placesIndexed()).isEqualTo(before);
        assertThat(Files.readAllBytes(dir.resolve("SY-north.txt"))).isEqualTo(kept);
        assertThat(places("Tell Qarqour").get(0).get("geonamesId").asLong()).isEqualTo(9990201);
    }

    @Test
    void adminCodesAndAlternateNamesInGeonamesLayoutJoinTheirEntries() throws Exception {
        String dump = row(9990301, "Muḩāfaz̧at Ḩaşakah Test", "", 36.5, 40.9, "A", "ADM1", "91")
                + row(9990302, "Mintaqat Test Ariha", "", 35.8, 36.6, "A", "ADM2", "91")
                + row(9990303, "Tall Zuhur", "", 35.71, 36.42, "P", "PPL", "91");
        assertThat(upload("geonames", "SY-admin.txt", dump).statusCode()).isEqualTo(201);
        assertThat(places("Tall Zuhur").get(0).get("admin1Name").isNull()).isTrue();

        HttpResponse<String> a1 = upload("admin", "x", "");
        assertThat(a1.statusCode()).isEqualTo(400);
        HttpResponse<String> admin1 =
                upload("admin1", "admin1CodesASCII.txt", "SY.91\tTestgouvernorat\tTestgouvernorat\t9990301\n");
        assertThat(admin1.statusCode()).as(admin1.body()).isEqualTo(201);
        HttpResponse<String> admin2 =
                upload("admin2", "admin2Codes.txt", "SY.91.SY9101\tAriha Testdistrict\tAriha Testdistrict\t9990302\n");
        assertThat(admin2.statusCode()).as(admin2.body()).isEqualTo(201);
        // a file of the other level's codes is refused
        assertThat(upload("admin2", "admin2Codes.txt", "SY.91\tTestgouvernorat\tTestgouvernorat\t9990301\n")
                        .statusCode())
                .isEqualTo(400);
        assertThat(places("Tall Zuhur").get(0).get("admin1Name").asString()).isEqualTo("Testgouvernorat");
        assertThat(places("Testgouvernorat").get(0).get("geonamesId").asLong()).isEqualTo(9990301);
        assertThat(places("Ariha Testdistrict").get(0).get("geonamesId").asLong())
                .isEqualTo(9990302);

        // alternateNamesV2: alternateNameId, geonameid, isolanguage, name, preferred, short, colloquial, historic,
        // from, to
        String alternates = String.join(
                "",
                "17000001\t9990303\ten\tZuhour Hill\t1\t\t\t\t\t\n",
                "17000002\t9990303\tar\tتل الزهور\t\t\t\t\t\t\n",
                "17000003\t9990303\t\tTell ez-Zouhour\t\t\t\t\t\t\n",
                "17000004\t9990303\tlink\thttps://en.wikipedia.org/wiki/Tall_Zuhur\t\t\t\t\t\t\n",
                "17000005\t9990303\tpost\t31777\t\t\t\t\t\t\n",
                "17000006\t9990303\tiata\tZHR\t\t\t\t\t\t\n",
                "17000007\t9990303\tfr\tColline des Fleurs\t\t\t\t\t\t\n");
        HttpResponse<String> alt = upload("alternates", "SY-alternates.txt", alternates);
        assertThat(alt.statusCode()).as(alt.body()).isEqualTo(201);
        assertThat(JSON.readTree(alt.body()).get("rows").asLong()).isEqualTo(3);
        for (String name : new String[] {"Zuhour Hill", "تل الزهور", "Tell ez-Zouhour"}) {
            assertThat(places(name).toString()).as(name).contains("\"geonamesId\":9990303");
        }
        for (String name : new String[] {"Colline des Fleurs", "31777", "ZHR", "wikipedia"}) {
            assertThat(places(name).toString()).as(name).doesNotContain("9990303");
        }
        assertThat(upload("alternates", "SY-alternates.txt", "9990303\tZuhour Hill\n")
                        .statusCode())
                .isEqualTo(400);
        assertThat(places("Zuhour Hill").toString()).contains("9990303");
    }

    static Node node(long id, double lat, double lon, String... tags) {
        List<Tag> t = new ArrayList<>();
        for (int i = 0; i < tags.length; i += 2) t.add(new Tag(tags[i], tags[i + 1]));
        return new Node(new CommonEntityData(id, 1, new Date(0), OsmUser.NONE, 1, t), lat, lon);
    }

    /** A small extract written with osmosis' own PBF writer (dense nodes, as planet extracts are). */
    static byte[] extract() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OsmosisSerializer writer = new OsmosisSerializer(new BlockOutputStream(out));
        writer.setUseDense(true);
        writer.initialize(Map.of());
        for (Node n : List.of(
                node(
                        1001,
                        35.885,
                        36.672,
                        "place",
                        "village",
                        "name",
                        "قميناس",
                        "name:en",
                        "Qmenas",
                        "name:ar",
                        "قميناس",
                        "alt_name",
                        "Kmenas;Qamenas",
                        "old_name",
                        "Qminas"),
                node(
                        1002,
                        35.905,
                        36.727,
                        "place",
                        "town",
                        "name",
                        "سرمين",
                        "name:en",
                        "Sarmin",
                        "alt_name",
                        "Sarmeen",
                        "population",
                        "14530"),
                node(1003, 35.80, 36.60, "place", "farm", "name", "Farm of Zzyzx"),
                node(1004, 35.81, 36.61, "place", "hamlet"),
                node(1005, 35.82, 36.62, "amenity", "school", "name", "Zzyzx School"))) {
            writer.process(new NodeContainer(n));
        }
        writer.complete();
        writer.close();
        return out.toByteArray();
    }

    @Test
    void anOpenStreetMapExtractAddsItsPlacesAndMergesThoseTheGazetteerHas() throws Exception {
        byte[] pbf = extract();
        // a truncated extract: refused whole, nothing of it indexed
        int before = placesIndexed();
        HttpResponse<String> cut = upload(
                "osm",
                "syria-latest.osm.pbf",
                HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOf(pbf, pbf.length - 40)));
        assertThat(cut.statusCode()).as(cut.body()).isEqualTo(400);
        assertThat(cut.body()).contains("OpenStreetMap PBF extract is truncated");
        assertThat(upload("osm", "x.osm.pbf", "no protobuf here").statusCode()).isEqualTo(400);
        assertThat(placesIndexed()).isEqualTo(before);
        assertThat(places("Qmenas").toString()).doesNotContain("Qmenas");

        HttpResponse<String> ok = upload("osm", "syria-latest.osm.pbf", HttpRequest.BodyPublishers.ofByteArray(pbf));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(JSON.readTree(ok.body()).get("rows").asLong()).isEqualTo(2);
        assertThat(dir.resolve("osm/syria-latest.osm.pbf")).exists();
        // a village GeoNames lacks: a new entry under every OSM name, placed in its governorate's country
        for (String name : List.of("Qmenas", "قميناس", "Kmenas", "Qamenas", "Qminas")) {
            JsonNode p = places(name).get(0);
            assertThat(p.get("name").asString()).as(name).isEqualTo("Qmenas");
            assertThat(p.get("country").asString()).isEqualTo("SY");
            assertThat(p.get("sources").toString()).isEqualTo("[\"osm:node/1001\"]");
        }
        // a town GeoNames has, 200 m away: one entry with both sources and the OSM spelling
        JsonNode sarmin = places("Sarmeen").get(0);
        assertThat(sarmin.get("geonamesId").asLong()).isEqualTo(164782);
        assertThat(sarmin.get("sources").toString()).contains("geonames:164782").contains("osm:node/1002");
        assertThat(placesIndexed()).isEqualTo(before + 1);
        assertThat(places("Farm of Zzyzx").toString()).doesNotContain("Zzyzx");
        assertThat(places("Zzyzx School").toString()).doesNotContain("Zzyzx");
        // the search finds the village at its OSM point
        assertThat(get("/api/places?q=Qmenas").get(0).get("lat").asDouble())
                .isCloseTo(35.885, org.assertj.core.data.Offset.offset(1e-6));
    }
}
