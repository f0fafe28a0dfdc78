package org.frontline.briefings.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The agreement's weekly breaches, stacked by actor, as an SVG string for the player and the offline HTML (the
 * same picture as the agreement page's chart, drawn on the server so the exported file carries it as is).
 * Every text from the data is escaped.
 */
final class BreachChartSvg {
    /** Okabe–Ito, as on the agreement page: distinct under the common colour-vision deficiencies. */
    static final List<String> COLOURS =
            List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000");

    static final String UNKNOWN = "#999999";

    private BreachChartSvg() {}

    static String colour(FrameAgreement.State s, String actor) {
        return "unknown actor".equals(actor) ? UNKNOWN : COLOURS.get(s.actors().indexOf(actor) % COLOURS.size());
    }

    static long max(FrameAgreement.State s) {
        return Math.max(
                1,
                s.weeks().stream().mapToLong(FrameAgreement.Week::total).max().orElse(1));
    }

    static String svg(FrameAgreement.State s) {
        int width = 320;
        int height = 120;
        int pad = 18;
        int legend = 14 * Math.max(1, s.actors().size());
        long max = max(s);
        double step = (width - 2.0 * pad) / Math.max(1, s.weeks().size());
        double plotH = height - 2.0 * pad;
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "<svg class=\"breach-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\">",
                width,
                height + legend));
        out.append("<title>")
                .append(esc("Breaches of " + s.name() + " per week, by actor"))
                .append("</title>");
        out.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
                pad,
                height - pad,
                width - pad,
                height - pad));
        out.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"9\">%d</text>", pad, max));
        for (int i = 0; i < s.weeks().size(); i++) {
            FrameAgreement.Week w = s.weeks().get(i);
            double y = height - pad;
            for (String actor : s.actors()) {
                long n = w.byActor().getOrDefault(actor, 0L);
                if (n == 0) {
                    continue;
                }
                double h = n * plotH / max;
                y -= h;
                out.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"><title>%s</title></rect>",
                        pad + i * step,
                        y,
                        Math.max(0.5, step - 0.5),
                        h,
                        colour(s, actor),
                        esc(w.start() + ": " + n + " by " + actor)));
            }
        }
        if (!s.weeks().isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"9\">%s</text>",
                    pad,
                    height - pad + 11,
                    s.weeks().get(0).start()));
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"end\">%s</text>",
                    width - pad,
                    height - pad + 11,
                    s.day()));
        }
        for (int i = 0; i < s.actors().size(); i++) {
            String actor = s.actors().get(i);
            int y = height + i * 14;
            out.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>",
                    pad,
                    y,
                    colour(s, actor),
                    pad + 14,
                    y + 9,
                    esc(actor)));
        }
        return out.append("</svg>").toString();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
