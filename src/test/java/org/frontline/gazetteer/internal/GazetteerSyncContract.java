package org.frontline.gazetteer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.sql.DataSource;
import org.frontline.gazetteer.Gazetteer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * The gazetteer lives in the database for every app instance (issue 12: no local file another instance needs): an
 * upload is stored there in chunks and comes back byte for byte; an instance that lost its files, or never had
 * them, fetches them and rebuilds its index; a place another instance learned reaches this one. "Another instance"
 * is simulated by writing to the database directly, as it would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "frontline.demo.load=false")
abstract class GazetteerSyncContract {
    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    DataSource dataSource;

    @Autowired
    Gazetteer gazetteer;

    @Autowired
    GazetteerSync sync;

    @Autowired
    StoredUploads stored;

    abstract Path dir();

    @BeforeEach
    void admin() {
        if (!users.userExists("gadm")) {
            users.createUser(User.withUsername("gadm")
                    .password("{noop}secret")
                    .roles("ADMIN")
                    .build());
        }
    }

    /** A GeoNames dump of {@code n} villages (19 tab-separated columns, as SY.txt), the first named {@code first}. */
    static byte[] dump(String first, long firstId, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String name = i == 0 ? first : "Qaryat Test " + firstId + "-" + i;
            b.append(firstId + i)
                    .append('\t')
                    .append(name)
                    .append('\t')
                    .append(name)
                    .append("\t\t")
                    .append(35.5 + (i % 100) * 0.001)
                    .append('\t')
                    .append(36.5 + (i / 100) * 0.001)
                    .append("\tP\tPPL\tSY\t\t07\t\t\t\t0\t\t300\tAsia/Damascus\t2023-01-01\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUploadIsKeptInTheDatabaseInChunksAndRefillsALostCopy() throws Exception {
        // ~2.6 MB: three chunks of at most 1 MiB
        byte[] file = dump("Kafr Sinkhun", 9_100_000, 20_000);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + "/api/admin/gazetteer/uploads?format=geonames&name=SY-sync.txt"))
                                .header(
                                        "Authorization",
                                        "Basic " + Base64.getEncoder().encodeToString("gadm:secret".getBytes()))
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Long id = jdbc.queryForObject(
                "SELECT id FROM gazetteer_upload WHERE format = 'geonames' AND stored_name = 'SY-sync.txt'",
                Long.class);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM gazetteer_upload_chunk WHERE upload_id = ?", Integer.class, id))
                .isEqualTo(3);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        stored.copy(id, back);
        assertThat(back.toByteArray()).isEqualTo(file);
        assertThat(gazetteer.lookup("Kafr Sinkhun", "SY")).isNotEmpty();

        // this instance loses its copy (a new machine, a wiped disk): the next pull fetches it back, byte for byte
        Path copy = dir().resolve("SY-sync.txt");
        assertThat(copy).exists();
        Files.delete(copy);
        gazetteer.reload();
        assertThat(gazetteer.lookup("Kafr Sinkhun", "SY")).isEmpty();
        sync.pull();
        assertThat(Files.readAllBytes(copy)).isEqualTo(file);
        assertThat(gazetteer.lookup("Kafr Sinkhun", "SY")).isNotEmpty();
    }

    @Test
    void uploadsAndLearnedPlacesOfAnotherInstanceReachThisOne() throws Exception {
        assertThat(gazetteer.lookup("Tall Sinkhun", "SY")).isEmpty();
        Path file = Files.createTempFile("other-instance", ".txt");
        Files.write(file, dump("Tall Sinkhun", 9_200_000, 3));
        stored.save("geonames", "other.txt", file, "admin-on-instance-2");
        new JdbcTemplate(dataSource)
                .update(
                        "INSERT INTO gazetteer_entry (name, lat, lon, created_by, created_at, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?)",
                        "Mazraat Sinkhun",
                        35.61,
                        36.71,
                        "analyst-on-instance-2",
                        OffsetDateTime.now(ZoneOffset.UTC),
                        OffsetDateTime.now(ZoneOffset.UTC));
        assertThat(sync.pull()).isTrue();
        assertThat(gazetteer.lookup("Tall Sinkhun", "SY")).isNotEmpty();
        assertThat(gazetteer.lookup("Mazraat Sinkhun", "SY")).isNotEmpty();
        // nothing changed since: no rebuild
        assertThat(sync.pull()).isFalse();
    }
}
