package org.frontline.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/** Issue 15.4 and 15.9: throttled sign-ins, sessions that end with the user, the password policy. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/hardening-${random.uuid}.db",
            "frontline.demo.load=false"
        })
class AccountHardeningTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    LoginThrottle throttle;

    @BeforeEach
    @AfterEach
    void reset() {
        throttle.clear();
    }

    private void user(String name, String password, String role) {
        if (users.userExists(name)) {
            users.deleteUser(name);
        }
        users.createUser(User.withUsername(name)
                .password(encoder.encode(password))
                .roles(role)
                .build());
    }

    @Test
    void wrongPasswordsLockTheAccountWith429AndRetryAfterWhileOthersSignIn() {
        user("target", "target-long-password", "ANALYST");
        user("other", "other-long-password", "VIEWER");
        Api wrong = new Api(port, "target", "guess");
        for (int i = 0; i < LoginThrottle.FREE_PER_ACCOUNT; i++) {
            assertThat(wrong.get("/api/layers").status()).isEqualTo(401);
        }
        // before: 400 wrong tries, then the right one still worked
        Response locked = new Api(port, "target", "target-long-password").get("/api/layers");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(locked.json().path("detail").asString()).contains("try again in");
        assertThat(new Api(port, "other", "other-long-password")
                        .get("/api/layers")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void manyWrongPasswordsFromOneAddressLockThatAddress() {
        user("someone", "someone-long-password", "VIEWER");
        for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
            assertThat(new Api(port, "nobody" + i, "guess").get("/api/layers").status())
                    .isEqualTo(401);
        }
        Response r = new Api(port, "someone", "someone-long-password").get("/api/layers");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isNotNull();
        throttle.clear();
        assertThat(new Api(port, "someone", "someone-long-password")
                        .get("/api/layers")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPasswordOverSeventyTwoBytesIsAWrongPasswordNotA500() {
        user("longpw", "longpw-long-password", "VIEWER");
        assertThat(new Api(port, "longpw", "é".repeat(60)).get("/api/layers").status())
                .isEqualTo(401);
    }

    @Test
    void theSessionOfADeletedOrDemotedAnalystEndsAtOnce() throws Exception {
        user("dana", "dana-long-password", "ANALYST");
        Session s = Session.signIn(port, "dana", "dana-long-password");
        assertThat(s.postJson("/api/briefings", "{\"title\":\"Dana's notes\"}").statusCode())
                .isEqualTo(201);

        users.updateUser(User.withUsername("dana")
                .password(encoder.encode("dana-long-password"))
                .roles("VIEWER")
                .build());
        assertThat(s.postJson("/api/briefings", "{\"title\":\"After demotion\"}")
                        .statusCode())
                .isEqualTo(401);

        user("dana", "dana-long-password", "ANALYST");
        Session again = Session.signIn(port, "dana", "dana-long-password");
        assertThat(again.postJson("/api/briefings", "{\"title\":\"Signed in again\"}")
                        .statusCode())
                .isEqualTo(201);
        users.deleteUser("dana"); // what DELETE /api/admin/users/dana does
        // before: the deleted analyst's open session could still write
        assertThat(again.postJson("/api/briefings", "{\"title\":\"After deletion\"}")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void passwordPolicyRefusesShortBlankCommonAndOverlongPasswordsNamingTheField() {
        user("root-admin", "root-admin-long-password", "ADMIN");
        Api admin = new Api(port, "root-admin", "root-admin-long-password");
        for (String bad : new String[] {
            "short",
            " ".repeat(14),
            "password1234",
            "qwertyqwerty",
            "aaaaaaaaaaaaaaa",
            "newanalyst",
            "x".repeat(40) + "é".repeat(20)
        }) {
            Response r = admin.postJson(
                    "/api/admin/users",
                    "{\"username\":\"newanalyst\",\"password\":\"" + bad + "\",\"role\":\"analyst\"}");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().path("detail").asString()).as(bad).startsWith("password");
        }
        Response ok = admin.postJson(
                "/api/admin/users",
                "{\"username\":\"newanalyst\",\"password\":\"olive grove at dusk 7\",\"role\":\"analyst\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    }

    /** A browser-like session: form login with the CSRF token, then API calls with the session cookie. */
    record Session(HttpClient http, CookieManager cookies, int port) {
        static Session signIn(int port, String user, String password) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
            String page = http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
            assertThat(m.find()).as("CSRF field on the login page").isTrue();
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            // the XSRF-TOKEN cookie comes with the first page after signing in
            http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return new Session(http, cookies, port);
        }

        HttpResponse<String> postJson(String path, String body) throws Exception {
            String xsrf = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse("");
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/json")
                            .header("X-XSRF-TOKEN", xsrf)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
