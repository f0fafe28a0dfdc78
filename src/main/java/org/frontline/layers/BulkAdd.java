package org.frontline.layers;

import java.util.List;
import java.util.Map;

/**
 * Adds many new features to one layer inside the caller's transaction without looking their ids up one by one
 * ({@link LayerService#bulkAdd}). The caller vouches for what {@link LayerService#addRecorded} checks per row: no
 * id is current in the layer (it read the layer's ids after {@code bulkAdd} locked the layer) and no id repeats
 * with overlapping valid times. What it cannot know, whether another layer uses an id, is one query per call.
 */
public interface BulkAdd {

    /**
     * Stores the features (ids given or generated) unless other layers use some of their ids: then it stores
     * nothing and returns those ids, each with the layer that uses it. A geometry that does not fit the layer's kind
     * is refused (400).
     */
    Map<String, String> add(List<NewFeature> features);

    /** The ids among these features that other layers use, each with (the first of) those layers. */
    Map<String, String> idsOfOtherLayers(List<NewFeature> features);
}
