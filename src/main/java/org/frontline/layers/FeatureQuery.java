package org.frontline.layers;

import java.time.Instant;
import org.locationtech.jts.geom.Envelope;

/**
 * Which versions of a layer to read. Valid time: either an instant ({@code at}: validFrom ≤ at < validTo)
 * or a range ([from, to) overlapping the version's validity). Record time: {@code asOf} null means
 * the current knowledge, otherwise the versions the system held at that instant. {@code bbox} null = anywhere.
 */
public record FeatureQuery(String layerId, Instant from, Instant to, boolean instant, Envelope bbox, Instant asOf) {

    public static FeatureQuery at(String layerId, Instant at) {
        return new FeatureQuery(layerId, at, at, true, null, null);
    }

    public static FeatureQuery between(String layerId, Instant from, Instant to) {
        return new FeatureQuery(layerId, from, to, false, null, null);
    }

    public FeatureQuery inside(Envelope box) {
        return new FeatureQuery(layerId, from, to, instant, box, asOf);
    }

    public FeatureQuery asOf(Instant recordTime) {
        return new FeatureQuery(layerId, from, to, instant, bbox, recordTime);
    }
}
