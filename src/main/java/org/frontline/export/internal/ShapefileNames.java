package org.frontline.export.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shapefile (dBASE) field names for the {@link FeatureTable} columns: at most 10 ASCII characters, unique and
 * readable. Our fixed columns and ACLED's have a fixed short name (the alias table in docs/formats.md, also
 * written into every shapefile zip as {@code <layer>.fields.csv}); other names that fit stay as they are, longer
 * ones are cut to 10 characters and numbered when two would collide.
 */
final class ShapefileNames {
    static final int MAX = 10;

    /** Long name → short name, for the columns every export of that kind has. */
    static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("recorded_at", "recorded"),
            Map.entry("recorded_by", "recorder"),
            Map.entry("source_publisher", "publisher"),
            Map.entry("source_date", "src_date"),
            Map.entry("geo_precision", "geo_prec"),
            Map.entry("time_precision", "time_prec"),
            Map.entry("disorder_type", "disorder"),
            Map.entry("sub_event_type", "sub_event"),
            Map.entry("assoc_actor_1", "assoc_act1"),
            Map.entry("assoc_actor_2", "assoc_act2"),
            Map.entry("interaction", "interact"),
            Map.entry("civilian_targeting", "civ_target"),
            Map.entry("source_scale", "src_scale"));

    private ShapefileNames() {}

    static List<String> of(List<FeatureTable.Column> columns) {
        List<String> out = new ArrayList<>(columns.size());
        Set<String> taken = new HashSet<>();
        for (FeatureTable.Column c : columns) {
            String name = FIXED.getOrDefault(c.name(), ascii(c.name()));
            if (name.length() > MAX) {
                name = name.substring(0, MAX);
            }
            for (int n = 1; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                name = name.substring(0, Math.min(name.length(), MAX - suffix.length())) + suffix;
            }
            out.add(name);
        }
        return out;
    }

    private static String ascii(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_]", "_");
        return s.isEmpty() ? "field" : s;
    }
}
