package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.frontline.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Admins create users with a role; the role decides what each may do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/users-${random.uuid}.db",
            "frontline.demo.load=false",
            "frontline.security.admin-password=admin-test-password",
            "frontline.security.anonymous-read=false"
        })
class UsersAndRolesTest {
    @LocalServerPort
    int port;

    @Test
    void anAdminCreatesUsersAndRolesDecideAccess() {
        Api anonymous = new Api(port, null, null);
        Api admin = anonymous.as("admin", "admin-test-password");
        assertThat(anonymous.get("/api/layers").status())
                .as("reading needs a sign-in when anonymous-read is off")
                .isEqualTo(401);
        assertThat(admin.postJson(
                                "/api/admin/users",
                                "{\"username\":\"vera\",\"password\":\"vera-long-password\",\"role\":\"viewer\"}")
                        .status())
                .isEqualTo(201);
        assertThat(admin.postJson(
                                "/api/admin/users",
                                "{\"username\":\"vera\",\"password\":\"vera-long-password\",\"role\":\"viewer\"}")
                        .status())
                .isEqualTo(409);
        assertThat(admin.postJson("/api/admin/users", "{\"username\":\"x\",\"password\":\"short\",\"role\":\"god\"}")
                        .status())
                .isEqualTo(400);
        Api vera = anonymous.as("vera", "vera-long-password");
        assertThat(vera.get("/api/layers").status()).isEqualTo(200);
        assertThat(vera.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(vera.postJson(
                                "/api/admin/users",
                                "{\"username\":\"eve\",\"password\":\"eve-long-password\",\"role\":\"admin\"}")
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/api/admin/users").body())
                .contains("\"vera\"")
                .contains("viewer")
                .doesNotContain("password");
        assertThat(admin.delete("/api/admin/users/vera").status()).isEqualTo(204);
        assertThat(vera.get("/api/layers").status()).isEqualTo(401);
    }
}
