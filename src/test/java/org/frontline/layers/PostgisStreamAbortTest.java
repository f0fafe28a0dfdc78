package org.frontline.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.testsupport.PostgisServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13.7: the database connection dies while a FeatureCollection is being streamed. The client must see
 * an incomplete answer (the connection aborted), never a well-formed FeatureCollection missing features.
 */
@ActiveProfiles("postgis")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "frontline.demo.load=false")
class PostgisStreamAbortTest {
    private static final int FEATURES = 1500; // > one fetch page (1000 rows) of the store

    @LocalServerPort
    int port;

    @Autowired
    LayerService layers;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void needsPostgis() {
        PostgisServer.require();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisServer.register(registry);
    }

    @Test
    void aDatabaseFailureMidStreamAbortsTheConnection() throws Exception {
        layers.ensureLayer("bulk", "Bulk", LayerKind.EVENT, "{}");
        String note = "x".repeat(20_000); // 1,500 × 20 kB: far more than the socket buffers hold
        List<NewFeature> news = new ArrayList<>();
        for (int i = 0; i < FEATURES; i++) {
            news.add(new NewFeature(
                    "bulk-" + i,
                    GeoJsonGeometryReader.WGS84.createPoint(new Coordinate(36.5 + i * 1e-4, 35.8)),
                    Map.of("note", note),
                    Instant.parse("2019-08-01T00:00:00Z"),
                    null,
                    new Provenance("test", null, LocalDate.of(2019, 8, 1), "high", "exact", "day")));
        }
        layers.add("bulk", news, "test", "stream abort test");

        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI all = URI.create("http://localhost:" + port + "/api/layers/bulk/features");
        // the intact answer first: complete and parseable
        HttpResponse<String> whole =
                http.send(HttpRequest.newBuilder(all).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).endsWith("]}");

        HttpResponse<InputStream> r =
                http.send(HttpRequest.newBuilder(all).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        try (InputStream in = r.body()) {
            in.readNBytes(4096); // the answer has started; the server now blocks on the full socket
            Thread.sleep(1500);
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
            }
            assertThatThrownBy(() -> drain(in)).isInstanceOf(IOException.class);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        StringBuilder tail = new StringBuilder();
        int n;
        while ((n = in.read(buf)) >= 0) {
            tail.setLength(0);
            tail.append(new String(buf, Math.max(0, n - 10), Math.min(n, 10)));
        }
        throw new AssertionError("the answer ended normally, with ..." + tail);
    }
}
