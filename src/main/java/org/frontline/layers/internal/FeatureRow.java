package org.frontline.layers.internal;

import java.time.Instant;
import org.frontline.layers.Provenance;

/**
 * A stored version as the database hands it over: geometry as WKB and properties as JSON text, so the
 * streaming GeoJSON writer can pass them on without building objects it does not need.
 */
public record FeatureRow(
        String featureId,
        long versionId,
        String layerId,
        byte[] wkb,
        String propsJson,
        Instant validFrom,
        Instant validTo,
        Instant recordedAt,
        String recordedBy,
        String changeReason,
        Instant supersededAt,
        String supersededBy,
        String supersededReason,
        Provenance provenance) {}
