package org.frontline.layers.internal;

import java.io.OutputStream;
import java.util.Map;
import java.util.function.Consumer;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.geo.GeoJsonGeometryWriter;
import org.frontline.layers.Provenance;
import org.frontline.layers.StoredFeature;
import org.frontline.web.TimeParam;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a FeatureCollection feature by feature, so an answer of any size streams in constant memory.
 * Stored properties arrive as JSON text and are copied through without being parsed.
 */
public final class GeoJsonFeatureStream implements AutoCloseable {
    private final JsonGenerator g;
    private final JsonMapper json;
    private final WKBReader wkb = new WKBReader(GeoJsonGeometryReader.WGS84);
    private long count;
    private boolean closed;

    public GeoJsonFeatureStream(OutputStream out, JsonMapper json) {
        this(json.createGenerator(out), json);
        g.writeStartObject();
        g.writeStringProperty("type", "FeatureCollection");
        g.writeName("features");
        g.writeStartArray();
    }

    private GeoJsonFeatureStream(JsonGenerator g, JsonMapper json) {
        this.json = json;
        this.g = g;
    }

    /** One Feature object (not in a collection), with {@code extra} members (e.g. links) at its end. */
    public static void writeSingle(OutputStream out, JsonMapper json, FeatureRow r, Consumer<JsonGenerator> extra) {
        try (JsonGenerator g = json.createGenerator(out)) {
            new GeoJsonFeatureStream(g, json).write(r, extra);
        }
    }

    public void write(FeatureRow r) {
        write(r, null);
    }

    private void write(FeatureRow r, Consumer<JsonGenerator> extra) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", r.featureId());
        g.writeName("geometry");
        try {
            GeoJsonGeometryWriter.write(g, wkb.read(r.wkb()));
        } catch (ParseException e) {
            throw new IllegalStateException("stored geometry of version " + r.versionId() + " is unreadable", e);
        }
        g.writeName("properties");
        g.writeStartObject();
        writeMeta(
                r.featureId(),
                r.versionId(),
                r.layerId(),
                r.validFrom(),
                r.validTo(),
                r.recordedAt(),
                r.recordedBy(),
                r.provenance());
        String props = r.propsJson().strip();
        if (props.length() > 2) {
            // The stored object holds no reserved keys, so its members can follow ours as they are.
            g.writeRaw(',');
            g.writeRaw(props, 1, props.length() - 2);
        }
        g.writeEndObject();
        if (extra != null) {
            extra.accept(g);
        }
        g.writeEndObject();
        count++;
        if (count % 256 == 0) {
            g.flush();
        }
    }

    public void write(StoredFeature f) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", f.featureId());
        g.writeName("geometry");
        GeoJsonGeometryWriter.write(g, f.geometry());
        g.writeName("properties");
        g.writeStartObject();
        writeMeta(
                f.featureId(),
                f.versionId(),
                f.layerId(),
                f.validFrom(),
                f.validTo(),
                f.recordedAt(),
                f.recordedBy(),
                f.provenance());
        for (Map.Entry<String, Object> e : f.properties().entrySet()) {
            g.writeName(e.getKey());
            json.writeValue(g, e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        count++;
    }

    private void writeMeta(
            String id,
            long versionId,
            String layerId,
            java.time.Instant validFrom,
            java.time.Instant validTo,
            java.time.Instant recordedAt,
            String recordedBy,
            Provenance p) {
        g.writeStringProperty("layer", layerId);
        g.writeStringProperty("validFrom", TimeParam.format(validFrom));
        g.writeStringProperty("validTo", TimeParam.format(validTo));
        g.writeStringProperty("sourcePublisher", p.publisher());
        g.writeStringProperty("sourceUrl", p.url());
        g.writeStringProperty("sourceDate", p.date() == null ? null : p.date().toString());
        g.writeStringProperty("confidence", p.confidence());
        g.writeStringProperty("geoPrecision", p.geoPrecision());
        g.writeStringProperty("timePrecision", p.timePrecision());
        g.writeNumberProperty("versionId", versionId);
        g.writeStringProperty("recordedAt", recordedAt.toString());
        g.writeStringProperty("recordedBy", recordedBy);
    }

    public long count() {
        return count;
    }

    @Override
    public void close() {
        close(null);
    }

    /** Ends the features array, writes {@code trailer}'s members (links, counts) and ends the collection. */
    public void close(Consumer<JsonGenerator> trailer) {
        if (closed) {
            return;
        }
        closed = true;
        g.writeEndArray();
        if (trailer != null) {
            trailer.accept(g);
        }
        g.writeEndObject();
        g.close();
    }
}
