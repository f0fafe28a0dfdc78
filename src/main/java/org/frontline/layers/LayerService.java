package org.frontline.layers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.frontline.web.NotFoundException;
import org.locationtech.jts.geom.Geometry;

/**
 * The public face of the temporal feature store: other features (analysis, reports, briefings,
 * export) use this, never the tables.
 */
public interface LayerService {

    /** The one answer to a layer id that does not exist: 404 "there is no layer 'id'". */
    static NotFoundException unknownLayer(String id) {
        return new NotFoundException("there is no layer '" + id + "'");
    }

    /** The layer, or 404 (see {@link #unknownLayer(String)}). */
    default Layer require(String id) {
        return layer(id).orElseThrow(() -> unknownLayer(id));
    }

    List<Layer> layers();

    Optional<Layer> layer(String id);

    /** The layer's definition without its time extent: cheap, for the time-slider path. */
    Optional<Layer> definition(String id);

    /** Creates the layer if it does not exist (id, title, kind, style JSON object). */
    Layer ensureLayer(String id, String title, LayerKind kind, String styleJson);

    /** Streams the matching versions to {@code sink} without holding them all in memory. */
    void stream(FeatureQuery query, Consumer<StoredFeature> sink);

    /**
     * Streams the matching versions whose geometry intersects {@code area} (e.g. the events inside a zone). The
     * database narrows by the area's box through its index; PostGIS also tests the exact geometry.
     */
    void streamWithin(FeatureQuery query, Geometry area, Consumer<StoredFeature> sink);

    /**
     * Counts versions per time bucket and per property values (see {@link CountQuery}): a GROUP BY in the
     * database over the same rows as {@link #stream}, through the same indexes. PostGIS also tests the
     * {@code within} area exactly; the embedded store narrows by its box and tests the rest in Java.
     */
    List<CountQuery.Row> count(CountQuery query);

    /** The matching versions as a list (for analysis on moderate amounts of data). */
    List<StoredFeature> list(FeatureQuery query);

    /** Adds features to a layer, all or none; returns their feature ids. */
    List<String> add(String layerId, List<NewFeature> features, String user, String reason);

    /**
     * Adds features whose record time is known to be earlier than now (importing what was learned then,
     * e.g. a scenario reconstructed from dated reports).
     */
    List<String> addRecorded(String layerId, List<NewFeature> features, String user, String reason, Instant recordedAt);

    /**
     * Starts a bulk add of new features recorded at {@code recordedAt} (an import): locks the layer for writing
     * until the caller's transaction ends, which must be open (see {@link BulkAdd} for what the caller vouches for).
     */
    BulkAdd bulkAdd(String layerId, String user, String reason, Instant recordedAt);

    /** Corrects a feature over the valid time of {@code replacement}; returns the new version. */
    StoredFeature correct(String featureId, NewFeature replacement, String user, String reason);

    /** Retracts every current version of a feature (closes its record time). */
    void retract(String featureId, String user, String reason);

    /** Every version of a feature, oldest record first. */
    List<StoredFeature> history(String featureId);
}
