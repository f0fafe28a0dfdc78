package org.frontline.briefings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.frontline.web.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Issue 15.5: a narrative with a remote image, exported as the offline HTML file and opened in Chromium with the
 * network open, makes no request at all — counted by a local server that hosts the "remote" image. (Before, the
 * image loaded and told its host the reader's address.) Same context as BriefingBrowserTest.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/briefingbrowser-${random.uuid}.db",
            "frontline.demo.load=true"
        })
class OfflineExportNetworkBrowserTest extends BrowserSupport {
    private static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");

    @Autowired
    BriefingService briefings;

    @Test
    void theOfflineExportWithARemoteImageInTheNarrativeMakesNoRequest() throws Exception {
        List<String> hits = new CopyOnWriteArrayList<>();
        HttpServer tracker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tracker.createContext("/", exchange -> {
            hits.add(exchange.getRequestURI().toString());
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, PNG.length);
            exchange.getResponseBody().write(PNG);
            exchange.close();
        });
        tracker.start();
        try {
            String image = "http://127.0.0.1:" + tracker.getAddress().getPort() + "/morek.png";
            briefings.create(new BriefingInputs.BriefingInput("Remote image", "", "remote-image"), "ana");
            briefings.addFrame(
                    "remote-image",
                    new BriefingInputs.FrameInput(
                            "Morek",
                            LocalDate.parse("2019-08-23"),
                            null,
                            List.of(35.4, 36.6),
                            10,
                            null,
                            List.of("posts"),
                            "Satellite view: ![Morek post](" + image + ")",
                            List.of(),
                            null,
                            null));
            briefings.publish("remote-image", "ana", null);

            HttpResponse<byte[]> export = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url("/briefings/remote-image/export.html")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(export.statusCode()).isEqualTo(200);
            Path file = Files.createDirectories(Path.of("target", "exports"))
                    .resolve("remote-image.html")
                    .toAbsolutePath();
            Files.write(file, export.body());

            browser.get(file.toUri().toString());
            waitUpTo(15).until(d -> "1".equals(js("return document.getElementById('briefing').dataset.frame")));
            Thread.sleep(1500); // time for any late image or fetch
            assertThat(hits).as("requests to the image host").isEmpty();
            @SuppressWarnings("unchecked")
            List<String> fetched = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".filter(n => /^(https?|wss?):/.test(n))");
            assertThat(fetched).isEmpty();
            // the image is offered as a link the reader may choose to follow
            assertThat(browser.findElements(By.cssSelector("a.narrative-image[href='" + image + "']")))
                    .isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("img[src^='http']"))).isEmpty();
        } finally {
            tracker.stop(0);
        }
    }
}
