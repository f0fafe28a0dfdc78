package org.frontline.briefings.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.frontline.layers.LayerKind;
import org.frontline.layers.StoredFeature;
import org.frontline.style.LayerStyle;
import org.frontline.style.LayerStyle.Look;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * Draws a frame's map server-side with Java2D, the way the map page draws it: the frame's view in Web Mercator,
 * sea, then the offline basemap's land and borders, the layers in the map's pane order (areas, the change
 * overlay, lines, events, points) each styled by {@link LayerStyle}, place labels, a metric scale bar and a north
 * arrow. Basemap shapes are drawn as they are (no validity check: a clipped coastline need not be a valid polygon).
 */
final class MapImage {
    static final Color SEA = new Color(0xb8d4e6);
    static final Color LAND = new Color(0xf1ede4);
    private static final Color COAST = new Color(0xc9c2b3);
    private static final Color BORDER = new Color(0x8a8178);
    private static final Color HIGHLIGHT = new Color(0xffd600);
    private static final double EARTH_M = 40_075_016.686;

    private final int width;
    private final int height;
    private final double cx;
    private final double cy;
    private final double scale; // pixels per mercator unit (world = 256 * 2^zoom pixels)

    /** A layer to draw: its kind and style, and its features. */
    record LayerToDraw(String id, LayerKind kind, LayerStyle style, List<StoredFeature> features) {}

    MapImage(Frame f, int width, int height) {
        this.width = width;
        this.height = height;
        if (f.bbox() != null) {
            double x0 = mx(f.bbox().get(0));
            double x1 = mx(f.bbox().get(2));
            double y0 = my(f.bbox().get(1));
            double y1 = my(f.bbox().get(3));
            cx = (x0 + x1) / 2;
            cy = (y0 + y1) / 2;
            scale = Math.min(width / (x1 - x0), height / Math.abs(y1 - y0));
        } else {
            cx = mx(f.centerLon());
            cy = my(f.centerLat());
            // the image is about as wide as the player's map in a browser, so the frame's zoom shows the same area
            scale = 256 * Math.pow(2, f.zoom());
        }
    }

    private static double mx(double lon) {
        return (lon + 180) / 360;
    }

    private static double my(double lat) {
        double s = Math.sin(Math.toRadians(lat));
        return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    }

    double px(double lon) {
        return (mx(lon) - cx) * scale + width / 2.0;
    }

    double py(double lat) {
        return (my(lat) - cy) * scale + height / 2.0;
    }

    /** Metres on the ground per pixel at the centre of the view. */
    double metresPerPixel() {
        double lat = Math.atan(Math.sinh((0.5 - cy) * 2 * Math.PI));
        return EARTH_M * Math.cos(lat) / scale;
    }

    BufferedImage draw(JsonNode basemap, List<LayerToDraw> layers, JsonNode overlay, Set<String> highlights) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(SEA);
        g.fillRect(0, 0, width, height);
        for (JsonNode f : basemap.path("land").path("features")) {
            Path2D land = jsonPath(f.path("geometry"));
            g.setColor(LAND);
            g.fill(land);
            g.setColor(COAST);
            g.setStroke(new BasicStroke(1f));
            g.draw(land);
        }
        g.setColor(BORDER);
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {8, 5}, 0));
        for (JsonNode f : basemap.path("borders").path("features")) {
            g.draw(jsonPath(f.path("geometry")));
        }
        List<LayerToDraw> ordered = new ArrayList<>(layers);
        ordered.sort(Comparator.comparingInt(l -> paneOrder(l.kind())));
        boolean overlayDrawn = false;
        List<String[]> labels = new ArrayList<>();
        for (LayerToDraw l : ordered) {
            if (!overlayDrawn && paneOrder(l.kind()) > 0) {
                drawOverlay(g, overlay);
                overlayDrawn = true;
            }
            for (StoredFeature f : l.features()) {
                boolean hi = highlights.contains(f.featureId());
                drawFeature(g, f.geometry(), l.style().look(f.properties()), hi);
                Object name = f.properties().get("name");
                if (hi && name != null && f.geometry() instanceof Point p) {
                    labels.add(new String[] {name.toString(), String.valueOf(p.getX()), String.valueOf(p.getY())});
                }
            }
        }
        if (!overlayDrawn) {
            drawOverlay(g, overlay);
        }
        for (JsonNode f : basemap.path("places").path("features")) {
            JsonNode c = f.path("geometry").path("coordinates");
            if ("Point".equals(f.path("geometry").path("type").asString(""))) {
                int rank = f.path("properties").path("rank").asInt(3);
                label(
                        g,
                        f.path("properties").path("name").asString(""),
                        px(c.get(0).asDouble()),
                        py(c.get(1).asDouble()),
                        rank <= 1 ? 19f : rank == 2 ? 17f : 15f,
                        rank <= 1,
                        false);
            }
        }
        for (String[] l : labels) {
            label(g, l[0], px(Double.parseDouble(l[1])), py(Double.parseDouble(l[2])) - 16, 18f, true, true);
        }
        scaleBar(g);
        northArrow(g);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(0, 0, width - 1, height - 1);
        g.dispose();
        return img;
    }

    private static int paneOrder(LayerKind kind) {
        return switch (kind) {
            case AREA -> 0;
            case LINE -> 1;
            case EVENT -> 2;
            default -> 3;
        };
    }

    private void drawOverlay(Graphics2D g, JsonNode overlay) {
        if (overlay == null) {
            return;
        }
        Color gained = Color.decode(LayerStyle.OVERLAY.get("gained"));
        Color outline = Color.decode(LayerStyle.OVERLAY.get("outline"));
        for (JsonNode f : overlay.path("features")) {
            Path2D path = jsonPath(f.path("geometry"));
            g.setColor(alpha(gained, 0.6));
            g.fill(path);
            g.setColor(outline);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {3, 3}, 0));
            g.draw(path);
        }
    }

    private void drawFeature(Graphics2D g, Geometry geom, Look look, boolean hi) {
        if (geom == null) {
            return;
        }
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            Geometry part = geom.getGeometryN(i);
            if (part instanceof Polygon poly) {
                Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                ring(path, poly.getExteriorRing().getCoordinates());
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    ring(path, poly.getInteriorRingN(h).getCoordinates());
                }
                if (look.fillColor() != null) {
                    g.setColor(alpha(Color.decode(look.fillColor()), look.fillOpacity()));
                    g.fill(path);
                }
                stroke(g, path, look, hi);
            } else if (part instanceof LineString line) {
                Path2D open = new Path2D.Double();
                line(open, line.getCoordinates());
                stroke(g, open, look, hi);
            } else if (part instanceof Point p) {
                double r = (look.radius() == null ? 6 : look.radius()) * 1.6 + (hi ? 5 : 0);
                Shape s = symbol(look.symbol(), px(p.getX()), py(p.getY()), r);
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(4f));
                g.draw(s);
                g.setColor(alpha(Color.decode(look.fillColor()), look.fillOpacity()));
                g.fill(s);
                g.setColor(hi ? HIGHLIGHT : Color.decode(look.color()));
                g.setStroke(new BasicStroke(hi ? 4f : 1.5f));
                g.draw(s);
            } else if (part != geom) {
                drawFeature(g, part, look, hi);
            }
        }
    }

    private static void stroke(Graphics2D g, Shape path, Look look, boolean hi) {
        if (look.weight() <= 0 && !hi) {
            return;
        }
        float w = (float) look.weight() * 1.5f + (hi ? 4 : 0);
        float[] dash = dash(look.dashArray());
        g.setStroke(
                dash == null
                        ? new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                        : new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, dash, 0));
        g.setColor(hi ? HIGHLIGHT : alpha(Color.decode(look.color()), look.opacity()));
        g.draw(path);
    }

    private static float[] dash(String pattern) {
        if (pattern == null) {
            return null;
        }
        String[] parts = pattern.split(" ");
        float[] d = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            d[i] = Math.max(0.5f, Float.parseFloat(parts[i]) * 1.5f);
        }
        return d;
    }

    /** The symbol's outline (LayerStyle.SYMBOLS; a circle otherwise) of radius r around (x, y). */
    static Shape symbol(String name, double x, double y, double r) {
        double[][] pts = name == null ? null : LayerStyle.SYMBOLS.get(name);
        if (pts == null) {
            return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        }
        Path2D p = new Path2D.Double();
        for (int i = 0; i < pts.length; i++) {
            if (i == 0) {
                p.moveTo(x + pts[i][0] * r, y + pts[i][1] * r);
            } else {
                p.lineTo(x + pts[i][0] * r, y + pts[i][1] * r);
            }
        }
        p.closePath();
        return p;
    }

    static Color alpha(Color c, double opacity) {
        int a = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    private void label(Graphics2D g, String text, double x, double y, float size, boolean bold, boolean centred) {
        if (text.isBlank() || x < 0 || y < 0 || x > width || y > height) {
            return;
        }
        Font base = ArabicText.hasArabic(text) ? PdfFonts.AWT_ARABIC : PdfFonts.AWT_REGULAR;
        Font font = base.deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
        TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
        double tx = centred ? x - layout.getAdvance() / 2 : x + 6;
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(tx, y + size / 3));
        g.setColor(new Color(255, 255, 255, 220));
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(new Color(0x2b2b2b));
        g.fill(outline);
        if (!centred) {
            g.fill(new Ellipse2D.Double(x - 3, y - 3, 6, 6));
        }
    }

    /** A metric scale bar of a round length, bottom left. */
    private void scaleBar(Graphics2D g) {
        double mpp = metresPerPixel();
        double target = mpp * width / 5;
        double len = 1000;
        for (double m : new double[] {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000}) {
            if (m * 1000 <= target) {
                len = m * 1000;
            }
        }
        int px = (int) Math.round(len / mpp);
        int x = 20;
        int y = height - 24;
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(x - 8, y - 30, px + 90, 44);
        g.setColor(Color.BLACK);
        g.fillRect(x, y, px / 2, 8);
        g.setColor(Color.WHITE);
        g.fillRect(x + px / 2, y, px - px / 2, 8);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawRect(x, y, px, 8);
        g.setFont(PdfFonts.AWT_REGULAR.deriveFont(Font.PLAIN, 17f));
        g.drawString("0", x - 4, y - 6);
        g.drawString(Math.round(len / 1000) + " km", x + px - 10, y - 6);
    }

    /** North is up in Web Mercator: an arrow and "N", top right. */
    private void northArrow(Graphics2D g) {
        int x = width - 40;
        int y = 24;
        g.setColor(new Color(255, 255, 255, 210));
        g.fillOval(x - 22, y - 8, 44, 62);
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(x, y);
        arrow.lineTo(x + 12, y + 34);
        arrow.lineTo(x, y + 26);
        arrow.lineTo(x - 12, y + 34);
        arrow.closePath();
        g.setColor(Color.BLACK);
        g.fill(arrow);
        g.setFont(PdfFonts.AWT_REGULAR.deriveFont(Font.BOLD, 17f));
        g.drawString("N", x - 6, y + 52);
    }

    private void ring(Path2D path, Coordinate[] cs) {
        line(path, cs);
        path.closePath();
    }

    private void line(Path2D path, Coordinate[] cs) {
        for (int k = 0; k < cs.length; k++) {
            if (k == 0) {
                path.moveTo(px(cs[k].x), py(cs[k].y));
            } else {
                path.lineTo(px(cs[k].x), py(cs[k].y));
            }
        }
    }

    /** A GeoJSON geometry straight to a path: polygons' rings closed (even-odd), lines open. */
    private Path2D jsonPath(JsonNode geometry) {
        Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        String type = geometry.path("type").asString("");
        JsonNode c = geometry.path("coordinates");
        switch (type) {
            case "Polygon" -> c.forEach(r -> jsonLine(path, r, true));
            case "MultiPolygon" -> c.forEach(p -> p.forEach(r -> jsonLine(path, r, true)));
            case "LineString" -> jsonLine(path, c, false);
            case "MultiLineString" -> c.forEach(l -> jsonLine(path, l, false));
            default -> {
                // points are not drawn as shapes
            }
        }
        return path;
    }

    private void jsonLine(Path2D path, JsonNode positions, boolean close) {
        boolean first = true;
        for (JsonNode pos : positions) {
            double x = px(pos.get(0).asDouble());
            double y = py(pos.get(1).asDouble());
            if (first) {
                path.moveTo(x, y);
                first = false;
            } else {
                path.lineTo(x, y);
            }
        }
        if (close && !first) {
            path.closePath();
        }
    }

    /** The category values each layer shows (for the legend), in the order they were drawn. */
    static Map<String, Set<String>> seenValues(List<LayerToDraw> layers) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (LayerToDraw l : layers) {
            String prop = l.style().categoryProperty();
            Set<String> seen = new TreeSet<>();
            for (StoredFeature f : l.features()) {
                Object v = prop == null ? null : f.properties().get(prop);
                if (v != null) {
                    seen.add(v.toString());
                }
            }
            out.put(l.id(), seen);
        }
        return out;
    }
}
