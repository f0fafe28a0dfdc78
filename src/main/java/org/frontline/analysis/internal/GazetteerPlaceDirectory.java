package org.frontline.analysis.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.Place;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.frontline.settings.FrontlineSettings;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

/**
 * Named places for analysis: the gazetteer's populated places (a loaded GeoNames country dump adds the
 * villages cities500 lacks) plus the named points of the posts layer.
 */
@Component
class GazetteerPlaceDirectory implements PlaceDirectory {
    private final Gazetteer gazetteer;
    private final LayerService layers;
    private final String postsLayer;

    GazetteerPlaceDirectory(Gazetteer gazetteer, LayerService layers, FrontlineSettings settings) {
        this.gazetteer = gazetteer;
        this.layers = layers;
        this.postsLayer = settings.analysis().postsLayer();
    }

    @Override
    public List<NamedPlace> placesIn(Envelope box) {
        List<NamedPlace> out = new ArrayList<>();
        for (Place p : gazetteer.settlementsIn(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(), 0)) {
            out.add(new NamedPlace(p.name(), p.lon(), p.lat(), p.population()));
        }
        if (layers.layer(postsLayer).isPresent()) {
            Set<String> seen = new HashSet<>();
            for (StoredFeature f : layers.list(FeatureQuery.between(postsLayer, TimeParam.EARLIEST, TimeParam.LATEST)
                    .inside(box))) {
                if (f.geometry() instanceof Point p && seen.add(f.featureId())) {
                    Object name = f.properties().get("name");
                    out.add(new NamedPlace(name == null ? f.featureId() : name.toString(), p.getX(), p.getY(), 0));
                }
            }
        }
        return out;
    }
}
