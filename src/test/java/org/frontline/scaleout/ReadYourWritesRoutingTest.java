package org.frontline.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import javax.sql.DataSource;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads on a real streaming replica, writes on the primary, read-your-writes for the writer's session: with
 * replay paused on the replica, the writer still reads its new event (from the primary) while another client,
 * reading the replica, does not see it yet; with the replica stopped, reads fall back and /api/ready says so.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "frontline.demo.load=false",
            "frontline.security.anonymous-read=true",
            "frontline.replica.max-wait-ms=100",
            "frontline.replica.check-ms=500"
        })
@ActiveProfiles("postgis")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadYourWritesRoutingTest {
    static ReplicaPair pair;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    LayerService layers;

    @Autowired
    JdbcUserDetailsManager users;

    @BeforeAll
    static void startPair() {
        if (pair == null) {
            pair = ReplicaPair.start();
        }
    }

    @AfterAll
    static void stopPair() {
        if (pair != null) {
            pair.close();
            pair = null;
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        startPair();
        registry.add("spring.datasource.url", () -> pair.url(pair.primaryPort));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("frontline.replica.url", () -> pair.url(pair.replicaPort));
    }

    boolean inRecovery(boolean readOnly) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setReadOnly(readOnly);
        return tx.execute(
                s -> new JdbcTemplate(dataSource).queryForObject("SELECT pg_is_in_recovery()", Boolean.class));
    }

    HttpResponse<String> send(HttpClient client, HttpRequest.Builder b) throws Exception {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    @Test
    @Order(1)
    void readOnlyTransactionsRunOnTheReplicaAndWritesOnThePrimary() throws Exception {
        assertThat(inRecovery(true)).as("read-only transaction on the replica").isTrue();
        assertThat(inRecovery(false))
                .as("read-write transaction on the primary")
                .isFalse();
        HttpResponse<String> ready = send(HttpClient.newHttpClient(), request("/api/ready"));
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"replica\":\"up\"").contains("\"reads\":\"replica\"");
    }

    @Test
    @Order(2)
    void theWriterReadsItsOwnWriteWhileTheReplicaLags() throws Exception {
        if (!users.userExists("ana")) {
            users.createUser(User.withUsername("ana")
                    .password("{noop}ana-secret")
                    .roles("ANALYST")
                    .build());
        }
        String events = layers.ensureLayer("ryw-events", "Events", LayerKind.EVENT, "{}")
                .id();
        // wait until the replica has the layer, then hold its replay
        HttpClient other = HttpClient.newHttpClient();
        long until = System.currentTimeMillis() + 10_000;
        while (send(other, request("/api/layers/" + events + "/features")).statusCode() != 200
                && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        try (Connection c = pair.connect(pair.replicaPort, "frontline");
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_wal_replay_pause()");
        }
        HttpClient writer =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("ana:ana-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> post = send(
                writer,
                request("/api/layers/" + events + "/features")
                        .header("Authorization", auth)
                        .header("Content-Type", "application/geo+json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"Feature\",\"id\":\"ryw-1\",\"geometry\":"
                                + "{\"type\":\"Point\",\"coordinates\":[36.8,35.86]},\"properties\":{\"title\":\"Saraqib\","
                                + "\"validFrom\":\"2020-02-06\",\"sourcePublisher\":\"SOHR\"}}")));
        assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
        try {
            HttpResponse<String> own = send(writer, request("/api/layers/" + events + "/features"));
            assertThat(own.body()).as("the writer's session reads its write").contains("ryw-1");
            HttpResponse<String> stranger = send(other, request("/api/layers/" + events + "/features"));
            assertThat(stranger.statusCode()).isEqualTo(200);
            assertThat(stranger.body())
                    .as("another client reads the paused replica")
                    .doesNotContain("ryw-1");
        } finally {
            try (Connection c = pair.connect(pair.replicaPort, "frontline");
                    Statement s = c.createStatement()) {
                s.execute("SELECT pg_wal_replay_resume()");
            }
        }
        until = System.currentTimeMillis() + 10_000;
        String seen = "";
        while (!seen.contains("ryw-1") && System.currentTimeMillis() < until) {
            seen = send(other, request("/api/layers/" + events + "/features")).body();
            Thread.sleep(50);
        }
        assertThat(seen).as("once replayed, everyone reads it").contains("ryw-1");
    }

    @Test
    @Order(3)
    void withTheReplicaDownReadsGoToThePrimaryAndReadinessSaysSo() throws Exception {
        layers.ensureLayer("down-events", "Events", LayerKind.EVENT, "{}");
        pair.stopReplica();
        HttpResponse<String> ready = send(HttpClient.newHttpClient(), request("/api/ready"));
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"replica\":\"down\"").contains("\"reads\":\"primary\"");
        HttpResponse<String> read = send(HttpClient.newHttpClient(), request("/api/layers/down-events/features"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(inRecovery(true))
                .as("read-only transactions now on the primary")
                .isFalse();
    }
}
