package org.frontline.agreements.internal;

import java.time.Instant;
import java.util.List;
import org.frontline.agreements.Agreement;
import org.frontline.agreements.Clause;
import org.frontline.agreements.ClauseType;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.frontline.web.BadInputException;
import org.frontline.web.NotFoundException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.springframework.stereotype.Component;

/** The features that clauses apply to: checked when an agreement is stored, read over time for breaches. */
@Component
class ClauseAreas {
    private final LayerService layers;

    ClauseAreas(LayerService layers) {
        this.layers = layers;
    }

    /**
     * Checks that every clause's area is a feature of the right shape; returns a point inside the first one
     * (where the agreement is marked on the map).
     */
    Geometry check(Agreement a) {
        Geometry marker = null;
        for (int i = 0; i < a.clauses().size(); i++) {
            Clause c = a.clauses().get(i);
            String at = "clauses[" + i + "].area";
            if (c.area() == null) {
                if (c.type().shape() == ClauseType.Shape.AREA_OR_NONE) {
                    continue;
                }
                throw new BadInputException(
                        at + " is required for a " + c.type().code() + " clause");
            }
            Layer layer = layers.layer(c.area().layer())
                    .orElseThrow(() ->
                            new BadInputException(at + ".layer '" + c.area().layer() + "' is not a layer"));
            switch (c.type().shape()) {
                case POINTS -> {
                    if (layer.kind() != LayerKind.POINT) {
                        throw new BadInputException(at + ".layer '" + layer.id() + "' is not a point layer");
                    }
                    continue;
                }
                default -> {}
            }
            if (c.area().feature() == null || c.area().feature().isEmpty()) {
                throw new BadInputException(
                        at + ".feature is required for a " + c.type().code() + " clause");
            }
            List<StoredFeature> versions = versions(c, at);
            for (StoredFeature v : versions) {
                boolean fits = switch (c.type().shape()) {
                    case LINE -> v.geometry() instanceof Lineal;
                    default -> v.geometry() instanceof Polygonal;
                };
                if (!fits) {
                    throw new BadInputException(at + ": feature '" + c.area().feature() + "' is a "
                            + v.geometry().getGeometryType() + "; a " + c.type().code() + " clause needs "
                            + (c.type().shape() == ClauseType.Shape.LINE ? "a line" : "a polygon"));
                }
            }
            if (marker == null) {
                marker = versions.get(versions.size() - 1).geometry().getInteriorPoint();
            }
        }
        if (marker == null) {
            throw new BadInputException("clauses: at least one clause needs an area (the zone or route it applies to)");
        }
        return marker;
    }

    private List<StoredFeature> versions(Clause c, String at) {
        List<StoredFeature> all;
        try {
            all = layers.history(c.area().feature());
        } catch (NotFoundException e) {
            all = List.of();
        }
        List<StoredFeature> current = all.stream()
                .filter(v ->
                        v.supersededAt() == null && v.layerId().equals(c.area().layer()))
                .toList();
        if (current.isEmpty()) {
            throw new BadInputException(at + ".feature '" + c.area().feature() + "' is not a feature of layer '"
                    + c.area().layer() + "'");
        }
        return current;
    }

    /** The versions of a clause's area valid during [from, to), as known at {@code asOf}. */
    List<StoredFeature> during(Clause c, Instant from, Instant to, Instant asOf) {
        return layers.list(FeatureQuery.between(c.area().layer(), from, to).asOf(asOf)).stream()
                .filter(v -> v.featureId().equals(c.area().feature()))
                .toList();
    }
}
