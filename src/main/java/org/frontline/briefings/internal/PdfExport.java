package org.frontline.briefings.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PDF handout: one A4 page per frame with the map image (drawn server-side by {@link MapImage}, Java2D),
 * the date, the narrative as text and the sources of what the map shows. Apache PDFBox, no browser.
 */
@Component
class PdfExport {
    private static final float MARGIN = 40;

    private final BriefingData data;
    private final LayerService layers;
    private final Narratives md;
    private final JsonMapper json;

    PdfExport(BriefingData data, LayerService layers, Narratives md, JsonMapper json) {
        this.data = data;
        this.layers = layers;
        this.md = md;
        this.json = json;
    }

    byte[] render(Briefing b) {
        ObjectNode basemap = data.basemap();
        Map<String, Layer> layerById = new HashMap<>();
        Map<String, JsonNode> styles = new HashMap<>();
        for (Layer l : layers.layers()) {
            layerById.put(l.id(), l);
            styles.put(l.id(), json.readTree(l.style()));
        }
        GeoJsonGeometryReader reader = new GeoJsonGeometryReader(null);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (int i = 0; i < b.frames().size(); i++) {
                Frame f = b.frames().get(i);
                Map<String, List<StoredFeature>> features = data.features(b, f);
                BufferedImage img = new MapImage(f, 1030, 700).draw(basemap, features, layerById, styles,
                        new HashSet<>(f.highlights()), geometry -> {
                            try {
                                return reader.read(geometry);
                            } catch (RuntimeException e) {
                                return null; // a basemap shape the strict reader refuses is just not drawn
                            }
                        });
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(doc, img);
                float w = page.getMediaBox().getWidth() - 2 * MARGIN;
                float imgH = w * img.getHeight() / img.getWidth();
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = page.getMediaBox().getHeight() - MARGIN;
                    y = text(cs, regular, 9, safe(regular, b.title() + (b.published()
                            ? " - edition " + b.edition() + ", data as known at " + b.recordTime() : " - draft, live data")),
                            y, w);
                    y = text(cs, bold, 15, safe(bold, "Frame " + (i + 1) + " of " + b.frames().size() + ": " + f.title()), y - 4, w);
                    String when = f.day().toString();
                    if (f.layers().stream().anyMatch(id -> layerById.get(id) != null
                            && layerById.get(id).kind() == org.frontline.layers.LayerKind.EVENT)) {
                        when += "   (events " + BriefingData.windowFrom(f) + " to " + f.day() + ")";
                    }
                    y = text(cs, regular, 11, when, y, w);
                    y -= 6;
                    cs.drawImage(image, MARGIN, y - imgH, w, imgH);
                    y -= imgH + 14;
                    for (String para : md.text(f.narrative()).split("\\n\\s*\\n")) {
                        y = text(cs, regular, 11, safe(regular, para.replace('\n', ' ')), y, w) - 5;
                    }
                    y -= 6;
                    text(cs, regular, 8, safe(regular, "Sources: " + sources(features)), Math.max(y, MARGIN + 60), w);
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PDF export of '" + b.slug() + "' failed", e);
        }
    }

    private static String sources(Map<String, List<StoredFeature>> features) {
        TreeSet<String> names = new TreeSet<>();
        features.values().forEach(list -> list.forEach(f -> {
            if (f.provenance() != null && f.provenance().publisher() != null) {
                // a publisher field may name several sources ("A; B")
                for (String name : f.provenance().publisher().split(";")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
        }));
        return names.isEmpty() ? "none recorded" : String.join("; ", names);
    }

    /** Writes word-wrapped text from the top line {@code y} down; returns the next free baseline. */
    private static float text(PDPageContentStream cs, PDFont font, float size, String text, float y, float width)
            throws IOException {
        float leading = size * 1.3f;
        for (String line : wrap(font, size, text, width)) {
            if (y < MARGIN) {
                break; // a narrative longer than the page is cut: the HTML export has it whole
            }
            y -= leading;
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(MARGIN, y);
            cs.showText(line);
            cs.endText();
        }
        return y;
    }

    private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The standard PDF fonts cover WinAnsi only: other characters become '?' rather than failing the export. */
    private static String safe(PDFont font, String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
