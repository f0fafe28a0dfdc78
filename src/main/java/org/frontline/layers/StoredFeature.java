package org.frontline.layers;

import java.time.Instant;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** One stored version of a feature, with its valid time, record time and provenance. */
public record StoredFeature(
        String featureId,
        long versionId,
        String layerId,
        Geometry geometry,
        Map<String, Object> properties,
        Instant validFrom,
        Instant validTo,
        Instant recordedAt,
        String recordedBy,
        String changeReason,
        Instant supersededAt,
        String supersededBy,
        String supersededReason,
        Provenance provenance) {

    /** True when this version was valid on the ground at {@code t}. */
    public boolean validAt(Instant t) {
        return !validFrom.isAfter(t) && (validTo == null || validTo.isAfter(t));
    }
}
