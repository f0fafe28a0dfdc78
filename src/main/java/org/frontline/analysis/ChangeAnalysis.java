package org.frontline.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.frontline.layers.Layer;

/** The analysis module's façade for other modules: ground gained and lost between two dates. */
public interface ChangeAnalysis {

    /** Polygons to draw (gained/lost per party), the per-party table and the places that changed hands. */
    record Answer(
            List<ResultFeature> features,
            List<Map<String, Object>> table,
            List<Map<String, Object>> placesChangedHands) {}

    /**
     * Change on an area layer between two instants.
     *
     * @param asOf the record time to read the areas at (a published briefing's); null reads current knowledge
     */
    Answer between(Layer areas, Instant from, Instant to, double minKm2, Instant asOf);
}
