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

    /** Stores a report as ana and returns its first candidate (placed by the parser). */
    JsonNode storedCandidate(String text) throws Exception {
        Res stored = send("POST", "/api/reports", Map.of("text", text, "published", "2021-01-20"), "ana");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        long reportId = stored.json().get("reports").get(0).get("id").asLong();
        return send("GET", "/api/reports/" + reportId, null, "ana")
                .json()
                .get("candidates")
                .get(0);
    }

    JsonNode placeOf(String text, String mention) throws Exception {
        for (JsonNode p : parse(text).get("places"))
            if (p.get("mention").asString().equals(mention)) return p;
        throw new AssertionError("no place for '" + mention + "' in " + text);
    }

    static final String SURAN = "Regime forces shelled Suran on Monday, killing two civilians.";
    /** GeoNames: Şūrān in Hama governorate (pop. 30,716), which the parser picks, and Şūrān north of Aleppo. */
    static final long SURAN_HAMA = 163915;

    static final long SURAN_ALEPPO = 163913;

    @Test
    void aResolutionCorrectedToAPointIsLearnedAndTheNextReportGoesThere() throws Exception {
        JsonNode c = storedCandidate(SURAN);
        assertThat(c.get("geonamesId").asLong()).as(c.toString()).isEqualTo(SURAN_HAMA);
        int before = send("GET", "/api/gazetteer/entries", null, "ana").json().size();

        // the analyst moves the event's place to the village meant, 30 km away, keeping the name
        Map<String, Object> move = new HashMap<>();
        move.put("lat", 35.55);
        move.put("lon", 36.60);
        Res edited = send("PUT", "/api/reports/candidates/" + c.get("id").asLong(), move, "ana");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("geonamesId").isNull()).isTrue();

        JsonNode entries = send("GET", "/api/gazetteer/entries", null, "ana").json();
        assertThat(entries.size()).isEqualTo(before + 1);
        JsonNode learned = entries.get(entries.size() - 1);
        assertThat(learned.get("name").asString()).isEqualTo("Suran");
        assertThat(learned.get("createdBy").asString()).isEqualTo("ana");
        assertThat(learned.get("reportId").asLong()).isEqualTo(c.get("reportId").asLong());
        assertThat(learned.get("replaces").asLong()).isEqualTo(SURAN_HAMA);
        assertThat(learned.get("lat").asDouble()).isEqualTo(35.55);

        for (String spelling : List.of("Suran", "Souran")) {
            JsonNode p = placeOf(SURAN.replace("Suran", spelling), spelling);
            assertThat(p.get("lat").asDouble()).as(spelling).isEqualTo(35.55);
            assertThat(p.get("lon").asDouble()).as(spelling).isEqualTo(36.60);
            assertThat(p.get("geonamesId").isNull()).as(spelling).isTrue();
        }
        // a new report's candidate is placed there from the start
        assertThat(storedCandidate(SURAN).get("lat").asDouble()).isEqualTo(35.55);
        // correcting the same candidate again moves the entry it made rather than stacking a second one
        move.put("lat", 35.60);
        move.put("lon", 36.70);
        assertThat(send("PUT", "/api/reports/candidates/" + c.get("id").asLong(), move, "ana")
                        .status())
                .isEqualTo(200);
        JsonNode now = send("GET", "/api/gazetteer/entries", null, "ana").json();
        assertThat(now.size()).isEqualTo(before + 1);
        assertThat(now.get(now.size() - 1).get("lat").asDouble()).isEqualTo(35.60);
        assertThat(placeOf(SURAN, "Suran").get("lon").asDouble()).isEqualTo(36.70);
        send("DELETE", "/api/gazetteer/entries/" + learned.get("id").asLong(), null, "adm");
        assertThat(placeOf(SURAN, "Suran").get("geonamesId").asLong()).isEqualTo(SURAN_HAMA);
    }

    @Test
    void aResolutionMovedToANamesakeEntryIsLearnedButAnotherPlaceIsNot() throws Exception {
        int before = send("GET", "/api/gazetteer/entries", null, "ana").json().size();
        // "Suran" was not the Hama town but the one north of Aleppo: the analyst picks that entry
        JsonNode c = storedCandidate(SURAN);
        Res edited = send(
                "PUT", "/api/reports/candidates/" + c.get("id").asLong(), Map.of("geonamesId", SURAN_ALEPPO), "ana");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("geonamesId").asLong()).isEqualTo(SURAN_ALEPPO);
        assertThat(edited.json().get("lat").asDouble()).isBetween(36.56, 36.57);
        JsonNode entries = send("GET", "/api/gazetteer/entries", null, "ana").json();
        assertThat(entries.size()).isEqualTo(before + 1);
        JsonNode learned = entries.get(entries.size() - 1);
        assertThat(learned.get("replaces").asLong()).isEqualTo(SURAN_HAMA);
        assertThat(placeOf(SURAN, "Suran").get("lat").asDouble()).isBetween(36.56, 36.57);

        // an event moved to a place of another name is an event elsewhere, not a wrong resolution
        JsonNode other = storedCandidate("Regime forces shelled Morek on Monday, killing two civilians.");
        Res renamed = send(
                "PUT",
                "/api/reports/candidates/" + other.get("id").asLong(),
                Map.of("placeName", "Maaret al-Nouman"),
                "ana");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(send("GET", "/api/gazetteer/entries", null, "ana").json().size())
                .isEqualTo(before + 1);
        assertThat(placeOf("Regime forces shelled Morek on Monday.", "Morek")
                        .get("lat")
                        .asDouble())
                .isBetween(35.35, 35.40);
        assertThat(send("PUT", "/api/reports/candidates/" + other.get("id").asLong(), Map.of("geonamesId", 1), "ana")
                        .status())
                .isEqualTo(400);
        send("DELETE", "/api/gazetteer/entries/" + learned.get("id").asLong(), null, "adm");
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
