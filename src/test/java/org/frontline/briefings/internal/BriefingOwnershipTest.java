package org.frontline.briefings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Issue 15.4 and 15.2: a briefing belongs to its author (admins may act on any); a briefing holds at most
 * {@link BriefingService#MAX_FRAMES} frames. Same context as BriefingsApiTest (demo loaded, sign-in required).
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/briefingsapi-${random.uuid}.db",
            "frontline.demo.load=true",
            "frontline.security.anonymous-read=false"
        })
class BriefingOwnershipTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    Api ana;
    Api bob;
    Api boss;
    Api vic;

    @BeforeEach
    void users() {
        create("ana", "ANALYST");
        create("vic", "VIEWER");
        create("bob", "ANALYST");
        create("boss", "ADMIN");
        ana = new Api(port, "ana", "secret");
        bob = new Api(port, "bob", "secret");
        boss = new Api(port, "boss", "secret");
        vic = new Api(port, "vic", "secret");
    }

    private void create(String name, String role) {
        if (!users.userExists(name)) {
            users.createUser(
                    User.withUsername(name).password("{noop}secret").roles(role).build());
        }
    }

    private static String frame(String day) {
        return "{\"title\":\"t\",\"day\":\"" + day + "\",\"center\":[35.5,36.6],\"zoom\":9,\"layers\":[\"posts\"],"
                + "\"narrative\":\"text\"}";
    }

    private String published(String title) {
        Response r = ana.postJson("/api/briefings", "{\"title\":\"" + title + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String slug = r.json().path("slug").asString();
        assertThat(ana.postJson("/api/briefings/" + slug + "/frames", frame("2019-08-23"))
                        .status())
                .isEqualTo(201);
        assertThat(ana.postJson("/api/briefings/" + slug + "/publish", "{}").status())
                .isEqualTo(200);
        return slug;
    }

    @Test
    void anotherAnalystReadsButCannotChangeDeleteOrShareAPublishedBriefing() {
        String slug = published("Owned by Ana");
        String path = "/api/briefings/" + slug;
        assertThat(bob.get(path).status()).isEqualTo(200);
        assertThat(vic.get(path).status()).isEqualTo(200);

        Response del = bob.delete(path);
        assertThat(del.status()).isEqualTo(403);
        assertThat(del.json().path("detail").asString()).contains("belongs to ana");
        assertThat(bob.put(path, "{\"title\":\"Taken over\"}").status()).isEqualTo(403);
        assertThat(bob.postJson(path + "/frames", frame("2019-08-24")).status()).isEqualTo(403);
        assertThat(bob.postJson(path + "/publish", "{}").status()).isEqualTo(403);
        assertThat(bob.postJson(path + "/shares", "{}").status()).isEqualTo(403);
        long frameId = ana.get(path).json().path("frames").get(0).path("id").asLong();
        assertThat(bob.delete(path + "/frames/" + frameId).status()).isEqualTo(403);
        assertThat(ana.get(path).json().path("title").asString()).isEqualTo("Owned by Ana");
        assertThat(ana.get(path).json().path("frames").size()).isEqualTo(1);

        // the author shares; an admin may act on anyone's briefing
        Response share = ana.postJson(path + "/shares", "{}");
        assertThat(share.status()).isEqualTo(201);
        assertThat(bob.delete(path + "/shares/" + share.json().path("token").asString())
                        .status())
                .isEqualTo(403);
        assertThat(boss.put(path, "{\"title\":\"Edited by an admin\"}").status())
                .isEqualTo(200);
        assertThat(boss.delete(path).status()).isEqualTo(204);
        assertThat(ana.get(path).status()).isEqualTo(404);
    }

    @Test
    void aBriefingHoldsAtMostSixtyFrames() {
        Response r = ana.postJson("/api/briefings", "{\"title\":\"Long briefing\"}");
        String slug = r.json().path("slug").asString();
        for (int i = 0; i < BriefingService.MAX_FRAMES; i++) {
            Response f = ana.postJson("/api/briefings/" + slug + "/frames", frame("2019-08-23"));
            assertThat(f.status()).as(f.body()).isEqualTo(201);
        }
        Response over = ana.postJson("/api/briefings/" + slug + "/frames", frame("2019-08-23"));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().path("detail").asString()).contains("60 frames");
        assertThat(ana.get("/api/briefings/" + slug).json().path("frames").size())
                .isEqualTo(BriefingService.MAX_FRAMES);
    }
}
