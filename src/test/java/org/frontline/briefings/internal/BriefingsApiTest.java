package org.frontline.briefings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.StoredFeature;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import tools.jackson.databind.JsonNode;

/**
 * The briefings API over real HTTP on the embedded database with the demo scenario, anonymous reading OFF
 * (so the share link is shown to work for people without an account).
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/briefingsapi-${random.uuid}.db",
            "frontline.demo.load=true",
            "frontline.security.anonymous-read=false"
        })
class BriefingsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    LayerService layers;

    Api analyst;
    Api viewer;
    Api anonymous;

    @BeforeEach
    void users() {
        if (!users.userExists("ana")) {
            users.createUser(User.withUsername("ana")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
            users.createUser(User.withUsername("vic")
                    .password("{noop}secret")
                    .roles("VIEWER")
                    .build());
        }
        analyst = new Api(port, "ana", "secret");
        viewer = new Api(port, "vic", "secret");
        anonymous = new Api(port, null, null);
    }

    private String newBriefing(String title) {
        Response r = analyst.postJson("/api/briefings", "{\"title\":\"" + title + "\",\"summary\":\"test\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("status").asString()).isEqualTo("draft");
        assertThat(r.json().path("author").asString()).isEqualTo("ana");
        return r.json().path("slug").asString();
    }

    private static String frame(String day, String layers, String narrative) {
        return "{\"title\":\"t\",\"day\":\"" + day + "\",\"center\":[35.5,36.6],\"zoom\":9,\"layers\":[" + layers
                + "],\"narrative\":" + narrative + "}";
    }

    private long addFrame(String slug, String day) {
        Response r = analyst.postJson("/api/briefings/" + slug + "/frames", frame(day, "\"posts\"", "\"text\""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private List<Long> frameIds(String slug) {
        List<Long> ids = new ArrayList<>();
        viewer.get("/api/briefings/" + slug)
                .json()
                .path("frames")
                .forEach(f -> ids.add(f.path("id").asLong()));
        return ids;
    }

    @Test
    void demoBriefingIsPublishedWithSixFramesAndPlaysItsPinnedData() {
        JsonNode b = viewer.get("/api/briefings/" + DemoBriefing.SLUG).json();
        assertThat(b.path("title").asString()).isEqualTo("Idlib, September 2018 – March 2020");
        assertThat(b.path("status").asString()).isEqualTo("published");
        assertThat(b.path("frames").size()).isGreaterThanOrEqualTo(6);
        assertThat(b.path("editions").size()).isEqualTo(1);
        assertThat(b.path("frames").get(0).path("narrativeHtml").asString())
                .contains("<strong>17 September 2018</strong>");

        JsonNode meta =
                viewer.get("/api/briefings/" + DemoBriefing.SLUG + "/data").json();
        assertThat(meta.path("recordTime").asString())
                .isEqualTo(b.path("recordTime").asString());
        assertThat(meta.path("basemap").path("land").path("features").size()).isPositive();
        // frame 4: Morek (post-09) surrounded on 23 August 2019
        JsonNode frame4 = viewer.get("/api/briefings/" + DemoBriefing.SLUG + "/data/frames/4")
                .json();
        JsonNode morek = find(frame4.path("layers").path("posts"), "post-09");
        assertThat(morek.path("properties").path("status").asString()).isEqualTo("surrounded");
        assertThat(frame4.path("layers").path("events").path("features").size()).isPositive();
        assertThat(viewer.get("/api/briefings/" + DemoBriefing.SLUG + "/data/frames/99")
                        .status())
                .isEqualTo(404);
        // frame 3 overlays the ground gained since frame 2: the government's spring 2019 advance
        JsonNode overlay = viewer.get("/api/briefings/" + DemoBriefing.SLUG + "/data/frames/3")
                .json()
                .path("overlay");
        assertThat(overlay.path("features")).anySatisfy(f -> {
            assertThat(f.at("/properties/change").asString()).isEqualTo("gained");
            assertThat(f.at("/properties/party").asString()).isEqualTo("government");
            assertThat(f.at("/properties/areaKm2").asDouble()).isPositive();
        });

        Response page = viewer.get("/briefings/" + DemoBriefing.SLUG);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Khan Shaykhun")
                .contains("data-data-url=\"/api/briefings/" + DemoBriefing.SLUG + "/data\"");
    }

    private static JsonNode find(JsonNode fc, String id) {
        for (JsonNode f : fc.path("features")) {
            if (f.path("id").asString().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no feature " + id + " in " + fc);
    }

    @Test
    void frameDateOutsideTheDataIsRefusedAndNothingIsStored() {
        String slug = newBriefing("Out of range");
        addFrame(slug, "2019-08-23");
        Response r = analyst.postJson("/api/briefings/" + slug + "/frames", frame("2012-01-01", "\"posts\"", "\"x\""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("2012-01-01").contains("outside the data");
        Response edit = analyst.put(
                "/api/briefings/" + slug + "/frames/" + frameIds(slug).get(0), "{\"day\":\"2031-05-01\"}");
        assertThat(edit.status()).isEqualTo(400);
        JsonNode b = viewer.get("/api/briefings/" + slug).json();
        assertThat(b.path("frames").size()).isEqualTo(1);
        assertThat(b.path("frames").get(0).path("day").asString()).isEqualTo("2019-08-23");
        Response unknownLayer =
                analyst.postJson("/api/briefings/" + slug + "/frames", frame("2019-08-23", "\"nope\"", "\"x\""));
        assertThat(unknownLayer.status()).isEqualTo(400);
        assertThat(unknownLayer.json().path("detail").asString()).contains("nope");
    }

    @Test
    void publishingAnEmptyBriefingIsRefused() {
        String slug = newBriefing("Empty");
        Response r = analyst.postJson("/api/briefings/" + slug + "/publish", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("no frames");
        JsonNode b = viewer.get("/api/briefings/" + slug).json();
        assertThat(b.path("status").asString()).isEqualTo("draft");
        assertThat(b.path("editions").size()).isZero();
    }

    @Test
    void reorderNeedsEveryFrameOnceAndKnownIds() {
        String slug = newBriefing("Reorder");
        long a = addFrame(slug, "2019-05-01");
        long b = addFrame(slug, "2019-08-23");
        long c = addFrame(slug, "2020-02-06");
        String path = "/api/briefings/" + slug + "/frames/order";
        Response unknown = analyst.put(path, "{\"frameIds\":[" + c + "," + b + "," + a + ",999999]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asString()).contains("999999");
        Response missing = analyst.put(path, "{\"frameIds\":[" + c + "," + b + "]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("detail").asString()).contains(String.valueOf(a));
        Response twice = analyst.put(path, "{\"frameIds\":[" + c + "," + c + "," + a + "]}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(frameIds(slug)).containsExactly(a, b, c);

        Response ok = analyst.put(path, "{\"frameIds\":[" + c + "," + a + "," + b + "]}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(frameIds(slug)).containsExactly(c, a, b);
        assertThat(analyst.delete("/api/briefings/" + slug + "/frames/" + a).status())
                .isEqualTo(204);
        assertThat(frameIds(slug)).containsExactly(c, b);
    }

    @Test
    void oversizedNarrativeIsRefused() {
        String slug = newBriefing("Long text");
        String big = "\"" + "a".repeat(FrameRules.MAX_NARRATIVE + 1) + "\"";
        Response r = analyst.postJson("/api/briefings/" + slug + "/frames", frame("2019-08-23", "\"posts\"", big));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("narrative").contains("20000");
        assertThat(viewer.get("/api/briefings/" + slug).json().path("frames").size())
                .isZero();
    }

    @Test
    void onlyAnalystsChangeBriefings() {
        assertThat(viewer.postJson("/api/briefings", "{\"title\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(anonymous.postJson("/api/briefings", "{\"title\":\"x\"}").status())
                .isIn(401, 403); // CSRF answers first
        assertThat(anonymous.get("/api/briefings").status()).isEqualTo(401);
        assertThat(viewer.get("/api/briefings/" + DemoBriefing.SLUG + "/shares").status())
                .isEqualTo(403);
    }

    @Test
    void scriptInNarrativeIsRenderedAsText() {
        String slug = newBriefing("Script");
        Response r = analyst.postJson(
                "/api/briefings/" + slug + "/frames",
                frame("2019-08-23", "\"posts\"", "\"Hello <script>alert('x')</script> [x](javascript:alert(1))\""));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("narrativeHtml").asString())
                .contains("&lt;script&gt;")
                .doesNotContain("<script")
                .doesNotContain("javascript:");
        String page = viewer.get("/briefings/" + slug).body();
        assertThat(page).contains("&lt;script&gt;alert").doesNotContain("<script>alert");
    }

    @Test
    void shareLinkWorksWithoutAnAccountUntilRevoked() {
        String slug = newBriefing("Shared");
        addFrame(slug, "2019-08-23");
        assertThat(analyst.postJson("/api/briefings/" + slug + "/shares", "").status())
                .isEqualTo(409); // draft
        assertThat(analyst.postJson("/api/briefings/" + slug + "/publish", "{}").status())
                .isEqualTo(200);
        Response share = analyst.postJson("/api/briefings/" + slug + "/shares", "");
        assertThat(share.status()).isEqualTo(201);
        String token = share.json().path("token").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(22); // 128 random bits, base64url
        assertThat(anonymous.get("/briefings/" + slug).status()).isNotEqualTo(200);
        assertThat(anonymous.get("/s/" + token).status()).isEqualTo(200);
        assertThat(anonymous.get("/s/" + token).body()).contains("/s/" + token + "/data");
        assertThat(anonymous.get("/s/" + token + "/data").json().path("frames").size())
                .isEqualTo(1);
        assertThat(anonymous
                        .get("/s/" + token + "/data/frames/1")
                        .json()
                        .path("layers")
                        .path("posts")
                        .path("features")
                        .size())
                .isPositive();

        assertThat(analyst.delete("/api/briefings/" + slug + "/shares/" + token).status())
                .isEqualTo(204);
        Response gone = anonymous.get("/s/" + token + "/data");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().path("detail").asString()).contains("revoked");
        assertThat(anonymous.get("/s/" + token).status()).isEqualTo(410);
        assertThat(anonymous.get("/s/AAAAAAAAAAAAAAAAAAAAAA/data").status()).isEqualTo(404);
        assertThat(analyst.delete("/api/briefings/" + slug + "/shares/" + token).status())
                .isEqualTo(404);
    }

    @Test
    void publishedBriefingKeepsItsDataWhenAFeatureIsCorrectedLater() {
        String slug = newBriefing("Pinned");
        addFrame(slug, "2019-08-23");
        Response pub = analyst.postJson("/api/briefings/" + slug + "/publish", "{\"note\":\"first\"}");
        assertThat(pub.status()).isEqualTo(200);
        JsonNode before = find(
                viewer.get("/api/briefings/" + slug + "/data/frames/1")
                        .json()
                        .path("layers")
                        .path("posts"),
                "post-09");

        Instant day = LocalDate.parse("2019-08-23").atStartOfDay(ZoneOffset.UTC).toInstant();
        StoredFeature morek = layers.list(FeatureQuery.at("posts", day)).stream()
                .filter(f -> f.featureId().equals("post-09"))
                .findFirst()
                .orElseThrow();
        var moved = morek.geometry().getFactory().createPoint(new Coordinate(36.9, 35.1));
        layers.correct(
                "post-09",
                new NewFeature(
                        "post-09",
                        moved,
                        Map.of("name", "Morek (corrected)", "status", "open"),
                        morek.validFrom(),
                        morek.validTo(),
                        morek.provenance()),
                "ana",
                "test correction");

        JsonNode live =
                find(viewer.get("/api/layers/posts/features?at=2019-08-23").json(), "post-09");
        assertThat(live.path("properties").path("status").asString()).isEqualTo("open");
        assertThat(live.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(36.9);

        JsonNode after = find(
                viewer.get("/api/briefings/" + slug + "/data/frames/1")
                        .json()
                        .path("layers")
                        .path("posts"),
                "post-09");
        assertThat(after.path("properties").path("status").asString()).isEqualTo("surrounded");
        assertThat(after.path("geometry")).isEqualTo(before.path("geometry"));

        // a new edition pins the corrected data; the first edition's record time is kept
        JsonNode second = analyst.postJson("/api/briefings/" + slug + "/publish", "{\"note\":\"corrected\"}")
                .json();
        assertThat(second.path("edition").asInt()).isEqualTo(2);
        assertThat(second.path("editions").size()).isEqualTo(2);
        assertThat(second.path("editions").get(0).path("recordTime").asString())
                .isEqualTo(pub.json().path("recordTime").asString());
        JsonNode newer = find(
                viewer.get("/api/briefings/" + slug + "/data/frames/1")
                        .json()
                        .path("layers")
                        .path("posts"),
                "post-09");
        assertThat(newer.path("properties").path("status").asString()).isEqualTo("open");
        JsonNode first = find(
                viewer.get("/api/briefings/" + slug + "/editions/1/data/frames/1")
                        .json()
                        .path("layers")
                        .path("posts"),
                "post-09");
        assertThat(first.path("properties").path("status").asString()).isEqualTo("surrounded");
        assertThat(viewer.get("/api/briefings/" + slug + "/editions/3/data").status())
                .isEqualTo(404);
        assertThat(viewer.get("/briefings/" + slug + "/editions/1").body())
                .contains("/api/briefings/" + slug + "/editions/1/data");
    }

    @Test
    void publishedEditionKeepsItsFramesWhenTheyAreEditedLater() {
        String slug = newBriefing("Fixed edition");
        Response added = analyst.postJson(
                "/api/briefings/" + slug + "/frames",
                frame("2019-08-23", "\"control\"", "\"Old wording of the frame\""));
        long frameId = added.json().path("id").asLong();
        assertThat(analyst.postJson("/api/briefings/" + slug + "/publish", "{}").status())
                .isEqualTo(200);
        Response share = analyst.postJson("/api/briefings/" + slug + "/shares", "");
        String token = share.json().path("token").asString();

        Response edit = analyst.put(
                "/api/briefings/" + slug + "/frames/" + frameId,
                "{\"day\":\"2019-05-12\",\"narrative\":\"New wording of the frame\"}");
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        assertThat(analyst.put("/api/briefings/" + slug, "{\"title\":\"Renamed later\"}")
                        .status())
                .isEqualTo(200);

        // the editor (and its preview) show the edit at once
        JsonNode editor = viewer.get("/api/briefings/" + slug).json();
        assertThat(editor.path("frames").get(0).path("narrative").asString()).isEqualTo("New wording of the frame");
        assertThat(editor.path("frames").get(0).path("day").asString()).isEqualTo("2019-05-12");
        assertThat(viewer.get("/briefings/" + slug + "/edit").body()).contains("Renamed later");
        Response preview = viewer.get("/briefings/" + slug + "/preview");
        assertThat(preview.body())
                .contains("New wording")
                .doesNotContain("Old wording")
                .contains("/api/briefings/" + slug + "/preview/data");
        assertThat(viewer.get("/api/briefings/" + slug + "/preview/data")
                        .json()
                        .path("frames")
                        .get(0)
                        .path("day")
                        .asString())
                .isEqualTo("2019-05-12");

        // readers of edition 1 still see what was published: text, title, date and the map of that date
        assertShows(
                viewer,
                "/briefings/" + slug,
                "/api/briefings/" + slug + "/data",
                "Old wording",
                "New wording",
                "2019-08-23");
        assertThat(viewer.get("/briefings/" + slug).body())
                .contains("Fixed edition")
                .doesNotContain("Renamed later");
        assertShows(anonymous, "/s/" + token, "/s/" + token + "/data", "Old wording", "New wording", "2019-08-23");
        assertShows(
                viewer,
                "/briefings/" + slug + "/editions/1",
                "/api/briefings/" + slug + "/editions/1/data",
                "Old wording",
                "New wording",
                "2019-08-23");
        assertThat(viewer.get("/briefings/" + slug + "/export.html").body())
                .contains("Old wording")
                .doesNotContain("New wording");
        JsonNode controlThen =
                find(viewer.get("/api/layers/control/features?at=2019-08-23").json(), "control-government");
        JsonNode controlEdited =
                find(viewer.get("/api/layers/control/features?at=2019-05-12").json(), "control-government");
        assertThat(controlThen.path("geometry"))
                .isNotEqualTo(controlEdited.path("geometry")); // the dates differ on the map
        JsonNode pinned = viewer.get("/api/briefings/" + slug + "/data/frames/1")
                .json()
                .path("layers")
                .path("control");
        assertThat(find(pinned, "control-government").path("geometry")).isEqualTo(controlThen.path("geometry"));
        JsonNode previewed = viewer.get("/api/briefings/" + slug + "/preview/data/frames/1")
                .json()
                .path("layers")
                .path("control");
        assertThat(find(previewed, "control-government").path("geometry")).isEqualTo(controlEdited.path("geometry"));

        // publishing again makes the edit edition 2; edition 1 keeps the old frame
        JsonNode second =
                analyst.postJson("/api/briefings/" + slug + "/publish", "{}").json();
        assertThat(second.path("edition").asInt()).isEqualTo(2);
        assertShows(
                viewer,
                "/briefings/" + slug,
                "/api/briefings/" + slug + "/data",
                "New wording",
                "Old wording",
                "2019-05-12");
        assertThat(viewer.get("/briefings/" + slug).body()).contains("Renamed later");
        assertShows(anonymous, "/s/" + token, "/s/" + token + "/data", "New wording", "Old wording", "2019-05-12");
        assertShows(
                viewer,
                "/briefings/" + slug + "/editions/2",
                "/api/briefings/" + slug + "/editions/2/data",
                "New wording",
                "Old wording",
                "2019-05-12");
        assertShows(
                viewer,
                "/briefings/" + slug + "/editions/1",
                "/api/briefings/" + slug + "/editions/1/data",
                "Old wording",
                "New wording",
                "2019-08-23");
        JsonNode first = viewer.get("/api/briefings/" + slug + "/editions/1/data/frames/1")
                .json()
                .path("layers")
                .path("control");
        assertThat(find(first, "control-government").path("geometry")).isEqualTo(controlThen.path("geometry"));
    }

    /** The playback page shows {@code text} (not {@code notText}) and its data endpoint plays frame 1 on {@code day}. */
    private static void assertShows(Api as, String page, String data, String text, String notText, String day) {
        Response html = as.get(page);
        assertThat(html.status()).as(page).isEqualTo(200);
        assertThat(html.body())
                .as(page)
                .contains(text)
                .doesNotContain(notText)
                .contains("Frame 1 of 1 · "
                        + LocalDate.parse(day).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)));
        JsonNode frames = as.get(data).json().path("frames");
        assertThat(frames.size()).as(data).isEqualTo(1);
        assertThat(frames.get(0).path("day").asString()).as(data).isEqualTo(day);
    }

    @Test
    void pdfHasOnePagePerFrameAndHtmlExportInlinesEverything() throws Exception {
        int frames = viewer.get("/api/briefings/" + DemoBriefing.SLUG)
                .json()
                .path("frames")
                .size();
        var pdf = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://localhost:" + port + "/briefings/" + DemoBriefing.SLUG + "/export.pdf"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder().encodeToString("vic:secret".getBytes()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        java.nio.file.Files.write(
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "exports"))
                        .resolve("idlib.pdf"),
                pdf.body()); // to look at
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(frames);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Khan Shaykhun")
                    .contains("23 August 2019")
                    .contains("Sources:");
        }
        Response html = viewer.get("/briefings/" + DemoBriefing.SLUG + "/export.html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body())
                .contains("id=\"briefing-data\"")
                .contains("L.map")
                .doesNotContain("<script src=")
                .doesNotContain("<link rel=\"stylesheet\"");
        assertThat(frames).isGreaterThanOrEqualTo(6);
    }
}
