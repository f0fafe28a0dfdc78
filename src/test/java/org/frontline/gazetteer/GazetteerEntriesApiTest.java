package org.frontline.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gazetteer that learns, as a reviewer's and an admin's scripts see it (embedded database). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"frontline.demo.load=false", "frontline.gazetteer.dir="})
@TestPropertySource(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/learned-${random.uuid}.db")
class GazetteerEntriesApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String REPORT = "Regime forces shelled the village of Kaddura in Jabal al-Zawiya on Monday.";

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    final HttpClient http = HttpClient.newHttpClient();

    record Res(int status, String body, String type) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void people() {
        if (!users.userExists("ana"))
            users.createUser(User.withUsername("ana")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
        if (!users.userExists("vic"))
            users.createUser(User.withUsername("vic")
                    .password("{noop}secret")
                    .roles("VIEWER")
                    .build());
        if (!users.userExists("adm")) {
            users.createUser(User.withUsername("adm")
                    .password("{noop}secret")
                    .roles("ADMIN", "ANALYST")
                    .build());
        }
    }

    Res send(String method, String path, Object body, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) b.header("Content-Type", "application/json");
        if (user != null)
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes()));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(
                r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    static Map<String, Object> entry(String name, Object lat, Object lon) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("lat", lat);
        m.put("lon", lon);
        return m;
    }

    JsonNode parse(String text) throws Exception {
        return send("POST", "/api/reports/parse", Map.of("text", text, "published", "2021-01-20"), "ana")
                .json();
    }

    @Test
    void aPlacedNameResolvesInTheNextReportUnderAnySpellingOfItsFamily() throws Exception {
        JsonNode before = parse(REPORT);
        assertThat(before.get("unresolved").toString()).contains("Kaddura").contains("Jabal al-Zawiya");

        Map<String, Object> e = entry("Kaddura", 35.62, 36.55);
        e.put("reportId", 7);
        Res made = send("POST", "/api/gazetteer/entries", e, "ana");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("createdBy").asString()).isEqualTo("ana");
        assertThat(made.json().get("reportId").asLong()).isEqualTo(7);
        assertThat(made.json().get("country").asString()).isEqualTo("SY");

        for (String spelling : List.of("Kaddura", "Kaddoura", "Qaddura")) {
            JsonNode after = parse(REPORT.replace("Kaddura", spelling));
            assertThat(after.get("places").toString())
                    .as(spelling)
                    .contains("\"mention\":\"" + spelling + "\"")
                    .contains("\"name\":\"Kaddura\"");
            assertThat(after.get("unresolved").toString()).doesNotContain(spelling);
        }
        long id = made.json().get("id").asLong();
        send("DELETE", "/api/gazetteer/entries/" + id, null, "adm");
    }

    @Test
    void badEntriesGetAClearErrorAndNothingIsStored() throws Exception {
        int before = send("GET", "/api/gazetteer/entries", null, "ana").json().size();
        for (Map<String, Object> bad : List.of(
                entry("", 35.0, 36.0),
                entry("  ", 35.0, 36.0),
                entry("Kaddura", 95.0, 36.0),
                entry("Kaddura", 35.0, -200.0),
                entry("Kaddura", null, 36.0),
                entry("Kad\u0007dura", 35.0, 36.0),
                entry("x".repeat(201), 35.0, 36.0))) {
            Res r = send("POST", "/api/gazetteer/entries", bad, "ana");
            assertThat(r.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(r.type()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).startsWith("gazetteer entry:");
        }
        assertThat(send("POST", "/api/gazetteer/entries", entry("Kaddura", 35.0, 36.0), "vic")
                        .status())
                .isEqualTo(403);
        assertThat(send("POST", "/api/gazetteer/entries", entry("Kaddura", 35.0, 36.0), null)
                        .status())
                .isEqualTo(401);
        assertThat(send("GET", "/api/gazetteer/entries", null, "ana").json().size())
                .isEqualTo(before);
    }

    @Test
    void adminsEditMergeDeleteAndExportInGeonamesColumns() throws Exception {
        long a = send("POST", "/api/gazetteer/entries", entry("Fleifel", 35.64, 36.53), "ana")
                .json()
                .get("id")
                .asLong();
        long b = send("POST", "/api/gazetteer/entries", entry("Fulayfil", 35.641, 36.531), "ana")
                .json()
                .get("id")
                .asLong();
        // an analyst may place names, not rewrite or remove them
        assertThat(send("PUT", "/api/gazetteer/entries/" + a, entry("Fleifel", 35.6, 36.5), "ana")
                        .status())
                .isEqualTo(403);
        assertThat(send("DELETE", "/api/gazetteer/entries/" + a, null, "ana").status())
                .isEqualTo(403);

        Res edited = send("PUT", "/api/gazetteer/entries/" + a, entry("Fleifel", 35.645, 36.535), "adm");
        assertThat(edited.json().get("lat").asDouble()).isEqualTo(35.645);
        Res merged = send("POST", "/api/gazetteer/entries/" + b + "/merge?into=" + a, null, "adm");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("alternateNames").toString()).contains("Fulayfil");
        assertThat(send("GET", "/api/gazetteer/entries/" + b, null, "adm").status())
                .isEqualTo(404);
        assertThat(send("PUT", "/api/gazetteer/entries/" + a, entry("Fleifel", 91.0, 36.5), "adm")
                        .status())
                .isEqualTo(400);

        Res tsv = send("GET", "/api/gazetteer/entries.tsv", null, "ana");
        assertThat(tsv.type()).startsWith("text/tab-separated-values");
        String line = tsv.body()
                .lines()
                .filter(l -> l.contains("\tFleifel\t"))
                .findFirst()
                .orElseThrow();
        String[] f = line.split("\t", -1);
        assertThat(f).hasSize(19);
        assertThat(f[3]).contains("Fulayfil");
        assertThat(Double.parseDouble(f[4])).isEqualTo(35.645);
        assertThat(f[8]).isEqualTo("SY");

        assertThat(send("DELETE", "/api/gazetteer/entries/" + a, null, "adm").status())
                .isEqualTo(200);
        assertThat(send("DELETE", "/api/gazetteer/entries/" + a, null, "adm").status())
                .isEqualTo(404);
    }
}
