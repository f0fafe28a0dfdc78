package org.frontline.layers.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.frontline.layers.CountQuery;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.TimeBucket;
import org.frontline.settings.FrontlineSettings;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event layer's events per bucket of their start day in a view, at any size of layer: from the daily cell table
 * where a view holds many events, from the events themselves where it holds few.
 * <ul>
 *   <li>A record time ({@code asOf}) or a window that does not start and end at midnight UTC: the events.
 *   <li>No box: the table, exactly.
 *   <li>The cells the box touches hold at most {@code frontline.map.exact-count-limit} events: the events.
 *   <li>Else the cells wholly inside the box from the table plus the events in the strips of the box around them,
 *       when those strips hold at most about the limit (the edge cells' events in proportion to the area of the
 *       strips): exact.
 *   <li>Else every cell the box touches, whole: exact to a cell ({@link CellBlock#CELL} degrees) at the box's edges,
 *       and said so ({@code exact = false}).
 * </ul>
 */
@Component
class HistogramCounts {
    private final StoreService store;
    private final DailyCells cells;
    private final long exactLimit;

    HistogramCounts(StoreService store, DailyCells cells, FrontlineSettings settings) {
        this.store = store;
        this.cells = cells;
        this.exactLimit = settings.map().exactCountLimit();
    }

    record Counts(List<CountQuery.Row> rows, boolean exact) {}

    @Transactional(readOnly = true)
    public Counts count(FeatureQuery q, TimeBucket bucket) {
        if (q.asOf() != null || !UtcDays.midnight(q.from()) || !UtcDays.midnight(q.to())) {
            return events(q, bucket);
        }
        String layer = q.layerId();
        LocalDate from = UtcDays.day(q.from());
        LocalDate to = UtcDays.day(q.to());
        Envelope box = q.bbox();
        if (box == null) {
            return new Counts(buckets(cells.perDay(layer, from, to, null, null), bucket, false), true);
        }
        CellBlock touching = CellBlock.touching(box);
        CellBlock inside = CellBlock.inside(box);
        List<DailyCells.Day> days = cells.perDay(layer, from, to, touching, inside.isEmpty() ? null : inside);
        long all = days.stream().mapToLong(DailyCells.Day::events).sum();
        long inner = days.stream()
                .filter(DailyCells.Day::inner)
                .mapToLong(DailyCells.Day::events)
                .sum();
        if (all <= exactLimit) {
            return events(q, bucket);
        }
        if ((all - inner) * stripShare(box, touching, inside) > exactLimit) {
            return new Counts(buckets(days, bucket, false), false);
        }
        List<CountQuery.Row> rows = new ArrayList<>(buckets(days, bucket, true));
        for (Envelope strip : inside.isEmpty() ? List.of(box) : inside.stripsAround(box)) {
            rows.addAll(store.count(CountQuery.of(q.inside(strip), bucket)));
        }
        return new Counts(rows, true);
    }

    /** The table's days summed per bucket; {@code innerOnly}: only the days' inner cells. */
    private static List<CountQuery.Row> buckets(List<DailyCells.Day> days, TimeBucket bucket, boolean innerOnly) {
        TreeMap<LocalDate, double[]> sums = new TreeMap<>();
        for (DailyCells.Day d : days) {
            if (innerOnly && !d.inner()) continue;
            double[] s = sums.computeIfAbsent(bucket.start(d.day()), k -> new double[2]);
            s[0] += d.events();
            s[1] += d.fatalities();
        }
        List<CountQuery.Row> rows = new ArrayList<>(sums.size());
        sums.forEach((start, s) -> rows.add(new CountQuery.Row(start, List.of(), (long) s[0], s[1])));
        return rows;
    }

    /**
     * The share of the edge cells' area that lies in the box: the edge cells' events times this estimates what the
     * strips hold, which is what counting them one by one costs.
     */
    private static double stripShare(Envelope box, CellBlock touching, CellBlock inside) {
        double innerArea = inside.isEmpty() ? 0 : inside.area();
        double edgeArea = touching.area() - innerArea;
        return edgeArea <= 0 ? 1 : Math.min(1, (box.getArea() - innerArea) / edgeArea);
    }

    private Counts events(FeatureQuery q, TimeBucket bucket) {
        return new Counts(store.count(CountQuery.of(q, bucket)), true);
    }
}
