package org.frontline.briefings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 15.5: narratives never load anything and keep no data:, javascript: or file: URL. */
class NarrativesSafetyTest {
    private final Narratives md = new Narratives();

    @Test
    void dataUrlsAreDroppedFromLinksAndImages() {
        String html = md.html(
                "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and "
                        + "![pixel](data:image/png;base64,iVBORw0KGgo=) and [js](JaVaScRiPt:alert(1)) and [f](file:///etc/passwd)");
        assertThat(html)
                .doesNotContain("data:")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContain("file:");
        assertThat(html).contains("click").contains("Image: pixel");
    }

    @Test
    void aRemoteImageIsALinkNotAnImage() {
        String html = md.html("Morek post: ![satellite view](https://tracker.example.net/morek.png \"23 Aug\")");
        assertThat(html).doesNotContain("<img");
        assertThat(html)
                .contains("<a href=\"https://tracker.example.net/morek.png\"")
                .contains("rel=\"nofollow noopener noreferrer\"")
                .contains(">Image: satellite view</a>");
        String relative = md.html("![map](/basemap/land.png)");
        assertThat(relative).doesNotContain("<img").contains("href=\"/basemap/land.png\"");
    }

    @Test
    void httpLinksAndRawHtmlStayAsBefore() {
        String html = md.html("See [SOHR](https://www.syriahr.com/en/) <img src=x onerror=alert(1)>");
        assertThat(html)
                .contains("href=\"https://www.syriahr.com/en/\">SOHR</a>")
                .contains("&lt;img src=x");
    }
}
