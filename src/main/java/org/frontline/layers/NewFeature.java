package org.frontline.layers;

import java.time.Instant;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature version to store: geometry in EPSG:4326 (x = lon, y = lat), free properties (without the
 * reserved validity and provenance keys), valid time [validFrom, validTo) with validTo null = still true.
 * {@code id} is the stable feature id (null: the store makes one).
 */
public record NewFeature(
        String id,
        Geometry geometry,
        Map<String, Object> properties,
        Instant validFrom,
        Instant validTo,
        Provenance provenance) {}
