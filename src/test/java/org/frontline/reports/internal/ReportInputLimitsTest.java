package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import org.frontline.web.BadInputException;
import org.junit.jupiter.api.Test;

/** Hostile markup from the issue-15 probe: answered quickly, by a 400 or a result, never a stuck thread. */
class ReportInputLimitsTest {
    private static final LocalDate DAY = LocalDate.of(2019, 8, 27);

    @Test
    void eightyThousandNestedDivsAreRefusedInWellUnderASecondOfWork() {
        String html = "<html><body>" + "<div>".repeat(80_000) + "Strikes hit Ariha." + "</div>".repeat(80_000);
        // before the limit: 30 s and more of jsoup tree building
        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(3), () -> ReportInput.decode(html, DAY)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nested more than 512");
    }

    @Test
    void theFuzzersSlowInputIsRefusedQuicklyAStrayQuoteInATagNameHidesNothing() throws Exception {
        // found by bench/fuzz.sh: "<article\"></head><body><p>…" then 17,855 unclosed divs ran for over 10 s
        byte[] found = getClass()
                .getResourceAsStream("ReportInputSlowInputs/slow-after-per-block-element")
                .readAllBytes();
        String html = new String(found, java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(3), () -> ReportInput.decode(html, DAY)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nested more than 512");
    }

    @Test
    void sixtyThousandStyleElementsAreReadInLinearTime() {
        // found by profiling the fuzz target: each <style> lower-cased the whole text to find its end (minutes)
        String html = "<html><body><p>Strikes hit Ariha.</p>" + "<STYLE>p{}</Style>".repeat(55_000) + "</body></html>";
        assertThat(html.length()).isLessThan(ReportInput.MAX_BYTES);
        ReportInput.Decoded d = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> ReportInput.decode(html, DAY));
        assertThat(d.items().get(0).text()).isEqualTo("Strikes hit Ariha.");
    }

    @Test
    void ordinaryNestingAndUnclosedParagraphsStillParse() {
        String html = "<html><body>" + "<div><section>".repeat(100) + "<p>Strikes hit Ariha.<p>Shelling on Saraqib."
                + "<ul>" + "<li>item".repeat(2000) + "</ul>" + "</section></div>".repeat(100);
        ReportInput.Decoded d = ReportInput.decode(html, DAY);
        assertThat(d.items().get(0).text()).contains("Strikes hit Ariha.").contains("Shelling on Saraqib.");
    }

    @Test
    void twoThousandCommentsBeforeAFeedDoNotOverflowTheStack() {
        String rss = "<?xml version=\"1.0\"?>" + "<!-- generated -->\n".repeat(2000)
                + "<rss version=\"2.0\"><channel><item><title>Ariha</title><pubDate>Tue, 27 Aug 2019 09:00:00 GMT</pubDate>"
                + "<description>Strikes hit Ariha.</description></item></channel></rss>";
        // before: StackOverflowError in the feed-detecting regex (a 500)
        ReportInput.Decoded d = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> ReportInput.decode(rss, null));
        assertThat(d.format()).isEqualTo("feed");
        assertThat(d.items()).hasSize(1);
        String html = "<!--x-->".repeat(20_000) + "<p>Strikes hit Ariha.</p>";
        assertThat(ReportInput.decode(html, DAY).items().get(0).text()).isEqualTo("Strikes hit Ariha.");
    }

    @Test
    void aFeedItemNestedTooDeepIsListedAsAnErrorWhileTheOthersGoThrough() {
        String deep = "&lt;div&gt;".repeat(5000) + "deep";
        String rss = "<rss version=\"2.0\"><channel>"
                + "<item><title>Deep</title><pubDate>Tue, 27 Aug 2019 09:00:00 GMT</pubDate><description>" + deep
                + "</description></item>"
                + "<item><title>Ariha</title><pubDate>Tue, 27 Aug 2019 09:00:00 GMT</pubDate>"
                + "<description>Strikes hit Ariha.</description></item></channel></rss>";
        ReportInput.Decoded d = ReportInput.decode(rss, null);
        assertThat(d.items()).extracting(ReportInput.Item::title).containsExactly("Ariha");
        assertThat(d.errors())
                .singleElement()
                .asString()
                .contains("feed item 1")
                .contains("nested");
    }

    @Test
    void aFeedOfMoreThanFiveHundredItemsIsRefused() {
        String item = "<item><title>A</title><pubDate>Tue, 27 Aug 2019 09:00:00 GMT</pubDate></item>";
        String rss = "<rss><channel>" + item.repeat(MarkupLimits.MAX_FEED_ITEMS + 1) + "</channel></rss>";
        assertThatThrownBy(() -> ReportInput.decode(rss, null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("501 items")
                .hasMessageContaining("at most 500");
    }
}
