package org.frontline.layers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.frontline.layers.CountQuery;
import org.frontline.layers.StoredFeature;

/**
 * The embedded store's counts where an exact area test is needed: the versions come from the store's own
 * exact stream ({@code streamWithin}) and are grouped here by the same rules as {@link CountRepository}'s SQL.
 */
final class JavaCounts {
    private JavaCounts() {}

    static List<CountQuery.Row> count(CountQuery q, Consumer<Consumer<StoredFeature>> source) {
        Instant from = q.features().from();
        Instant to = q.features().to();
        Map<List<Object>, double[]> groups = new HashMap<>();
        source.accept(f -> {
            if (f.validFrom().isBefore(from) || !f.validFrom().isBefore(to) || !matches(q, f.properties())) {
                return;
            }
            LocalDate day = f.validFrom().atOffset(ZoneOffset.UTC).toLocalDate();
            List<Object> key = new ArrayList<>();
            key.add(q.bucket().start(day));
            for (String p : q.groupBy()) {
                key.add(text(f.properties().get(p)));
            }
            double[] sums = groups.computeIfAbsent(key, k -> new double[2]);
            sums[0]++;
            sums[1] += f.properties().get("fatalities") instanceof Number n ? n.doubleValue() : 0;
        });
        List<CountQuery.Row> rows = new ArrayList<>();
        groups.forEach((key, sums) -> rows.add(new CountQuery.Row(
                (LocalDate) key.get(0),
                Arrays.asList(key.subList(1, key.size()).toArray(String[]::new)),
                (long) sums[0],
                sums[1])));
        return rows;
    }

    private static boolean matches(CountQuery q, Map<String, Object> props) {
        if (q.matchProperties().isEmpty() || q.matchValues().isEmpty()) {
            return true;
        }
        for (String p : q.matchProperties()) {
            String v = text(props.get(p));
            if (v != null && q.matchValues().contains(v)) {
                return true;
            }
        }
        return false;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
