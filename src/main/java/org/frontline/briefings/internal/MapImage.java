package org.frontline.briefings.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontline.layers.Layer;
import org.frontline.layers.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * Draws a frame's map server-side with Java2D (no browser): the view of the frame in Web Mercator, the offline
 * basemap, then each visible layer with its style colours. Good enough for a printed handout.
 */
final class MapImage {
    private final int width;
    private final int height;
    private final double cx;
    private final double cy;
    private final double scale; // pixels per mercator unit (world = 256 * 2^zoom pixels)

    MapImage(Frame f, int width, int height) {
        this.width = width;
        this.height = height;
        if (f.bbox() != null) {
            double x0 = mx(f.bbox().get(0)), x1 = mx(f.bbox().get(2));
            double y0 = my(f.bbox().get(1)), y1 = my(f.bbox().get(3));
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

    private double px(double lon) {
        return (mx(lon) - cx) * scale + width / 2.0;
    }

    private double py(double lat) {
        return (my(lat) - cy) * scale + height / 2.0;
    }

    BufferedImage draw(JsonNode basemap, Map<String, List<StoredFeature>> features, Map<String, Layer> layers,
            Map<String, JsonNode> styles, Set<String> highlights, GeometryParser parser) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xb8d4e6));
        g.fillRect(0, 0, width, height);
        for (JsonNode f : basemap.path("land").path("features")) {
            paint(g, parser.parse(f.get("geometry")), new Color(0xf1ede4), new Color(0xc9c2b3), 1f, 1f, 4);
        }
        for (JsonNode f : basemap.path("borders").path("features")) {
            paint(g, parser.parse(f.get("geometry")), null, new Color(0x8a8178), 1.2f, 1f, 4);
        }
        features.forEach((layerId, list) -> {
            JsonNode style = styles.get(layerId);
            Layer layer = layers.get(layerId);
            if (style == null || layer == null) {
                return;
            }
            for (StoredFeature f : list) {
                Color c = color(style, f.properties());
                boolean hi = highlights.contains(f.featureId());
                float alpha = (float) style.path("fillOpacity").asDouble(0.3);
                Color fill = style.path("fillOpacity").asDouble(0.3) > 0 ? c : null;
                paint(g, f.geometry(), fill, hi ? new Color(0xffd600) : c,
                        (float) style.path("weight").asDouble(2) + (hi ? 3 : 0), alpha,
                        style.path("radius").asInt(5) + (hi ? 4 : 0));
            }
        });
        for (JsonNode f : basemap.path("places").path("features")) {
            Geometry p = parser.parse(f.get("geometry"));
            if (p instanceof Point pt) {
                g.setColor(new Color(0x333333));
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.drawString(f.path("properties").path("name").asString(""), (float) px(pt.getX()) + 4,
                        (float) py(pt.getY()) + 4);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(0, 0, width - 1, height - 1);
        g.dispose();
        return img;
    }

    private static Color color(JsonNode style, Map<String, Object> props) {
        String by = style.path("byProperty").asString(null);
        String key = by == null || props.get(by) == null ? null : String.valueOf(props.get(by));
        String hex = key != null && style.path("colors").has(key) ? style.path("colors").path(key).asString()
                : style.path("color").asString("#333333");
        try {
            return Color.decode(hex);
        } catch (NumberFormatException e) {
            return Color.DARK_GRAY;
        }
    }

    private void paint(Graphics2D g, Geometry geom, Color fill, Color stroke, float weight, float alpha, int radius) {
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
                if (fill != null) {
                    g.setColor(new Color(fill.getRed(), fill.getGreen(), fill.getBlue(), Math.round(alpha * 255)));
                    g.fill(path);
                }
                g.setColor(stroke);
                g.setStroke(new BasicStroke(weight));
                g.draw(path);
            } else if (part instanceof LineString line) {
                g.setColor(stroke);
                g.setStroke(new BasicStroke(weight));
                Path2D open = new Path2D.Double();
                Coordinate[] cs = line.getCoordinates();
                for (int k = 0; k < cs.length; k++) {
                    if (k == 0) {
                        open.moveTo(px(cs[k].x), py(cs[k].y));
                    } else {
                        open.lineTo(px(cs[k].x), py(cs[k].y));
                    }
                }
                g.draw(open);
            } else if (part instanceof Point p) {
                Ellipse2D dot = new Ellipse2D.Double(px(p.getX()) - radius, py(p.getY()) - radius, 2 * radius, 2 * radius);
                g.setColor(fill != null ? fill : stroke);
                g.fill(dot);
                g.setColor(stroke.equals(fill) ? Color.DARK_GRAY : stroke);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(dot);
            } else if (part.getNumGeometries() > 1 || part != geom) {
                paint(g, part, fill, stroke, weight, alpha, radius);
            }
        }
    }

    private void ring(Path2D path, Coordinate[] cs) {
        for (int k = 0; k < cs.length; k++) {
            if (k == 0) {
                path.moveTo(px(cs[k].x), py(cs[k].y));
            } else {
                path.lineTo(px(cs[k].x), py(cs[k].y));
            }
        }
        path.closePath();
    }

    /** Reads a GeoJSON geometry (the basemap's). */
    interface GeometryParser {
        Geometry parse(JsonNode geometry);
    }
}
