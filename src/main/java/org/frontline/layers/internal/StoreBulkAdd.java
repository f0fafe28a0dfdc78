package org.frontline.layers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import org.frontline.layers.BulkAdd;
import org.frontline.layers.Layer;
import org.frontline.layers.NewFeature;
import org.frontline.layers.internal.FeatureRepository.InsertVersion;
import org.frontline.web.BadInputException;

/** {@link BulkAdd} over the feature table: per call, one query for the ids other layers use and one batched insert. */
final class StoreBulkAdd implements BulkAdd {
    private final FeatureRepository features;
    private final Layer layer;
    private final BiFunction<String, NewFeature, InsertVersion> version;
    private int added;

    StoreBulkAdd(FeatureRepository features, Layer layer, BiFunction<String, NewFeature, InsertVersion> version) {
        this.features = features;
        this.layer = layer;
        this.version = version;
    }

    @Override
    public Map<String, String> add(List<NewFeature> news) {
        Map<String, String> foreign = idsOfOtherLayers(news);
        if (!foreign.isEmpty()) {
            return foreign;
        }
        List<InsertVersion> rows = new ArrayList<>(news.size());
        for (NewFeature f : news) {
            String kindProblem = GeometryKinds.problem(layer.kind(), f.geometry());
            if (kindProblem != null) {
                throw new BadInputException("feature " + StoreService.label(added, f) + ": " + kindProblem);
            }
            rows.add(version.apply(f.id() == null ? UUID.randomUUID().toString() : f.id(), f));
            added++;
        }
        features.insert(rows);
        return foreign;
    }

    @Override
    public Map<String, String> idsOfOtherLayers(List<NewFeature> news) {
        return features.idsOfOtherLayers(
                layer.id(),
                news.stream().map(NewFeature::id).filter(Objects::nonNull).toList());
    }
}
