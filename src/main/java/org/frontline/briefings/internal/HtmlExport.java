package org.frontline.briefings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One HTML file that plays a briefing from disk with no network: Leaflet's script and styles (from the WebJar),
 * the player script and styles, the basemap and every frame's pinned features are written into the page.
 */
@Component
class HtmlExport {
    private static final String LEAFLET = "META-INF/resources/webjars/leaflet/1.9.4/dist/";

    private final BriefingData data;
    private final Narratives md;
    private final TemplateEngine templates;
    private final JsonMapper json;
    private final FrameAgreement agreements;

    HtmlExport(BriefingData data, Narratives md, TemplateEngine templates, JsonMapper json, FrameAgreement agreements) {
        this.agreements = agreements;
        this.data = data;
        this.md = md;
        this.templates = templates;
        this.json = json;
    }

    String render(Briefing b) {
        ObjectNode bundle = json.createObjectNode();
        bundle.set("meta", data.meta(b));
        ArrayNode frames = bundle.putArray("frames");
        for (int i = 0; i < b.frames().size(); i++) {
            frames.add(data.frameData(b, i));
        }
        Context ctx = new Context();
        ctx.setVariable("briefing", b);
        ctx.setVariable("frames", BriefingPagesController.pageFrames(b, md, agreements));
        ctx.setVariable("exportedAt", Instant.now());
        ctx.setVariable("knownAt", BriefingPagesController.knownAt(b));
        // Inlined code and data go in with th:utext: they are our own files, and the JSON has every '<' escaped
        // (\u003c is the same character to JSON) so no "</script>" inside a string can end the element.
        ctx.setVariable("leafletCss", resource(LEAFLET + "leaflet.css"));
        ctx.setVariable("leafletJs", resource(LEAFLET + "leaflet.js"));
        ctx.setVariable("playerCss", resource("static/css/briefing.css"));
        ctx.setVariable("playerJs", new ModuleInliner("static/js/").bundle("briefing-player.js"));
        ctx.setVariable("bundleJson", json.writeValueAsString(bundle).replace("<", "\\u003c"));
        return templates.process("briefings/export", ctx);
    }

    private static String resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("missing resource " + path, e);
        }
    }
}
