package org.frontline.briefings.internal;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A frame's agreement on its PDF page, above the narrative: the name, the breaches of the window, the clauses
 * in force and the weekly breach chart stacked by actor, drawn as vector bars (the chart of BreachChartSvg).
 */
final class PdfAgreement {
    private static final Color MUTED = new Color(0x5b6670);
    private static final float CHART_H = 54;

    private PdfAgreement() {}

    /** Draws the block from the line above baseline {@code y} down; returns the y below it. */
    static float draw(
            PDPageContentStream cs, PdfFonts fonts, FrameAgreement.State s, float x, float y, float w, float bottom)
            throws IOException {
        y = lines(cs, fonts, List.of(s.name()), true, 10.5f, Color.BLACK, x, y, w, bottom);
        y = lines(cs, fonts, List.of(s.breachLine()), false, 9.5f, new Color(0x8a2f00), x, y, w, bottom);
        List<String> clauses = new ArrayList<>();
        clauses.add(s.clauses().isEmpty() ? "No clause in force on this day." : "Clauses in force on this day:");
        s.clauses().forEach(c -> clauses.add("• " + c));
        y = lines(cs, fonts, clauses, false, 8.5f, MUTED, x, y, w, bottom);
        if (s.weeks().isEmpty() || y - CHART_H - 24 < bottom) {
            return y - 6;
        }
        float base = y - 6 - CHART_H;
        long max = BreachChartSvg.max(s);
        float step = w / s.weeks().size();
        for (int i = 0; i < s.weeks().size(); i++) {
            FrameAgreement.Week week = s.weeks().get(i);
            float top = base;
            for (String actor : s.actors()) {
                long n = week.byActor().getOrDefault(actor, 0L);
                if (n == 0) {
                    continue;
                }
                float h = n * CHART_H / max;
                cs.setNonStrokingColor(Color.decode(BreachChartSvg.colour(s, actor)));
                cs.addRect(x + i * step, top, Math.max(0.4f, step - 0.3f), h);
                cs.fill();
                top += h;
            }
        }
        cs.setStrokingColor(Color.DARK_GRAY);
        cs.setLineWidth(0.5f);
        cs.moveTo(x, base);
        cs.lineTo(x + w, base);
        cs.stroke();
        cs.setNonStrokingColor(MUTED);
        fonts.show(
                cs,
                "Breaches per week, " + s.weeks().get(0).start() + " to " + s.day() + " (max " + max + ")",
                false,
                7.5f,
                x,
                base - 9);
        float ly = base - 20;
        float lx = x;
        for (String actor : s.actors()) {
            float tw = Math.min(w / 2, 14 + 4.2f * actor.length());
            if (lx + tw > x + w) {
                lx = x;
                ly -= 10;
            }
            cs.setNonStrokingColor(Color.decode(BreachChartSvg.colour(s, actor)));
            cs.addRect(lx, ly, 7, 7);
            cs.fill();
            cs.setNonStrokingColor(Color.BLACK);
            List<String> name = fonts.wrap(actor, false, 7.5f, tw - 10);
            fonts.show(cs, name.isEmpty() ? "" : name.get(0), false, 7.5f, lx + 10, ly + 0.5f);
            lx += tw;
        }
        return ly - 10;
    }

    private static float lines(
            PDPageContentStream cs,
            PdfFonts fonts,
            List<String> texts,
            boolean bold,
            float size,
            Color colour,
            float x,
            float y,
            float w,
            float bottom)
            throws IOException {
        cs.setNonStrokingColor(colour);
        for (String t : texts) {
            for (String line : fonts.wrap(t, bold, size, w)) {
                if (y - size * 1.35f < bottom) {
                    return y;
                }
                y -= size * 1.35f;
                fonts.show(cs, line, bold, size, x, y);
            }
        }
        return y;
    }
}
