package org.frontline.agreements.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.frontline.agreements.Breach;
import org.frontline.web.BadInputException;

/** Breaches counted per day, ISO week (from Monday) or month, with the split per clause and per actor. */
final class BreachCounts {
    /** At most this many buckets in one answer (ten years of days). */
    static final int MAX_BUCKETS = 3700;

    record Bucket(
            LocalDate start,
            int total,
            double fatalities,
            Map<String, Integer> byClause,
            Map<String, Integer> byActor) {}

    record Counts(
            String by,
            LocalDate from,
            LocalDate to,
            int total,
            Map<String, Integer> byClause,
            Map<String, Integer> byActor,
            List<Bucket> buckets) {}

    private BreachCounts() {}

    static LocalDate bucketOf(LocalDate d, String by) {
        return switch (by) {
            case "day" -> d;
            case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> d.withDayOfMonth(1);
            default -> throw new BadInputException("by must be day, week or month, got '" + by + "'");
        };
    }

    private static LocalDate next(LocalDate d, String by) {
        return switch (by) {
            case "day" -> d.plusDays(1);
            case "week" -> d.plusWeeks(1);
            default -> d.plusMonths(1);
        };
    }

    /** Every bucket from {@code from} to {@code to} (exclusive), empty ones included, so charts keep their axis. */
    static Counts of(List<Breach> breaches, String by, LocalDate from, LocalDate to) {
        bucketOf(from, by);
        TreeMap<LocalDate, int[]> totals = new TreeMap<>();
        TreeMap<LocalDate, double[]> deaths = new TreeMap<>();
        TreeMap<LocalDate, Map<String, Integer>> clauses = new TreeMap<>();
        TreeMap<LocalDate, Map<String, Integer>> actors = new TreeMap<>();
        int n = 0;
        for (LocalDate d = bucketOf(from, by); d.isBefore(to); d = next(d, by)) {
            if (++n > MAX_BUCKETS) {
                throw new BadInputException("from/to span more than " + MAX_BUCKETS + " " + by
                        + " buckets: choose a coarser 'by' or a shorter range");
            }
            totals.put(d, new int[1]);
            deaths.put(d, new double[1]);
            clauses.put(d, new TreeMap<>());
            actors.put(d, new TreeMap<>());
        }
        Map<String, Integer> allClauses = new TreeMap<>();
        Map<String, Integer> allActors = new TreeMap<>();
        int total = 0;
        for (Breach b : breaches) {
            LocalDate key = bucketOf(b.date(), by);
            int[] t = totals.get(key);
            if (t == null) {
                continue;
            }
            t[0]++;
            total++;
            deaths.get(key)[0] += b.fatalities() == null ? 0 : b.fatalities().doubleValue();
            clauses.get(key).merge(b.clauseId(), 1, Integer::sum);
            actors.get(key).merge(b.actorClass(), 1, Integer::sum);
            allClauses.merge(b.clauseId(), 1, Integer::sum);
            allActors.merge(b.actorClass(), 1, Integer::sum);
        }
        List<Bucket> out = new ArrayList<>();
        totals.forEach((d, t) -> out.add(new Bucket(d, t[0], deaths.get(d)[0], clauses.get(d), actors.get(d))));
        return new Counts(by, from, to, total, allClauses, allActors, out);
    }
}
