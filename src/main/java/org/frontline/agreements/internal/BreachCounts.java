package org.frontline.agreements.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.frontline.agreements.BreachCount;
import org.frontline.layers.TimeBucket;
import org.frontline.web.BadInputException;

/** Breaches counted per day, ISO week (from Monday) or month, with the split per clause and per actor. */
final class BreachCounts {
    /** At most this many buckets in one answer (ten years of days). */
    static final int MAX_BUCKETS = 3700;

    record Bucket(
            LocalDate start, long total, double fatalities, Map<String, Long> byClause, Map<String, Long> byActor) {}

    record Counts(
            String by,
            LocalDate from,
            LocalDate to,
            long total,
            Map<String, Long> byClause,
            Map<String, Long> byActor,
            List<Bucket> buckets) {}

    private BreachCounts() {}

    /**
     * Every bucket from {@code from} to {@code to} (exclusive), empty ones included, so charts keep their axis;
     * counts outside them are left out.
     */
    static Counts of(List<BreachCount> counts, TimeBucket by, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, long[]> totals = new TreeMap<>();
        TreeMap<LocalDate, double[]> deaths = new TreeMap<>();
        TreeMap<LocalDate, Map<String, Long>> clauses = new TreeMap<>();
        TreeMap<LocalDate, Map<String, Long>> actors = new TreeMap<>();
        for (LocalDate d = by.start(from); d.isBefore(to); d = by.next(d)) {
            if (totals.size() >= MAX_BUCKETS) {
                throw new BadInputException("from/to span more than " + MAX_BUCKETS + " " + by.code()
                        + " buckets: choose a coarser 'by' or a shorter range");
            }
            totals.put(d, new long[1]);
            deaths.put(d, new double[1]);
            clauses.put(d, new TreeMap<>());
            actors.put(d, new TreeMap<>());
        }
        Map<String, Long> allClauses = new TreeMap<>();
        Map<String, Long> allActors = new TreeMap<>();
        long total = 0;
        for (BreachCount c : counts) {
            long[] t = totals.get(c.bucket());
            if (t == null) {
                continue;
            }
            t[0] += c.count();
            total += c.count();
            deaths.get(c.bucket())[0] += c.fatalities();
            clauses.get(c.bucket()).merge(c.clauseId(), c.count(), Long::sum);
            actors.get(c.bucket()).merge(c.actorClass(), c.count(), Long::sum);
            allClauses.merge(c.clauseId(), c.count(), Long::sum);
            allActors.merge(c.actorClass(), c.count(), Long::sum);
        }
        List<Bucket> out = new ArrayList<>();
        totals.forEach((d, t) -> out.add(new Bucket(d, t[0], deaths.get(d)[0], clauses.get(d), actors.get(d))));
        return new Counts(by.code(), from, to, total, allClauses, allActors, out);
    }
}
