package org.frontline.layers.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.frontline.layers.CountQuery;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.QueryParams;
import org.frontline.layers.TimeBucket;
import org.frontline.web.BadInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The time bar's histogram: an event layer's events and fatalities per day, week or month, counted in the
 * database ({@link HistogramCounts}: from the daily cell table, or the events themselves for small views and record
 * times). An event counts in the bucket it starts in. Without from/to the layer's whole extent; empty buckets are
 * kept so bars line up. {@code exact} is false when a very busy view was counted to whole cells at its edges.
 */
@RestController
class HistogramController {
    /** At most this many buckets (ten years of days). */
    static final int MAX_BUCKETS = 3700;

    private final StoreService store;
    private final HistogramCounts counts;

    HistogramController(StoreService store, HistogramCounts counts) {
        this.store = store;
        this.counts = counts;
    }

    record Bar(LocalDate start, long events, double fatalities) {}

    record Histogram(
            String layer,
            String bucket,
            LocalDate from,
            LocalDate to,
            long events,
            double fatalities,
            boolean exact,
            List<Bar> buckets) {}

    @GetMapping("/api/layers/{layer}/histogram")
    Histogram histogram(
            @PathVariable String layer,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "day") String bucket) {
        TimeBucket unit = TimeBucket.parse(bucket, "bucket");
        Layer l = store.layer(layer).orElseThrow(() -> LayerService.unknownLayer(layer));
        if (l.kind() != LayerKind.EVENT) {
            throw new BadInputException("layer '" + layer + "' holds "
                    + l.kind().code() + " features; histograms are counted for event layers");
        }
        if (l.extentFrom() == null && (from == null || to == null)) {
            return new Histogram(layer, unit.code(), null, null, 0, 0, true, List.of());
        }
        String f = from != null ? from : UtcDays.day(l.extentFrom()).toString();
        String t = to != null ? to : UtcDays.day(l.extentTo()).toString();
        FeatureQuery q = QueryParams.parse(l, null, f, t, bbox, asOf);
        LocalDate first = unit.start(UtcDays.day(q.from()));
        LocalDate end = UtcDays.day(q.to().minusNanos(1)).plusDays(1);
        TreeMap<LocalDate, long[]> events = new TreeMap<>();
        TreeMap<LocalDate, double[]> killed = new TreeMap<>();
        for (LocalDate d = first; d.isBefore(end); d = unit.next(d)) {
            if (events.size() >= MAX_BUCKETS) {
                throw new BadInputException("from/to span more than " + MAX_BUCKETS + " " + unit.code()
                        + " buckets: choose a coarser bucket or a shorter range");
            }
            events.put(d, new long[1]);
            killed.put(d, new double[1]);
        }
        long total = 0;
        double deaths = 0;
        HistogramCounts.Counts counted = counts.count(q, unit);
        for (CountQuery.Row r : counted.rows()) {
            events.get(r.bucket())[0] += r.count();
            killed.get(r.bucket())[0] += r.fatalities();
            total += r.count();
            deaths += r.fatalities();
        }
        List<Bar> bars = new ArrayList<>(events.size());
        events.forEach((d, n) -> bars.add(new Bar(d, n[0], killed.get(d)[0])));
        return new Histogram(layer, unit.code(), first, end.minusDays(1), total, deaths, counted.exact(), bars);
    }
}
