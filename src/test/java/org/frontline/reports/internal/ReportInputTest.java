package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.frontline.web.BadInputException;
import org.frontline.web.PayloadTooLargeException;
import org.junit.jupiter.api.Test;

/** What a submission becomes before parsing: text, HTML and Atom; and what is refused. */
class ReportInputTest {

    @Test
    void atomEntriesBecomeReportsWithTheirDates() {
        String atom =
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title>"
                        + "<entry><title>Ariha</title><link href=\"https://example.org/a\"/><updated>2019-08-27T09:00:00Z</updated>"
                        + "<content type=\"html\">&lt;p&gt;Strikes hit Ariha.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</content></entry>"
                        + "<entry><title>Saraqib</title><published>2019-08-28</published><summary>Shelling on Saraqib.</summary></entry>"
                        + "</feed>";
        ReportInput.Decoded d = ReportInput.decode(atom, null);
        assertThat(d.format()).isEqualTo("feed");
        assertThat(d.items()).hasSize(2);
        assertThat(d.items().get(0).published()).isEqualTo(LocalDate.of(2019, 8, 27));
        assertThat(d.items().get(0).url()).isEqualTo("https://example.org/a");
        assertThat(d.items().get(0).text()).contains("Strikes hit Ariha").doesNotContain("alert");
        assertThat(d.items().get(1).published()).isEqualTo(LocalDate.of(2019, 8, 28));
    }

    @Test
    void htmlTakesItsDateFromATimeElementAndKeepsBlocksApart() {
        String html = "<!doctype html><html><body><style>p{}</style><time datetime=\"2020-02-06\">6 Feb</time>"
                + "<h1>Saraqib falls</h1><p>Government forces entered Saraqib.</p><noscript>Aleppo</noscript></body></html>";
        ReportInput.Decoded d = ReportInput.decode(html, null);
        assertThat(d.format()).isEqualTo("html");
        assertThat(d.items().get(0).published()).isEqualTo(LocalDate.of(2020, 2, 6));
        assertThat(d.items().get(0).text())
                .contains("Saraqib falls\nGovernment forces entered Saraqib.")
                .doesNotContain("Aleppo")
                .doesNotContain("p{}");
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> ReportInput.decode("", LocalDate.now())).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> ReportInput.decode("Idlib", null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("published");
        assertThatThrownBy(() -> ReportInput.dateline("yesterday"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a date");
        assertThatThrownBy(() -> ReportInput.dateline("2019-02-30")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> ReportInput.utf8(new byte[] {(byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> ReportInput.utf8(new byte[ReportInput.MAX_BYTES + 1]))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThatThrownBy(() -> ReportInput.decode("Idlib\u0000\u0001\u0002", LocalDate.now()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("binary");
        assertThatThrownBy(() -> ReportInput.decode("<html><body><script>x()</script></body></html>", LocalDate.now()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no text");
        assertThat(ReportInput.utf8("Ma‘arrat".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Ma‘arrat");
    }
}
