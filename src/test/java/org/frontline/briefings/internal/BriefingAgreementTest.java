package org.frontline.briefings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * A frame that names an agreement shows its state: the demo briefing's Khan Shaykhun frame (23 August 2019, window
 * from 5 August) names the Sochi memorandum. The player page, the offline HTML and the PDF (read back with
 * poppler's pdftotext) show its name and the breach count the agreements API gives for that window as the
 * edition knew it, and the weekly breach chart (SVG in the HTML). An unknown agreement is refused.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/briefingagreement-${random.uuid}.db",
            "frontline.demo.load=true"
        })
class BriefingAgreementTest {
    static final String SOCHI = "Memorandum on Stabilization of the Situation in the Idlib De-Escalation Area (Sochi)";

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    BriefingService briefings;

    Api analyst;

    @BeforeEach
    void users() {
        if (!users.userExists("ana")) {
            users.createUser(User.withUsername("ana")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
        }
        analyst = new Api(port, "ana", "secret");
    }

    /** The window's breaches as the agreements API counts them at the edition's record time. */
    long expectedBreaches() {
        String asOf = briefings.playback(DemoBriefing.SLUG).recordTime().toString();
        Response counts = analyst.get(
                "/api/agreements/sochi-2018/breaches/counts?from=2019-08-05&to=2019-08-23&by=day" + "&asOf=" + asOf);
        assertThat(counts.status()).as(counts.body()).isEqualTo(200);
        return counts.json().path("total").asLong();
    }

    @Test
    void thePlayerAndTheOfflineHtmlShowTheClausesTheCountAndTheChart() {
        long n = expectedBreaches();
        assertThat(n).isPositive();
        for (String page :
                new String[] {"/briefings/" + DemoBriefing.SLUG, "/briefings/" + DemoBriefing.SLUG + "/export.html"}) {
            Response r = analyst.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            String html = r.body();
            assertThat(html).as(page).contains("data-agreement=\"sochi-2018\" data-breaches=\"" + n + "\"");
            assertThat(html).as(page).contains(n + " breaches of " + SOCHI + " in 5 August 2019 – 23 August 2019");
            // the clauses in force on 23 August 2019 (the DMZ and the ceasefire), and the chart as inline SVG
            assertThat(html).as(page).contains("demilitarised-zone").contains("<svg class=\"breach-chart\"");
            assertThat(html).as(page).contains("<title>Breaches of " + SOCHI + " per week, by actor</title>");
        }
        String offline =
                analyst.get("/briefings/" + DemoBriefing.SLUG + "/export.html").body();
        // nothing in the file may reach out (the browser test opens it with the network blocked)
        assertThat(offline).doesNotContain("src=\"http").doesNotContain("href=\"http://");
    }

    @Test
    void thePdfNamesTheAgreementAndItsBreachCount() throws Exception {
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (!Files.isExecutable(pdftotext)) {
            String msg = "PDF TEXT TEST NOT RUN: need pdftotext (Debian package poppler-utils)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(msg + " — CI=true, so this is a failure");
            }
            Assumptions.assumeTrue(false, msg);
        }
        long n = expectedBreaches();
        var pdf = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://localhost:" + port + "/briefings/" + DemoBriefing.SLUG + "/export.pdf"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder().encodeToString("ana:secret".getBytes()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        Path file = Files.createDirectories(Path.of("target", "exports")).resolve("idlib-agreement.pdf");
        Files.write(file, pdf.body());
        // page 4 is the Khan Shaykhun frame
        Process p = new ProcessBuilder(pdftotext.toString(), "-f", "4", "-l", "4", file.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes()).replaceAll("\\s+", " ");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(text).contains("Khan Shaykhun").contains(SOCHI);
        assertThat(text).contains(n + " breaches of Memorandum");
        assertThat(text).contains("Breaches per week");
    }

    @Test
    void aFrameNamingAnUnknownAgreementIsRefusedAndNothingIsStored() {
        Response b = analyst.postJson("/api/briefings", "{\"title\":\"Agreement check\",\"summary\":\"t\"}");
        String slug = b.json().path("slug").asString();
        Response r = analyst.postJson(
                "/api/briefings/" + slug + "/frames",
                "{\"day\":\"2019-08-23\",\"center\":[35.4,36.6],\"zoom\":9,\"layers\":[\"events\"],"
                        + "\"narrative\":\"x\",\"agreement\":\"no-such-accord\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("'no-such-accord' is not an agreement");
        assertThat(analyst.get("/api/briefings/" + slug).json().path("frames").size())
                .isZero();
        Response ok = analyst.postJson(
                "/api/briefings/" + slug + "/frames",
                "{\"day\":\"2019-08-23\",\"center\":[35.4,36.6],\"zoom\":9,\"layers\":[\"events\"],"
                        + "\"narrative\":\"x\",\"agreement\":\"sochi-2018\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(analyst.get("/api/briefings/" + slug)
                        .json()
                        .path("frames")
                        .get(0)
                        .path("agreement")
                        .asString())
                .isEqualTo("sochi-2018");
    }
}
