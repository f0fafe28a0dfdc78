package org.frontline.briefings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.frontline.agreements.Agreement;
import org.frontline.agreements.AgreementService;
import org.frontline.agreements.BreachCount;
import org.frontline.agreements.Clause;
import org.frontline.layers.TimeBucket;
import org.frontline.style.DateWords;
import org.springframework.stereotype.Component;

/**
 * The state of the agreement a frame names, as the briefing's record time knew it: its clauses in force on the
 * frame's day, the breaches in the frame's event window, and the weekly breaches by actor from the agreement's
 * start to that day (the chart drawn by {@link BreachChartSvg} and the PDF).
 */
@Component
class FrameAgreement {
    private final AgreementService agreements;

    FrameAgreement(AgreementService agreements) {
        this.agreements = agreements;
    }

    /** One week's breaches per actor class. */
    record Week(LocalDate start, Map<String, Long> byActor) {
        long total() {
            return byActor.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** What a frame shows of its agreement; {@code actors} ordered by their total, most first. */
    record State(
            String id,
            String name,
            List<String> clauses,
            long breaches,
            LocalDate windowFrom,
            LocalDate day,
            List<Week> weeks,
            List<String> actors) {
        /** "12 breaches from 5 to 23 August 2019" */
        String breachLine() {
            return breaches + (breaches == 1 ? " breach" : " breaches") + " of " + name + " in "
                    + (windowFrom.equals(day)
                            ? DateWords.day(day)
                            : DateWords.day(windowFrom) + " – " + DateWords.day(day));
        }
    }

    /** The state for frame {@code f} of {@code b}, or null when the frame names no (known) agreement. */
    State of(Briefing b, Frame f) {
        if (f.agreement() == null) {
            return null;
        }
        Instant asOf = BriefingData.asOf(b);
        Agreement a = agreements.find(f.agreement(), asOf).orElse(null);
        if (a == null) {
            return null;
        }
        LocalDate day = f.day();
        LocalDate from = BriefingData.windowFrom(f);
        List<String> clauses = new ArrayList<>();
        for (Clause c : a.clauses()) {
            if (a.inForce(day) && c.inForce(a, day)) {
                clauses.add(c.type().code()
                        + (c.deadline() != null ? " (deadline " + DateWords.day(c.deadline()) + ")" : "") + ": "
                        + c.id());
            }
        }
        long inWindow = agreements.breachCounts(a, from, day.plusDays(1), asOf, TimeBucket.DAY).stream()
                .mapToLong(BreachCount::count)
                .sum();
        TreeMap<LocalDate, Map<String, Long>> weeks = new TreeMap<>();
        Map<String, Long> perActor = new LinkedHashMap<>();
        if (!day.isBefore(a.effectiveFrom())) {
            for (LocalDate w = TimeBucket.WEEK.start(a.effectiveFrom()); !w.isAfter(day); w = w.plusWeeks(1)) {
                weeks.put(w, new TreeMap<>());
            }
            for (BreachCount c :
                    agreements.breachCounts(a, a.effectiveFrom(), day.plusDays(1), asOf, TimeBucket.WEEK)) {
                weeks.computeIfAbsent(c.bucket(), k -> new TreeMap<>()).merge(c.actorClass(), c.count(), Long::sum);
                perActor.merge(c.actorClass(), c.count(), Long::sum);
            }
        }
        List<String> actors = perActor.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        List<Week> list = new ArrayList<>();
        weeks.forEach((w, m) -> list.add(new Week(w, m)));
        return new State(a.id(), a.name(), clauses, inWindow, from, day, list, actors);
    }
}
