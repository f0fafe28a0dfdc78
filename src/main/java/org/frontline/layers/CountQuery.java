package org.frontline.layers;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;

/**
 * What {@link LayerService#count} counts: the versions of {@code features} whose valid time starts in its
 * window [from, to), per {@code bucket} of that start and per value of the {@code groupBy} properties.
 * Optionally only those intersecting {@code within} (exactly), and only those with one of {@code matchValues}
 * in one of the {@code matchProperties} (both empty: no such test). Property names are plain identifiers.
 */
public record CountQuery(
        FeatureQuery features,
        TimeBucket bucket,
        Geometry within,
        List<String> groupBy,
        List<String> matchProperties,
        Set<String> matchValues) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    public CountQuery {
        groupBy = List.copyOf(groupBy);
        matchProperties = List.copyOf(matchProperties);
        matchValues = Set.copyOf(matchValues);
        for (String p : groupBy) {
            checkName(p);
        }
        for (String p : matchProperties) {
            checkName(p);
        }
        if (features.instant()) {
            throw new IllegalArgumentException("counts are made over a window, not at an instant");
        }
    }

    /** Counts per bucket only. */
    public static CountQuery of(FeatureQuery features, TimeBucket bucket) {
        return new CountQuery(features, bucket, null, List.of(), List.of(), Set.of());
    }

    public CountQuery within(Geometry area) {
        return new CountQuery(features, bucket, area, groupBy, matchProperties, matchValues);
    }

    public CountQuery groupBy(List<String> properties) {
        return new CountQuery(features, bucket, within, properties, matchProperties, matchValues);
    }

    public CountQuery matching(List<String> properties, Set<String> values) {
        return new CountQuery(features, bucket, within, groupBy, properties, values);
    }

    private static void checkName(String p) {
        if (!NAME.matcher(p).matches()) {
            throw new IllegalArgumentException("not a property name: " + p);
        }
    }

    /**
     * One group: the bucket's first day, the {@code groupBy} values (null where absent), how many versions and
     * the sum of their numeric {@code fatalities}.
     */
    public record Row(java.time.LocalDate bucket, List<String> values, long count, double fatalities) {}
}
