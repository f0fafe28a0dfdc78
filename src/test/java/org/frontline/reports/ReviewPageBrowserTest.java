package org.frontline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.frontline.web.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/** The review queue in a real browser: hostile report text stays text; accept and reject work with CSRF. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/reviewbrowser-${random.uuid}.db",
            "frontline.demo.load=false",
            "frontline.gazetteer.dir="
        })
class ReviewPageBrowserTest extends BrowserSupport {

    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    LayerService layers;

    @Test
    void analystReviewsCandidatesFromTheQueue() throws Exception {
        if (!users.userExists("rev")) {
            users.createUser(User.withUsername("rev")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
        }
        String text = "Government forces captured Saraqib on Monday " + HOSTILE + ". Air strikes hit Ariha overnight, "
                + "killing 5 civilians.";
        String body = "{\"text\":"
                + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text)
                + ",\"published\":\"2020-02-04\",\"publisher\":\"Test wire\"}";
        HttpResponse<String> stored = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/api/reports")))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic " + Base64.getEncoder().encodeToString("rev:secret".getBytes()))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);

        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("rev");
        browser.findElement(By.name("password")).sendKeys("secret");
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]"))
                .click();
        // Let the login finish (its redirect sets the session) before going on.
        waitUpTo(20).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(url("/reports/review"));
        waitUpTo(20)
                .until(d -> !d.findElements(By.cssSelector("#source-text mark")).isEmpty());

        List<WebElement> items = browser.findElements(By.cssSelector("#candidates li"));
        assertThat(items).hasSizeGreaterThanOrEqualTo(2);
        WebElement mark = browser.findElement(By.cssSelector("#source-text mark"));
        assertThat(mark.getText()).contains("Saraqib").contains(HOSTILE);
        assertThat(browser.findElements(By.cssSelector("#source-text img, #candidates img")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("#review-map .leaflet-marker-draggable")))
                .hasSize(1);

        browser.findElement(By.id("accept")).click();
        waitUpTo(15).until(d -> d.findElement(By.id("action-status")).getText().startsWith("Accepted as event"));
        browser.findElement(By.id("reject")).click();
        try {
            waitUpTo(15)
                    .until(d -> d.findElement(By.id("action-status")).getText().equals("Rejected."));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "status after reject: '"
                            + browser.findElement(By.id("action-status")).getText() + "', console: " + consoleErrors(),
                    e);
        }

        List<StoredFeature> events = layers.list(FeatureQuery.between(
                "events", Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-03-01T00:00:00Z")));
        assertThat(events).anySatisfy(f -> {
            assertThat(f.properties().get("reviewedBy")).isEqualTo("rev");
            assertThat(f.recordedBy()).isEqualTo("rev");
            assertThat(String.valueOf(f.properties().get("notes"))).contains(HOSTILE);
        });
        assertThat(consoleErrors()).noneMatch(e -> e.contains("Content Security Policy") || e.contains("TypeError"));
    }
}
