package org.frontline.briefings.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders frame narratives (Markdown) to HTML that is safe to insert as it is: raw HTML in the source is
 * escaped (a {@code <script>} shows as text), only http(s), mailto and relative link URLs are kept (no
 * javascript:, data:, file:), and images are never loaded: an image becomes a link to it, so neither the player
 * nor the offline export reveals a reader's address to whoever hosts the image. Pages insert this output, and
 * only this output, with th:utext.
 */
@Component
public class Narratives {
    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeUrls())
            .nodeRendererFactory(ImageAsLink::new)
            .build();
    private final TextContentRenderer text = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
            .build();

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

    /** A URL with a scheme other than http(s) or mailto becomes empty; relative URLs stay. */
    static String safeUrl(String url) {
        String u = url == null ? "" : url.strip();
        int colon = u.indexOf(':');
        int slash = u.indexOf('/');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash);
        if (hasScheme && !SCHEMES.contains(u.substring(0, colon).toLowerCase(Locale.ROOT))) {
            return "";
        }
        return u;
    }

    private static final class SafeUrls implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return safeUrl(url);
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return safeUrl(url);
        }
    }

    /** {@code ![alt](url)} renders as a link "Image: alt", never as an {@code <img>} the browser would fetch. */
    private static final class ImageAsLink implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String alt = altText(image);
            String label = "Image: " + (alt.isBlank() ? "(no description)" : alt);
            String url = safeUrl(image.getDestination());
            if (url.isEmpty()) {
                context.getWriter().text(label);
                return;
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("href", context.encodeUrl(url));
            attrs.put("class", "narrative-image");
            attrs.put("rel", "nofollow noopener noreferrer");
            attrs.put("target", "_blank");
            if (image.getTitle() != null) {
                attrs.put("title", image.getTitle());
            }
            context.getWriter().tag("a", context.extendAttributes(image, "a", attrs));
            context.getWriter().text(label);
            context.getWriter().tag("/a");
        }

        private static String altText(Node n) {
            StringBuilder b = new StringBuilder();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                b.append(c instanceof Text t ? t.getLiteral() : altText(c));
            }
            return b.toString();
        }
    }
}
