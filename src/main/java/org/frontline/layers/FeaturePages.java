package org.frontline.layers;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.frontline.web.BadInputException;
import tools.jackson.core.JsonGenerator;

/**
 * Pages through a {@link FeatureQuery} in a stable order (feature id, then version id) with keyset cursors,
 * so a client following next/prev links never sees a version twice or misses one, however large the layer.
 * Property filters ({@code name=value}) are checked in Java on the stored JSON, so the SQL stays portable.
 */
public interface FeaturePages {

    /** A position in the order: after (or before) this version. Encoded as an opaque URL-safe token. */
    record Cursor(String featureId, long versionId) {
        public String token() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((versionId + ":" + featureId).getBytes(StandardCharsets.UTF_8));
        }

        public static Cursor parse(String token, String name) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int colon = s.indexOf(':');
                return new Cursor(s.substring(colon + 1), Long.parseLong(s.substring(0, colon)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new BadInputException(name + " is not a cursor this service wrote: '" + token + "'");
            }
        }
    }

    /** Which page: {@code after} or {@code before} a cursor (neither: the first page), at most {@code limit}. */
    record PageRequest(FeatureQuery query, Map<String, String> propertyEquals, Cursor after, Cursor before, int limit) {
        public boolean backward() {
            return before != null;
        }
    }

    /** What a page held: how many, its first and last positions, and whether more lie beyond each end. */
    record PageInfo(int returned, Cursor first, Cursor last, boolean moreBefore, boolean moreAfter) {}

    /** A page of stored features and what it held. */
    record Page(List<StoredFeature> features, PageInfo info) {}

    /** Writes one page as a FeatureCollection; {@code trailer} adds members after the features (links, counts). */
    PageInfo writePage(PageRequest req, OutputStream out, BiConsumer<JsonGenerator, PageInfo> trailer);

    /** One page as stored features (for HTML pages). */
    Page page(PageRequest req);

    /** How many versions match the query and the property filters (OGC numberMatched). */
    long count(FeatureQuery query, Map<String, String> propertyEquals);

    /**
     * The feature's version that the query selects (time, record time), the latest by valid time when several
     * do, written as one GeoJSON Feature with {@code extra} members. False when there is none.
     */
    boolean writeFeature(FeatureQuery query, String featureId, OutputStream out, Consumer<JsonGenerator> extra);

    /** The same version as {@link #writeFeature}, as a stored feature. */
    Optional<StoredFeature> feature(FeatureQuery query, String featureId);

    /** [minLon, minLat, maxLon, maxLat] of the layer's current versions; null when it is empty. */
    double[] bbox(String layerId);
}
