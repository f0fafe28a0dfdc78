package org.frontline.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** An admin takes a consistent copy of the running embedded database; the copy opens and holds the data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/backup-${random.uuid}.db",
            "frontline.demo.load=true",
            "frontline.security.admin-password=admin-test-password"
        })
class EmbeddedBackupTest {
    @LocalServerPort
    int port;

    @Test
    void anAdminBacksUpTheRunningDatabaseAndTheCopyHoldsEveryFeature() throws Exception {
        Api anonymous = new Api(port, null, null);
        Api admin = anonymous.as("admin", "admin-test-password");
        assertThat(anonymous.postJson("/api/admin/backup", "").status()).isEqualTo(401);
        admin.postJson(
                "/api/admin/users", "{\"username\":\"ana\",\"password\":\"ana-long-password\",\"role\":\"analyst\"}");
        assertThat(anonymous
                        .as("ana", "ana-long-password")
                        .postJson("/api/admin/backup", "")
                        .status())
                .isEqualTo(403);

        int events = anonymous
                .get("/api/layers/events/features")
                .json()
                .get("features")
                .size();
        Response backup = admin.postJson("/api/admin/backup", "");
        assertThat(backup.status()).as(backup.body()).isEqualTo(201);
        Path copy = Path.of(backup.json().get("path").asString());
        assertThat(copy.getFileName().toString())
                .isEqualTo(backup.json().get("name").asString())
                .endsWith(".db");
        assertThat(copy.getParent().getFileName().toString()).isEqualTo("backups");
        assertThat(Files.size(copy))
                .isEqualTo(backup.json().get("bytes").asLong())
                .isGreaterThan(0);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                ResultSet check = c.createStatement().executeQuery("PRAGMA integrity_check");
                ResultSet count = c.createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM feature_version WHERE layer_id = 'events' AND superseded_at IS NULL")) {
            check.next();
            assertThat(check.getString(1)).isEqualTo("ok");
            count.next();
            assertThat(events).isGreaterThan(0);
            assertThat(count.getInt(1)).isEqualTo(events);
        }
        Response second = admin.postJson("/api/admin/backup", "");
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("name").asString())
                .isNotEqualTo(backup.json().get("name").asString());
    }
}
