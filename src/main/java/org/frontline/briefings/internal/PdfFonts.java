package org.frontline.briefings.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * The handout's fonts: Noto Sans (regular, bold) and Noto Sans Arabic, shipped in the jar under {@code fonts/}
 * (SIL OFL, see fonts/OFL.txt) and embedded as subsets. Text is split into runs by the font that has the glyphs;
 * Arabic is shaped and put in visual order ({@link ArabicText}); the glyphs map back to Unicode presentation forms,
 * which readers (pdftotext) fold to the letters and read right to left. Characters no font has print as '?'.
 */
final class PdfFonts {
    private static final byte[] REGULAR = bytes("fonts/NotoSans-Regular.ttf");
    private static final byte[] BOLD = bytes("fonts/NotoSans-Bold.ttf");
    private static final byte[] ARABIC = bytes("fonts/NotoSansArabic-Regular.ttf");
    /** The same faces for Java2D (map labels). */
    static final Font AWT_REGULAR = awt(REGULAR);

    static final Font AWT_ARABIC = awt(ARABIC);

    final PDFont regular;
    final PDFont bold;
    private final PDFont arabic;

    PdfFonts(PDDocument doc) throws IOException {
        regular = PDType0Font.load(doc, new ByteArrayInputStream(REGULAR), true);
        bold = PDType0Font.load(doc, new ByteArrayInputStream(BOLD), true);
        arabic = PDType0Font.load(doc, new ByteArrayInputStream(ARABIC), true);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("font " + path + " is missing from the jar", e);
        }
    }

    private static Font awt(byte[] ttf) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("unreadable font", e);
        }
    }

    private record Run(PDFont font, String text) {}

    /** A line in drawing order, cut into runs by font. */
    private List<Run> runs(String logical, boolean isBold) {
        String visual = ArabicText.hasArabic(logical) ? ArabicText.visual(logical) : logical;
        PDFont latin = isBold ? bold : regular;
        Font latinAwt = AWT_REGULAR;
        List<Run> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        PDFont curFont = null;
        for (int i = 0; i < visual.length(); ) {
            int cp = visual.codePointAt(i);
            i += Character.charCount(cp);
            PDFont f;
            String ch = new String(Character.toChars(cp));
            if (ArabicText.isArabic(cp) && AWT_ARABIC.canDisplay(cp)) {
                f = arabic;
            } else if (latinAwt.canDisplay(cp)) {
                f = latin;
            } else if (AWT_ARABIC.canDisplay(cp)) {
                f = arabic;
            } else {
                f = latin;
                ch = "?";
            }
            if (f != curFont && !cur.isEmpty()) {
                out.add(new Run(curFont, cur.toString()));
                cur.setLength(0);
            }
            curFont = f;
            cur.append(ch);
        }
        if (!cur.isEmpty()) {
            out.add(new Run(curFont, cur.toString()));
        }
        return out;
    }

    float width(String text, boolean isBold, float size) throws IOException {
        float w = 0;
        for (Run r : runs(text, isBold)) {
            w += r.font().getStringWidth(r.text()) / 1000 * size;
        }
        return w;
    }

    /** Draws one line at (x, y) (baseline). */
    void show(PDPageContentStream cs, String text, boolean isBold, float size, float x, float y) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (Run r : runs(text, isBold)) {
            cs.setFont(r.font(), size);
            cs.showText(r.text());
        }
        cs.endText();
    }

    /** Word-wraps {@code text} to {@code width}. */
    List<String> wrap(String text, boolean isBold, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, isBold, size) > width && !line.isEmpty()) {
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
}
