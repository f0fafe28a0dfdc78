package org.frontline.briefings.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.layers.FeatureCollectionWriter;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a player needs: the briefing's frames and layer styles, the offline basemap, and each frame's features
 * read from the store as of the edition's record time (a draft reads the current knowledge).
 */
@Component
public class BriefingData {
    static final int DEFAULT_EVENT_WINDOW_DAYS = 7;

    private final LayerService layers;
    private final FeatureCollectionWriter writer;
    private final ChangeOverlay overlay;
    private final JsonMapper json;

    BriefingData(LayerService layers, FeatureCollectionWriter writer, ChangeOverlay overlay, JsonMapper json) {
        this.layers = layers;
        this.writer = writer;
        this.overlay = overlay;
        this.json = json;
    }

    /** The record time playback reads at: the edition's for a published briefing, now for a draft. */
    public static Instant asOf(Briefing b) {
        return b.published() ? b.recordTime() : null;
    }

    public ObjectNode meta(Briefing b) {
        ObjectNode root = json.createObjectNode();
        root.put("slug", b.slug());
        root.put("title", b.title());
        root.put("status", b.status());
        root.put("edition", b.edition());
        root.put("recordTime", b.recordTime() == null ? null : b.recordTime().toString());
        ArrayNode ls = root.putArray("layers");
        for (Layer l : layers.layers()) {
            ObjectNode o = ls.addObject();
            o.put("id", l.id());
            o.put("title", l.title());
            o.put("kind", l.kind().name().toLowerCase());
            o.set("style", json.readTree(l.style()));
        }
        ArrayNode fs = root.putArray("frames");
        for (int i = 0; i < b.frames().size(); i++) {
            Frame f = b.frames().get(i);
            ObjectNode o = fs.addObject();
            o.put("n", i + 1);
            o.put("id", f.id());
            o.put("title", f.title());
            o.put("day", f.day().toString());
            o.put("windowFrom", windowFrom(f).toString());
            o.putArray("center").add(f.centerLat()).add(f.centerLon());
            o.put("zoom", f.zoom());
            if (f.bbox() != null) {
                ArrayNode bb = o.putArray("bbox");
                f.bbox().forEach(bb::add);
            }
            ArrayNode vis = o.putArray("layers");
            f.layers().forEach(vis::add);
            ArrayNode hi = o.putArray("highlights");
            f.highlights().forEach(hi::add);
            o.put("overlay", f.overlay());
        }
        root.set("basemap", basemap());
        return root;
    }

    /** Frame {@code index} (0-based): {"layers": {id: FeatureCollection}, "overlay": FeatureCollection|null}. */
    public ObjectNode frameData(Briefing b, int index) {
        Frame f = b.frames().get(index);
        ObjectNode root = json.createObjectNode();
        ObjectNode byLayer = root.putObject("layers");
        features(b, f).forEach((id, list) -> byLayer.set(id, collection(list)));
        root.set("overlay", overlay(b, index));
        return root;
    }

    /** Frame {@code index}'s analysis overlay (ground gained since the previous frame), or null if it has none. */
    JsonNode overlay(Briefing b, int index) {
        Frame f = b.frames().get(index);
        return "change-since-previous".equals(f.overlay()) && index > 0
                ? overlay.change(b.frames().get(index - 1), f, asOf(b))
                : null;
    }

    /** The pinned features of each visible layer of a frame, in the frame's layer order. */
    public Map<String, List<StoredFeature>> features(Briefing b, Frame f) {
        Map<String, List<StoredFeature>> out = new LinkedHashMap<>();
        for (String id : f.layers()) {
            Layer layer = layers.layer(id).orElse(null);
            if (layer == null) {
                continue; // a layer removed since the frame was made: nothing to draw
            }
            out.put(id, layers.list(query(layer, f).asOf(asOf(b))));
        }
        return out;
    }

    static FeatureQuery query(Layer layer, Frame f) {
        if (layer.kind() == LayerKind.EVENT) {
            return FeatureQuery.between(
                    layer.id(), start(windowFrom(f)), start(f.day().plusDays(1)));
        }
        return FeatureQuery.at(layer.id(), start(f.day()));
    }

    static LocalDate windowFrom(Frame f) {
        return f.windowFrom() != null ? f.windowFrom() : f.day().minusDays(DEFAULT_EVENT_WINDOW_DAYS - 1);
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    JsonNode collection(List<StoredFeature> list) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(list, out);
        return json.readTree(out.toByteArray());
    }

    /** The offline basemap shipped under geodata/basemap (land, borders, place labels); empty if absent. */
    public ObjectNode basemap() {
        ObjectNode o = json.createObjectNode();
        for (String name : List.of("land", "borders", "places")) {
            ClassPathResource r = new ClassPathResource("geodata/basemap/" + name + ".geojson");
            if (!r.exists()) {
                continue;
            }
            try (InputStream in = r.getInputStream()) {
                o.set(name, json.readTree(in));
            } catch (IOException e) {
                throw new IllegalStateException("basemap " + name + " is unreadable", e);
            }
        }
        return o;
    }
}
