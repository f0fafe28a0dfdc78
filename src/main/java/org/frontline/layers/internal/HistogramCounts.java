package org.frontline.layers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
    Counts count(FeatureQuery q, TimeBucket bucket) {
        if (q.asOf() != null || !midnight(q.from()) || !midnight(q.to())) {
            return events(q, bucket);
        }
        String layer = q.layerId();
        LocalDate from = day(q.from());
        LocalDate to = day(q.to());
        Envelope box = q.bbox();
        if (box == null) {
            return new Counts(cells.perBucket(layer, from, to, bucket, null), true);
        }
        CellBlock touching = CellBlock.touching(box);
        long all = cells.events(layer, from, to, touching);
        if (all <= exactLimit) {
            return events(q, bucket);
        }
        CellBlock inside = CellBlock.inside(box);
        long inner = inside.isEmpty() ? 0 : cells.events(layer, from, to, inside);
        if ((all - inner) * stripShare(box, touching, inside) > exactLimit) {
            return new Counts(cells.perBucket(layer, from, to, bucket, touching), false);
        }
        List<CountQuery.Row> rows = new ArrayList<>();
        if (!inside.isEmpty()) {
            rows.addAll(cells.perBucket(layer, from, to, bucket, inside));
        }
        for (Envelope strip : inside.isEmpty() ? List.of(box) : inside.stripsAround(box)) {
            rows.addAll(store.count(CountQuery.of(q.inside(strip), bucket)));
        }
        return new Counts(rows, true);
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

    private static boolean midnight(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay() == 0;
    }

    private static LocalDate day(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
