package org.frontline.briefings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.StoredFeature;
import org.frontline.web.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/** The briefing player in headless Chromium: playback, deep links, escaping, and the offline HTML export. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/briefingbrowser-${random.uuid}.db",
            "frontline.demo.load=true"
        })
class BriefingBrowserTest extends BrowserSupport {
    private static final String DEMO = "/briefings/" + DemoBriefing.SLUG;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    LayerService layers;

    @Autowired
    BriefingService briefings;

    private void waitForFrame(int n) {
        waitUpTo(15)
                .until(d -> String.valueOf(n).equals(js("return document.getElementById('briefing').dataset.frame")));
    }

    private String day() {
        return (String) js("return document.getElementById('briefing').dataset.day");
    }

    private String visibleNarrative() {
        return browser.findElement(By.cssSelector(".frame-text:not([hidden])")).getText();
    }

    @Test
    void playingTheDemoAdvancesFramesAndMovesTheDate() throws Exception {
        browser.get(url(DEMO));
        waitForFrame(1);
        assertThat(day()).isEqualTo("2018-09-17");
        assertThat(visibleNarrative()).contains("Sochi");
        long drawn = (Long) js("return window.__briefing.drawn()");
        assertThat(drawn).isPositive();

        browser.findElement(By.id("next")).click();
        waitForFrame(2);
        assertThat(day()).isEqualTo("2018-10-15");
        assertThat(browser.findElement(By.id("frame-date")).getText()).startsWith("15 October 2018");

        browser.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
        waitForFrame(3);
        assertThat(day()).isEqualTo("2019-05-26");
        browser.findElement(By.tagName("body")).sendKeys(Keys.ARROW_LEFT);
        waitForFrame(2);

        browser.findElement(By.id("playpause")).click(); // autoplay at the default pace (8 s a frame)
        waitUpTo(20).until(d -> "3".equals(js("return document.getElementById('briefing').dataset.frame")));
        assertThat(day()).isEqualTo("2019-05-26");
        browser.findElement(By.id("playpause")).click();
        assertThat(browser.getCurrentUrl()).endsWith("#3");
        screenshot("briefing-frame-3.png");
        // the login page (another test) asks for /favicon.ico; what matters is that the player logged no error
        assertThat(consoleErrors()).filteredOn(e -> !e.contains("favicon.ico")).isEmpty();
    }

    @Test
    void deepLinkOpensThatFrame() {
        browser.get(url(DEMO + "#4"));
        waitForFrame(4);
        assertThat(day()).isEqualTo("2019-08-23");
        assertThat(visibleNarrative()).contains("Khan Shaykhun");
        assertThat(String.valueOf(js("return window.__briefing.drawnIds()"))).contains("post-09");
        browser.get(url(DEMO + "#3"));
        browser.navigate().refresh();
        waitForFrame(3);
        assertThat(visibleNarrative()).contains("spring 2019");
    }

    @Test
    void scriptInNarrativeIsShownAsText() throws Exception {
        if (!users.userExists("ana")) {
            users.createUser(User.withUsername("ana")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
        }
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("ana:secret".getBytes());
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(url("/api/briefings")))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Escaping\",\"slug\":\"escaping\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        // a reported event whose title is markup: its label on the map must be text too
        layers.add(
                "events",
                List.of(new NewFeature(
                        "ev-hostile",
                        new org.locationtech.jts.geom.GeometryFactory(
                                        new org.locationtech.jts.geom.PrecisionModel(), 4326)
                                .createPoint(new Coordinate(36.6, 35.5)),
                        Map.of("title", "<img src=x onerror=\"window.__pwned2 = 1\">"),
                        Instant.parse("2019-08-22T00:00:00Z"),
                        Instant.parse("2019-08-23T00:00:00Z"),
                        new org.frontline.layers.Provenance(
                                "Test wire", null, LocalDate.parse("2019-08-22"), "high", "exact", "day"))),
                "ana",
                "hostile title");
        HttpResponse<String> frame = http.send(
                HttpRequest.newBuilder(URI.create(url("/api/briefings/escaping/frames")))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"day\":\"2019-08-23\",\"center\":[35.5,36.6],\"zoom\":9,"
                                        + "\"layers\":[\"posts\",\"events\"],\"highlights\":[\"ev-hostile\"],"
                                        + "\"narrative\":\"Before <script>window.__pwned = 1</script> after\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(frame.statusCode()).isEqualTo(201);
        browser.get(url("/briefings/escaping"));
        waitForFrame(1);
        assertThat(visibleNarrative()).contains("<script>window.__pwned = 1</script>");
        assertThat(js("return window.__pwned === undefined")).isEqualTo(true);
        waitUpTo(10)
                .until(d -> !d.findElements(By.cssSelector(".leaflet-tooltip")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".leaflet-tooltip")).stream()
                        .map(e -> e.getText()))
                .contains("<img src=x onerror=\"window.__pwned2 = 1\">");
        assertThat(js("return window.__pwned2 === undefined && !document.querySelector('.leaflet-tooltip img')"))
                .isEqualTo(true);
    }

    @Test
    void analystAddsAFrameFromTheMapAndEditsItInTheEditor() throws Exception {
        if (!users.userExists("ana")) {
            users.createUser(User.withUsername("ana")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
        }
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("ana");
        browser.findElement(By.name("password")).sendKeys("secret");
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]"))
                .click();
        waitUpTo(10).until(d -> !d.getCurrentUrl().contains("/login"));

        browser.get(url("/briefings"));
        browser.findElement(By.name("title")).sendKeys("Captured from the map");
        browser.findElement(By.cssSelector("#new-briefing button")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/briefings/captured-from-the-map/edit"));

        browser.get(url("/?at=2019-08-23&win=week&layers=control,posts&c=35.4000,36.6000&z=10"));
        waitUpTo(20).until(d -> "true".equals(js("return document.getElementById('app').dataset.ready")));
        waitUpTo(10)
                .until(
                        d -> Boolean.TRUE.equals(
                                js(
                                        "return [...document.querySelectorAll('#capture-briefing option')].some(o => o.value === 'captured-from-the-map')")));
        js("document.getElementById('capture-briefing').value = 'captured-from-the-map'");
        browser.findElement(By.id("capture-add")).click();
        waitUpTo(10)
                .until(d ->
                        d.findElement(By.className("capture-status")).getText().startsWith("Added frame 1"));
        screenshot("briefing-capture-on-map.png");

        browser.get(url("/briefings/captured-from-the-map/edit"));
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#frames tr")).isEmpty());
        // the date is ISO text (YYYY-MM-DD), not the browser's locale date picker
        WebElement date = browser.findElement(By.cssSelector("#frames input[placeholder='YYYY-MM-DD']"));
        assertThat(date.getDomProperty("type")).isEqualTo("text");
        assertThat(date.getDomProperty("value")).isEqualTo("2019-08-23");
        By saveButton = By.xpath("//tbody[@id='frames']//button[text()='Save']");
        // a date in another format is refused with a message saying how to write it, and nothing is sent
        date.clear();
        date.sendKeys("23/08/2019");
        browser.findElement(saveButton).click();
        assertThat(browser.findElement(By.id("editor-status")).getText())
                .contains("'23/08/2019' is not a date written YYYY-MM-DD");
        date.clear();
        date.sendKeys("2019-02-30");
        browser.findElement(saveButton).click();
        assertThat(browser.findElement(By.id("editor-status")).getText())
                .contains("2019-02-30 is not a day of the calendar");
        date.clear();
        date.sendKeys("2019-08-23");
        browser.findElement(By.cssSelector("#frames textarea")).sendKeys("Morek is **surrounded**.");
        browser.findElement(saveButton).click();
        waitUpTo(10).until(d -> d.findElement(By.id("editor-status")).getText().contains("saved"));
        screenshot("briefing-editor.png");

        browser.get(url("/briefings/captured-from-the-map#1"));
        waitForFrame(1);
        assertThat(day()).isEqualTo("2019-08-23");
        assertThat(visibleNarrative()).contains("Morek is surrounded.");
        assertThat(browser.findElement(By.cssSelector(".frame-text:not([hidden]) strong"))
                        .getText())
                .isEqualTo("surrounded");
        assertThat(String.valueOf(js("return window.__briefing.drawnIds()")))
                .contains("post-09")
                .contains("control-government");
        browser.manage().deleteAllCookies();
    }

    @Test
    void framesEditedAfterPublishingShowInThePreviewAndReachReadersWithTheNextEdition() throws Exception {
        if (!users.userExists("ana")) {
            users.createUser(User.withUsername("ana")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
        }
        briefings.create(new BriefingInputs.BriefingInput("Edited after publishing", "", "edited-later"), "ana");
        briefings.addFrame(
                "edited-later",
                new BriefingInputs.FrameInput(
                        "Morek",
                        LocalDate.parse("2019-08-23"),
                        null,
                        List.of(35.4, 36.6),
                        10,
                        null,
                        List.of("posts"),
                        "As first published.",
                        List.of(),
                        null,
                        null));
        briefings.publish("edited-later", "ana", null);
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("ana");
        browser.findElement(By.name("password")).sendKeys("secret");
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]"))
                .click();
        waitUpTo(10).until(d -> !d.getCurrentUrl().contains("/login"));

        browser.get(url("/briefings/edited-later/edit"));
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#frames tr")).isEmpty());
        var text = browser.findElement(By.cssSelector("#frames textarea"));
        text.clear();
        text.sendKeys("Rewritten later.");
        WebElement day = browser.findElement(By.cssSelector("#frames input[placeholder='YYYY-MM-DD']"));
        day.clear();
        day.sendKeys("2019-05-12");
        browser.findElement(By.xpath("//tbody[@id='frames']//button[text()='Save']"))
                .click();
        waitUpTo(10).until(d -> d.findElement(By.id("editor-status")).getText().contains("saved"));

        browser.findElement(By.linkText("preview")).click(); // the editor's preview plays the edit
        waitForFrame(1);
        assertThat(visibleNarrative()).contains("Rewritten later.");
        assertThat(day()).isEqualTo("2019-05-12");

        browser.get(url("/briefings/edited-later#1")); // readers still get edition 1 as published
        waitForFrame(1);
        assertThat(visibleNarrative()).contains("As first published.").doesNotContain("Rewritten");
        assertThat(day()).isEqualTo("2019-08-23");

        browser.get(url("/briefings/edited-later/edit"));
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#frames tr")).isEmpty());
        browser.findElement(By.id("publish")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("editor-status")).getText().contains("Published"));
        browser.get(url("/briefings/edited-later#1"));
        waitForFrame(1);
        assertThat(visibleNarrative()).contains("Rewritten later.");
        assertThat(day()).isEqualTo("2019-05-12");
        browser.get(url("/briefings/edited-later/editions/1#1"));
        waitForFrame(1);
        assertThat(visibleNarrative()).contains("As first published.");
        assertThat(day()).isEqualTo("2019-08-23");
        browser.manage().deleteAllCookies();
    }

    @Test
    void correctingAFeatureAfterPublishingLeavesThePublishedMapUnchanged() throws Exception {
        if (!users.userExists("ana")) {
            users.createUser(User.withUsername("ana")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
        }
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("ana:secret".getBytes());
        for (String[] call : new String[][] {
            {"/api/briefings", "{\"title\":\"Pinned map\",\"slug\":\"pinned-map\"}"},
            {
                "/api/briefings/pinned-map/frames",
                "{\"day\":\"2019-08-23\",\"center\":[35.4,36.7],\"zoom\":10,\"layers\":[\"posts\"]}"
            },
            {"/api/briefings/pinned-map/publish", "{}"}
        }) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(url(call[0])))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(call[1]))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        }
        Instant day = LocalDate.parse("2019-08-23").atStartOfDay(ZoneOffset.UTC).toInstant();
        StoredFeature morek = layers.list(FeatureQuery.at("posts", day)).stream()
                .filter(f -> f.featureId().equals("post-09"))
                .findFirst()
                .orElseThrow();
        layers.correct(
                "post-09",
                new NewFeature(
                        "post-09",
                        morek.geometry().getFactory().createPoint(new Coordinate(36.95, 35.2)),
                        morek.properties(),
                        morek.validFrom(),
                        morek.validTo(),
                        morek.provenance()),
                "ana",
                "moved after publishing");

        browser.get(url("/briefings/pinned-map#1"));
        waitForFrame(1);
        String pinned =
                String.valueOf(js("return JSON.stringify(window.__briefing.geometryOf('post-09').coordinates)"));
        assertThat(pinned)
                .isEqualTo("[" + morek.geometry().getCoordinate().x + ","
                        + morek.geometry().getCoordinate().y + "]");
        // the live map data has the correction
        String live = String.valueOf(
                ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeAsyncScript(
                                "const done = arguments[0]; fetch('/api/layers/posts/features?at=2019-08-23').then(r => r.json())"
                                        + ".then(fc => done(JSON.stringify(fc.features.find(f => f.id === 'post-09').geometry.coordinates)))"));
        assertThat(live).isEqualTo("[36.95,35.2]");
    }

    @Test
    void exportedHtmlPlaysFromDiskWithTheNetworkBlocked() throws Exception {
        HttpResponse<byte[]> export = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(DEMO + "/export.html")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        Path file = Files.createDirectories(Path.of("target", "exports"))
                .resolve("idlib.html")
                .toAbsolutePath();
        Files.write(file, export.body());

        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand(
                "Network.setBlockedURLs", Map.of("urls", List.of("http://*", "https://*", "ws://*", "wss://*")));
        try {
            browser.get(file.toUri().toString() + "#2");
            waitForFrame(2);
            assertThat(day()).isEqualTo("2018-10-15");
            assertThat((Long) js("return window.__briefing.drawn()")).isPositive();
            // frame 2 names the Sochi memorandum: its state and weekly breach chart are in the file itself
            assertThat(browser.findElements(
                            By.cssSelector(".frame-text[data-n='2'] .frame-agreement svg.breach-chart")))
                    .hasSize(1);
            assertThat(browser.findElement(By.cssSelector(".frame-text[data-n='2'] .frame-agreement"))
                            .getText())
                    .contains("Sochi")
                    .contains("breach");
            browser.findElement(By.id("next")).click();
            waitForFrame(3);
            assertThat(visibleNarrative()).contains("spring 2019");
            @SuppressWarnings("unchecked")
            List<String> fetched = (List<String>)
                    js(
                            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => /^(https?|wss?):/.test(n))");
            assertThat(fetched).isEmpty();
            screenshot("briefing-export-offline.png");
        } finally {
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
    }
}
