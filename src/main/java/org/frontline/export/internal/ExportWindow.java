package org.frontline.export.internal;

import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.QueryParams;

/**
 * The query parameters every export takes ({@code at}, {@code from}, {@code to}, {@code bbox}, {@code asOf}; all
 * optional, bound from the query string), parsed by the API's own rules, and the download's file name.
 */
record ExportWindow(String at, String from, String to, String bbox, String asOf) {

    FeatureQuery query(Layer layer) {
        return QueryParams.parse(layer, at, from, to, bbox, asOf);
    }

    /** {@code frontline-<layers>-<at or from_to>.<ext>}, safe as a file name. */
    String filename(String layers, String ext) {
        String when = at != null ? at : (from == null ? "start" : from) + "_" + (to == null ? "now" : to);
        return ("frontline-" + layers + "-" + when).replaceAll("[^A-Za-z0-9._+-]", "-") + "." + ext;
    }
}
