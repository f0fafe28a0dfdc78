package org.frontline.analysis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.frontline.web.BadInputException;
import org.frontline.web.NotFoundException;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Component;

/** Reads what analyses need from the feature store (through {@link LayerService}, never its tables). */
@Component
class AreaLayerReader {
    /** The property naming who holds a control area; features without it count as their own party. */
    static final String PARTY = "party";

    private final LayerService layers;

    AreaLayerReader(LayerService layers) {
        this.layers = layers;
    }

    /** The area held by each party at {@code at} (one geometry per party, in order of party name). */
    Map<String, Geometry> partiesAt(String layerId, Instant at) {
        return partiesAt(layerId, at, null);
    }

    /** The same, as the store knew it at record time {@code asOf} (null: now). */
    Map<String, Geometry> partiesAt(String layerId, Instant at, Instant asOf) {
        Map<String, List<Geometry>> parts = new TreeMap<>();
        FeatureQuery query = asOf == null
                ? FeatureQuery.at(layerId, at)
                : FeatureQuery.at(layerId, at).asOf(asOf);
        for (StoredFeature f : layers.list(query)) {
            parts.computeIfAbsent(partyOf(f), k -> new ArrayList<>()).add(f.geometry());
        }
        Map<String, Geometry> out = new LinkedHashMap<>();
        parts.forEach((party, gs) -> {
            Geometry g = gs.size() == 1 ? gs.get(0) : UnaryUnionOp.union(gs);
            out.put(party, g.isValid() ? g : GeometryFixer.fix(g));
        });
        return out;
    }

    static String partyOf(StoredFeature f) {
        Object p = f.properties().get(PARTY);
        return p == null || p.toString().isBlank() ? f.featureId() : p.toString();
    }

    /** Every instant at which the layer's current versions start or end, in order. */
    List<Instant> changeDates(String layerId) {
        TreeSet<Instant> dates = new TreeSet<>();
        for (StoredFeature f : layers.list(FeatureQuery.between(layerId, TimeParam.EARLIEST, TimeParam.LATEST))) {
            dates.add(f.validFrom());
            if (f.validTo() != null) {
                dates.add(f.validTo());
            }
        }
        return new ArrayList<>(dates);
    }

    /** True when some current version of the layer is still valid (has no end). */
    boolean openEnded(String layerId) {
        return layers.list(FeatureQuery.between(layerId, TimeParam.EARLIEST, TimeParam.LATEST)).stream()
                .anyMatch(f -> f.validTo() == null);
    }

    /** Current versions of a layer over all time. */
    List<StoredFeature> allCurrent(String layerId) {
        return layers.list(FeatureQuery.between(layerId, TimeParam.EARLIEST, TimeParam.LATEST));
    }

    /** The current version of a feature valid at {@code at}, or (at null) its latest one. */
    StoredFeature feature(String featureId, Instant at, String param) {
        if (featureId == null || featureId.isBlank()) {
            throw new BadInputException(param + " is missing (a feature id)");
        }
        List<StoredFeature> current;
        try {
            current = layers.history(featureId).stream()
                    .filter(v -> v.supersededAt() == null)
                    .toList();
        } catch (NotFoundException e) {
            throw new NotFoundException("there is no feature '" + featureId + "' (parameter " + param + ")");
        }
        if (current.isEmpty()) {
            throw new BadInputException(param + ": feature '" + featureId + "' has been retracted");
        }
        if (at == null) {
            return current.stream()
                    .max(Comparator.comparing(StoredFeature::validFrom))
                    .orElseThrow();
        }
        return current.stream()
                .filter(v -> v.validAt(at))
                .findFirst()
                .orElseThrow(() -> new BadInputException(
                        "at: feature '" + featureId + "' has no version valid at " + TimeParam.format(at)));
    }
}
