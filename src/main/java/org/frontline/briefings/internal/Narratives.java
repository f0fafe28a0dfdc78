package org.frontline.briefings.internal;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders frame narratives (Markdown) to HTML that is safe to insert as it is: raw HTML in the source is
 * escaped (a {@code <script>} shows as text) and link/image URLs with unsafe schemes (javascript:, data:)
 * are dropped. Pages insert this output, and only this output, with th:utext.
 */
@Component
public class Narratives {
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final TextContentRenderer text = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS).build();

    public String html(String markdown) {
        return html.render(parse(markdown));
    }

    /** Plain text for the PDF handout (paragraphs separated by blank lines). */
    public String text(String markdown) {
        return text.render(parse(markdown));
    }

    private Node parse(String markdown) {
        return parser.parse(markdown == null ? "" : markdown);
    }
}
