package org.frontline.layers;

import java.io.OutputStream;
import java.util.Collection;
import org.frontline.layers.internal.GeoJsonFeatureStream;
import org.frontline.layers.internal.StoreService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Streams the answer to a {@link FeatureQuery} as an RFC 7946 FeatureCollection. */
@Component
public class FeatureCollectionWriter {
    public static final String GEOJSON = "application/geo+json";

    private final StoreService store;
    private final JsonMapper json;

    FeatureCollectionWriter(StoreService store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Writes every matching version; returns how many. The database pages the rows (fetch size). */
    public long write(FeatureQuery query, OutputStream out) {
        try (GeoJsonFeatureStream stream = new GeoJsonFeatureStream(out, json)) {
            store.streamRows(query, stream::write);
            return stream.count();
        }
    }

    /** Writes features already in hand (analysis results, history). */
    public void write(Collection<StoredFeature> features, OutputStream out) {
        try (GeoJsonFeatureStream stream = new GeoJsonFeatureStream(out, json)) {
            features.forEach(stream::write);
        }
    }
}
