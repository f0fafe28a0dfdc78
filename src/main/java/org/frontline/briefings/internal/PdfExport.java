package org.frontline.briefings.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.frontline.style.DateWords;
import org.frontline.style.LayerStyle;
import org.frontline.web.RequestBudget;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PDF handout: one A4 page per frame with the map (drawn by {@link MapImage} in the map's style), the date
 * and the record time in words, a key to everything drawn (each layer, the change overlay, highlights, style
 * warnings, layers that no longer exist), the narrative, sources and credits. Noto fonts embedded
 * ({@link PdfFonts}), so Arabic prints. Apache PDFBox, no browser. Each frame starts by checking the request's
 * time budget ({@link RequestBudget}): over it, the export stops there and is answered 503 with Retry-After.
 */
@Component
class PdfExport {
    static final float MARGIN = 36;
    static final int IMAGE_W = 1030;
    static final int IMAGE_H = 700;
    static final String CREDIT = "Basemap: Natural Earth (public domain). Place names: GeoNames (CC BY 4.0). "
            + "Web Mercator; scale true at the centre of the map.";
    private static final float KEY_W = 190;
    private static final Color MUTED = new Color(0x5b6670);
    private static final Color WARN = new Color(0x8a4b00);

    private final BriefingData data;
    private final LayerService layers;
    private final Narratives md;
    private final JsonMapper json;
    private final FrameAgreement agreements;

    PdfExport(BriefingData data, LayerService layers, Narratives md, JsonMapper json, FrameAgreement agreements) {
        this.agreements = agreements;
        this.data = data;
        this.layers = layers;
        this.md = md;
        this.json = json;
    }

    /** Where the map image sits on every page, in PDF points from the bottom left: x, y, width, height. */
    static float[] mapBox(PDRectangle page) {
        float w = page.getWidth() - 2 * MARGIN;
        float h = w * IMAGE_H / IMAGE_W;
        float top = page.getHeight() - MARGIN - 62;
        return new float[] {MARGIN, top - h, w, h};
    }

    byte[] render(Briefing b) {
        JsonNode basemap = data.basemap();
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            metadata(doc, b);
            PdfFonts fonts = new PdfFonts(doc);
            for (int i = 0; i < b.frames().size(); i++) {
                // a frame may read nothing (a removed layer) yet take long to draw: stop here, 503, once over budget
                RequestBudget.check();
                page(doc, fonts, b, i, basemap);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PDF export of '" + b.slug() + "' failed", e);
        }
    }

    private static void metadata(PDDocument doc, Briefing b) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(b.title());
        info.setAuthor(b.author());
        info.setSubject(b.summary());
        info.setCreator("Frontline");
        info.setKeywords(b.published() ? "edition " + b.edition() : "draft");
        info.setCreationDate(new GregorianCalendar(TimeZone.getTimeZone("UTC")));
        doc.getDocumentCatalog().setLanguage("en");
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
    }

    private void page(PDDocument doc, PdfFonts fonts, Briefing b, int i, JsonNode basemap) throws IOException {
        Frame f = b.frames().get(i);
        Map<String, List<StoredFeature>> features = data.features(b, f);
        List<MapImage.LayerToDraw> toDraw = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : f.layers()) {
            Layer l = layers.layer(id).orElse(null);
            if (l == null) {
                missing.add(id);
                continue;
            }
            toDraw.add(new MapImage.LayerToDraw(id, l.kind(), style(l), features.getOrDefault(id, List.of())));
        }
        JsonNode overlay = data.overlay(b, i);
        BufferedImage img =
                new MapImage(f, IMAGE_W, IMAGE_H).draw(basemap, toDraw, overlay, new HashSet<>(f.highlights()));
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDRectangle box = page.getMediaBox();
        float[] map = mapBox(box);
        float w = box.getWidth() - 2 * MARGIN;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            float y = box.getHeight() - MARGIN;
            String edition = b.published()
                    ? "edition " + b.edition() + ", data as known at " + DateWords.instant(b.recordTime())
                    : "draft, live data";
            y = text(cs, fonts, b.title() + " — " + edition, false, 8.5f, MARGIN, y, w, MUTED, MARGIN);
            y = text(
                    cs,
                    fonts,
                    "Frame " + (i + 1) + " of " + b.frames().size() + ": " + f.title(),
                    true,
                    14,
                    MARGIN,
                    y - 2,
                    w,
                    Color.BLACK,
                    MARGIN);
            text(cs, fonts, when(f, toDraw), false, 10.5f, MARGIN, y, w, Color.BLACK, MARGIN);
            cs.drawImage(flate(doc, img), map[0], map[1], map[2], map[3]);
            float footerTop = footer(cs, fonts, features, i, b.frames().size(), w);
            float below = map[1] - 8;
            key(cs, fonts, toDraw, missing, overlay, !f.highlights().isEmpty(), MARGIN, below, footerTop);
            FrameAgreement.State agreement = agreements.of(b, f);
            float textTop = agreement == null
                    ? below
                    : PdfAgreement.draw(cs, fonts, agreement, MARGIN + KEY_W + 14, below, w - KEY_W - 14, footerTop);
            narrative(cs, fonts, f, MARGIN + KEY_W + 14, textTop, w - KEY_W - 14, footerTop);
        }
    }

    /** The map as an RGB image, deflated at the fastest level (PDFBox's lossless encoder tries slow predictors). */
    static PDImageXObject flate(PDDocument doc, BufferedImage img) throws IOException {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[w * h * 3];
        for (int k = 0; k < argb.length; k++) {
            rgb[3 * k] = (byte) (argb[k] >> 16);
            rgb[3 * k + 1] = (byte) (argb[k] >> 8);
            rgb[3 * k + 2] = (byte) argb[k];
        }
        ByteArrayOutputStream packed = new ByteArrayOutputStream(rgb.length / 4);
        try (DeflaterOutputStream z = new DeflaterOutputStream(packed, new Deflater(Deflater.BEST_SPEED))) {
            z.write(rgb);
        }
        return new PDImageXObject(
                doc,
                new ByteArrayInputStream(packed.toByteArray()),
                COSName.FLATE_DECODE,
                w,
                h,
                8,
                PDDeviceRGB.INSTANCE);
    }

    private LayerStyle style(Layer l) {
        return new LayerStyle(l.id(), l.kind().name().toLowerCase(Locale.ROOT), json.readTree(l.style()));
    }

    /** "23 August 2019 · events 17–23 August 2019". */
    static String when(Frame f, List<MapImage.LayerToDraw> drawn) {
        String when = DateWords.day(f.day());
        if (drawn.stream().anyMatch(l -> l.kind() == LayerKind.EVENT)) {
            LocalDate from = BriefingData.windowFrom(f);
            when += " · events " + DateWords.range(from, f.day());
        }
        return when;
    }

    private float footer(
            PDPageContentStream cs, PdfFonts fonts, Map<String, List<StoredFeature>> features, int i, int n, float w)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.addAll(fonts.wrap("Sources: " + sources(features), false, 7.5f, w));
        lines.addAll(fonts.wrap(CREDIT + " Page " + (i + 1) + " of " + n + ".", false, 7.5f, w));
        float leading = 7.5f * 1.3f;
        float y = MARGIN + leading * (lines.size() - 1);
        float top = y + leading;
        for (String line : lines) {
            cs.setNonStrokingColor(MUTED);
            fonts.show(cs, line, false, 7.5f, MARGIN, y);
            y -= leading;
        }
        return top + 4;
    }

    private void key(
            PDPageContentStream cs,
            PdfFonts fonts,
            List<MapImage.LayerToDraw> drawn,
            List<String> missing,
            JsonNode overlay,
            boolean highlights,
            float x,
            float y,
            float bottom)
            throws IOException {
        float size = 8.5f;
        float step = size * 1.45f;
        y -= step;
        cs.setNonStrokingColor(Color.BLACK);
        fonts.show(cs, "Key", true, 10, x, y);
        Map<String, Set<String>> seen = MapImage.seenValues(drawn);
        for (MapImage.LayerToDraw l : drawn) {
            if ((y -= step) < bottom) {
                return;
            }
            cs.setNonStrokingColor(Color.BLACK);
            fonts.show(cs, title(l.id()), true, size, x, y);
            List<LayerStyle.LegendEntry> rows = l.style().legend(seen.get(l.id())).stream()
                    .filter(e -> seen.get(l.id()).isEmpty() || seen.get(l.id()).contains(e.value()))
                    .toList();
            if (rows.isEmpty()) {
                LayerStyle.Look look = l.style().look(Map.of());
                String what = l.kind() == LayerKind.AREA && look.fillColor() == null ? "outline" : "feature";
                String colour = look.fillColor() != null ? look.fillColor() : look.color();
                rows = List.of(new LayerStyle.LegendEntry(what, colour, look.symbol()));
            }
            for (LayerStyle.LegendEntry e : rows) {
                if ((y -= step) < bottom) {
                    return;
                }
                swatch(cs, l.kind(), e, x + 4, y);
                cs.setNonStrokingColor(Color.BLACK);
                fonts.show(cs, e.value(), false, size, x + 20, y);
            }
            for (String warning : l.style().warnings()) {
                y = text(cs, fonts, "Style warning: " + warning, false, 7.5f, x + 4, y, KEY_W - 4, WARN, bottom);
            }
        }
        if (overlay != null && overlay.path("features").size() > 0 && (y -= step) >= bottom) {
            Set<String> parties = new TreeSet<>();
            overlay.path("features").forEach(g -> {
                if (g.path("properties").hasNonNull("party")) {
                    parties.add(g.path("properties").path("party").asString());
                }
            });
            Color gained = Color.decode(LayerStyle.OVERLAY.get("gained"));
            cs.setNonStrokingColor(MapImage.alpha(gained, 1));
            cs.addRect(x + 4, y - 1, 12, 8);
            cs.fill();
            cs.setStrokingColor(Color.decode(LayerStyle.OVERLAY.get("outline")));
            cs.setLineDashPattern(new float[] {1.5f, 1.5f}, 0);
            cs.addRect(x + 4, y - 1, 12, 8);
            cs.stroke();
            cs.setLineDashPattern(new float[] {}, 0);
            y = text(
                    cs,
                    fonts,
                    "Ground gained since the previous frame"
                            + (parties.isEmpty() ? "" : " (" + String.join(", ", parties) + ")"),
                    false,
                    size,
                    x + 20,
                    y + step,
                    KEY_W - 20,
                    Color.BLACK,
                    bottom);
        }
        if (highlights && (y -= step) >= bottom) {
            cs.setStrokingColor(new Color(0xffd600));
            cs.setLineWidth(2.5f);
            cs.addRect(x + 4, y - 1, 12, 8);
            cs.stroke();
            cs.setLineWidth(1);
            cs.setNonStrokingColor(Color.BLACK);
            fonts.show(cs, "Highlighted in the narrative", false, size, x + 20, y);
        }
        for (String id : missing) {
            y = text(
                    cs,
                    fonts,
                    "Layer “" + id + "” no longer exists: not drawn.",
                    false,
                    size,
                    x,
                    y,
                    KEY_W,
                    WARN,
                    bottom);
        }
    }

    private String title(String layerId) {
        return layers.layer(layerId)
                .map(Layer::title)
                .filter(t -> t != null && !t.isBlank())
                .orElse(layerId);
    }

    private static void swatch(PDPageContentStream cs, LayerKind kind, LayerStyle.LegendEntry e, float x, float y)
            throws IOException {
        Color c = Color.decode(e.color());
        if (kind == LayerKind.POINT) {
            double[][] pts = e.symbol() == null ? null : LayerStyle.SYMBOLS.get(e.symbol());
            float cx = x + 6;
            float cy = y + 3;
            float r = 5;
            if (pts == null) {
                circle(cs, cx, cy, r);
            } else {
                for (int k = 0; k < pts.length; k++) {
                    float px = cx + (float) pts[k][0] * r;
                    float py = cy - (float) pts[k][1] * r; // the table's y runs down, PDF's up
                    if (k == 0) {
                        cs.moveTo(px, py);
                    } else {
                        cs.lineTo(px, py);
                    }
                }
                cs.closePath();
            }
            cs.setNonStrokingColor(c);
            cs.setStrokingColor(new Color(0x222222));
            cs.setLineWidth(0.8f);
            cs.fillAndStroke();
            return;
        }
        cs.setNonStrokingColor(c);
        if (kind == LayerKind.LINE) {
            cs.addRect(x, y + 2, 12, 2.5f);
        } else if (kind == LayerKind.EVENT) {
            circle(cs, x + 6, y + 3, 4);
        } else {
            cs.addRect(x, y - 1, 12, 8);
        }
        cs.fill();
    }

    private static void circle(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        cs.moveTo(cx + r, cy);
        cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        cs.closePath();
    }

    private void narrative(PDPageContentStream cs, PdfFonts fonts, Frame f, float x, float y, float w, float bottom)
            throws IOException {
        for (String para : md.text(f.narrative()).split("\\n\\s*\\n")) {
            if (para.isBlank()) {
                continue;
            }
            List<String> lines = fonts.wrap(para.replace('\n', ' '), false, 10, w);
            for (String line : lines) {
                if (y - 13 < bottom) {
                    cs.setNonStrokingColor(MUTED);
                    fonts.show(cs, "[continued in the HTML export]", false, 8, x, y - 10);
                    return;
                }
                y -= 13;
                cs.setNonStrokingColor(Color.BLACK);
                fonts.show(cs, line, false, 10, x, y);
            }
            y -= 5;
        }
    }

    private static String sources(Map<String, List<StoredFeature>> features) {
        TreeSet<String> names = new TreeSet<>();
        features.values()
                .forEach(list -> list.forEach(f -> {
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

    /** Word-wrapped text from the line above baseline {@code y} down; returns the last baseline written. */
    private static float text(
            PDPageContentStream cs,
            PdfFonts fonts,
            String text,
            boolean bold,
            float size,
            float x,
            float y,
            float width,
            Color colour,
            float bottom)
            throws IOException {
        float leading = size * 1.35f;
        cs.setNonStrokingColor(colour);
        for (String line : fonts.wrap(text, bold, size, width)) {
            if (y - leading < bottom) {
                break;
            }
            y -= leading;
            fonts.show(cs, line, bold, size, x, y);
        }
        return y;
    }
}
