package org.frontline.layers.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.layers.FeatureQuery;
import org.springframework.stereotype.Component;

/**
 * An event window's counts per density cell, at zoom 12 or less from the daily cell table and its roll-ups
 * ({@link DailyCells}) for the whole UTC days of the window, and from the events themselves for the rest: those that start in the window's first or last
 * partial day, and those that started before it and are still valid when it opens. Exactly the versions the
 * window's feature query holds (valid time overlapping it), so long windows ("all so far") read days × cells
 * instead of every event. A record time, an instant or a zoom above 12 counts event by event.
 */
@Component
class DensityCells {
    static final int MAX_TABLE_ZOOM = 12;

    private final DensityRepository events;
    private final DailyCells table;

    DensityCells(DensityRepository events, DailyCells table) {
        this.events = events;
        this.table = table;
    }

    /** {@code q} is the window inside the box already snapped to the grid. */
    List<DensityRepository.Cell> cells(FeatureQuery q, DensityGrid grid) {
        events.planForMap(); // once for the request's transaction: every read below is a small index-bound one
        if (q.asOf() != null || q.instant() || grid.zoom() > MAX_TABLE_ZOOM || q.bbox() == null) {
            return events.cells(q, grid);
        }
        Instant firstDay = UtcDays.ceil(q.from());
        Instant lastDay = UtcDays.floor(q.to());
        if (!firstDay.isBefore(lastDay)) {
            return events.cells(q, grid); // no whole day in the window
        }
        List<DensityRepository.Cell> parts = new ArrayList<>(
                table.densityCells(q.layerId(), UtcDays.day(firstDay), UtcDays.day(lastDay), q.bbox(), grid));
        // started before the first whole day and valid at some point of the window (valid_to > from)
        if (firstDay.equals(q.from())) {
            parts.addAll(events.across(FeatureQuery.at(q.layerId(), q.from()).inside(q.bbox()), grid));
        } else {
            FeatureQuery before =
                    FeatureQuery.between(q.layerId(), q.from(), firstDay).inside(q.bbox());
            parts.addAll(events.cells(before, grid, null, firstDay));
        }
        // started in the last, partial day
        if (lastDay.isBefore(q.to())) {
            parts.addAll(events.cells(
                    FeatureQuery.between(q.layerId(), lastDay, q.to()).inside(q.bbox()), grid, lastDay, null));
        }
        return merge(parts);
    }

    private static List<DensityRepository.Cell> merge(List<DensityRepository.Cell> parts) {
        Map<List<Long>, double[]> sums = new LinkedHashMap<>();
        for (DensityRepository.Cell c : parts) {
            double[] s = sums.computeIfAbsent(List.of(c.column(), c.row()), k -> new double[4]);
            s[0] += c.count();
            s[1] += c.fatalities();
            s[2] += c.lon() * c.count();
            s[3] += c.lat() * c.count();
        }
        List<DensityRepository.Cell> cells = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> cells.add(new DensityRepository.Cell(
                k.get(0), k.get(1), (long) s[0], Math.round(s[1]), s[2] / s[0], s[3] / s[0])));
        return cells;
    }
}
