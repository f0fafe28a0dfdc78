package org.frontline.export.internal;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A layer as KML 2.2, streamed: each version a Placemark with a {@code <TimeSpan>} from its valid time (so
 * Google Earth's time slider plays it), its properties as ExtendedData, and a style from the layer's map
 * style (one per value of {@code byProperty} when the style colours by a property). Text is escaped by
 * the XML writer.
 */
final class KmlExport {
    private static final String NS = "http://www.opengis.net/kml/2.2";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KmlExport() {}

    static void write(LayerService store, Layer layer, FeatureTable table, FeatureQuery query, OutputStream out) {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("kml");
            x.writeDefaultNamespace(NS);
            x.writeStartElement("Document");
            text(x, "name", layer.title());
            JsonNode style = JSON.readTree(layer.style());
            String byProperty = style.path("byProperty").asString(null);
            Map<String, String> styles = new LinkedHashMap<>();
            styles.put("default", style.path("color").asString("#3366cc"));
            if (byProperty != null) {
                style.path("colors")
                        .properties()
                        .forEach(e -> styles.put(e.getKey(), e.getValue().asString()));
            }
            double fill = style.path("fillOpacity").asDouble(0.35);
            double width = style.path("weight").asDouble(2);
            int n = 0;
            Map<String, String> ids = new LinkedHashMap<>();
            for (Map.Entry<String, String> s : styles.entrySet()) {
                String id = "s" + n++;
                ids.put(s.getKey(), id);
                style(x, id, s.getValue(), fill, width);
            }
            store.stream(query, f -> {
                try {
                    placemark(x, f, table, styleFor(f, byProperty, ids));
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write KML: " + e.getMessage(), e);
        }
    }

    private static String styleFor(StoredFeature f, String byProperty, Map<String, String> ids) {
        Object v = byProperty == null ? null : f.properties().get(byProperty);
        return ids.getOrDefault(v == null ? "default" : v.toString(), ids.get("default"));
    }

    private static void style(XMLStreamWriter x, String id, String cssColor, double fill, double width)
            throws XMLStreamException {
        x.writeStartElement("Style");
        x.writeAttribute("id", id);
        x.writeStartElement("IconStyle");
        text(x, "color", kmlColor(cssColor, 1));
        x.writeEndElement();
        x.writeStartElement("LineStyle");
        text(x, "color", kmlColor(cssColor, 1));
        text(x, "width", String.valueOf(width));
        x.writeEndElement();
        x.writeStartElement("PolyStyle");
        text(x, "color", kmlColor(cssColor, fill));
        x.writeEndElement();
        x.writeEndElement();
    }

    /** "#rrggbb" to KML's aabbggrr. */
    static String kmlColor(String css, double opacity) {
        String hex = css != null && css.matches("#[0-9a-fA-F]{6}") ? css.substring(1) : "3366cc";
        int a = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        return String.format(Locale.ROOT, "%02x", a) + hex.substring(4, 6) + hex.substring(2, 4) + hex.substring(0, 2);
    }

    private static void placemark(XMLStreamWriter x, StoredFeature f, FeatureTable table, String style)
            throws XMLStreamException {
        x.writeStartElement("Placemark");
        x.writeAttribute("id", "v" + f.versionId());
        Object name = f.properties().getOrDefault("title", f.properties().getOrDefault("name", f.featureId()));
        text(x, "name", String.valueOf(name));
        Object notes = f.properties().get("notes");
        if (notes != null) {
            text(x, "description", notes.toString());
        }
        x.writeStartElement("TimeSpan");
        text(x, "begin", f.validFrom().toString());
        if (f.validTo() != null) {
            text(x, "end", f.validTo().toString());
        }
        x.writeEndElement();
        text(x, "styleUrl", "#" + style);
        x.writeStartElement("ExtendedData");
        List<FeatureTable.Column> cols = table.columns();
        List<Object> values = table.values(f);
        for (int i = 0; i < cols.size(); i++) {
            x.writeStartElement("Data");
            x.writeAttribute("name", cols.get(i).name());
            text(x, "value", values.get(i) == null ? "" : FeatureTable.text(values.get(i)));
            x.writeEndElement();
        }
        x.writeEndElement();
        geometry(x, f.geometry());
        x.writeEndElement();
    }

    private static void geometry(XMLStreamWriter x, Geometry g) throws XMLStreamException {
        if (g instanceof Point p) {
            x.writeStartElement("Point");
            text(x, "coordinates", coords(p.getCoordinates()));
            x.writeEndElement();
        } else if (g instanceof LineString l) {
            x.writeStartElement("LineString");
            text(x, "tessellate", "1");
            text(x, "coordinates", coords(l.getCoordinates()));
            x.writeEndElement();
        } else if (g instanceof Polygon p) {
            x.writeStartElement("Polygon");
            ring(x, "outerBoundaryIs", p.getExteriorRing());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(x, "innerBoundaryIs", p.getInteriorRingN(i));
            }
            x.writeEndElement();
        } else {
            x.writeStartElement("MultiGeometry");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                geometry(x, g.getGeometryN(i));
            }
            x.writeEndElement();
        }
    }

    private static void ring(XMLStreamWriter x, String which, LineString ring) throws XMLStreamException {
        x.writeStartElement(which);
        x.writeStartElement("LinearRing");
        text(x, "coordinates", coords(ring.getCoordinates()));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static String coords(Coordinate[] cs) {
        StringBuilder sb = new StringBuilder();
        for (Coordinate c : cs) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(CsvExport.coordinate(c.x).toPlainString())
                    .append(',')
                    .append(CsvExport.coordinate(c.y).toPlainString());
        }
        return sb.toString();
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        // Characters XML 1.0 cannot hold at all (controls other than tab and line ends) are dropped.
        x.writeCharacters(value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", ""));
        x.writeEndElement();
    }
}
