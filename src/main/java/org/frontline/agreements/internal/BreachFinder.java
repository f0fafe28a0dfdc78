package org.frontline.agreements.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.frontline.agreements.Agreement;
import org.frontline.agreements.Breach;
import org.frontline.agreements.BreachCount;
import org.frontline.agreements.Clause;
import org.frontline.layers.CountQuery;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.frontline.layers.TimeBucket;
import org.frontline.settings.FrontlineSettings;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * Finds the events that breach an agreement's clauses. Computed from the stored events on every request, so
 * accepted or corrected events count at once and {@code asOf} answers as the system knew it then. The
 * database narrows events by layer, valid time and the area (index-served; PostGIS tests the exact geometry,
 * the embedded store a prepared geometry in Java).
 */
@Component
class BreachFinder {
    private final LayerService layers;
    private final ClauseAreas areas;
    private final String eventsLayer;

    BreachFinder(LayerService layers, ClauseAreas areas, FrontlineSettings settings) {
        String eventsLayer = settings.reports().eventsLayer();
        this.layers = layers;
        this.areas = areas;
        this.eventsLayer = eventsLayer;
    }

    void find(Agreement a, LocalDate from, LocalDate to, Instant asOf, Consumer<Breach> sink) {
        windows(a, from, to, asOf, (rule, s, e, area) -> scan(rule, s, e, area, asOf, sink));
    }

    /** The breaches counted per bucket, clause and actor class: one GROUP BY in the database per clause area. */
    List<BreachCount> count(Agreement a, LocalDate from, LocalDate to, Instant asOf, TimeBucket by) {
        List<BreachCount> out = new ArrayList<>();
        windows(a, from, to, asOf, (rule, s, e, area) -> {
            CountQuery q = CountQuery.of(FeatureQuery.between(eventsLayer, s, e).asOf(asOf), by)
                    .within(area)
                    .groupBy(List.of("actor1"))
                    .matching(List.of("eventType", "subEventType"), rule.forbids);
            for (CountQuery.Row r : layers.count(q)) {
                String actorClass = actorClass(r.values().get(0), rule.bound);
                if (actorClass != null) {
                    out.add(new BreachCount(r.bucket(), rule.clause.id(), actorClass, r.count(), r.fatalities()));
                }
            }
        });
        return out;
    }

    private interface Window {
        void accept(Rule rule, Instant from, Instant to, Geometry area);
    }

    /** Each clause's breachable window within [from, to), split by the versions of its area (null: anywhere). */
    private void windows(Agreement a, LocalDate from, LocalDate to, Instant asOf, Window sink) {
        if (layers.layer(eventsLayer).isEmpty()) {
            return;
        }
        LocalDate lo = from != null ? from : a.effectiveFrom();
        LocalDate hi = to != null
                ? to
                : a.endsOn() != null
                        ? a.endsOn()
                        : LocalDate.now(ZoneOffset.UTC).plusDays(1);
        for (Clause c : a.clauses()) {
            if (c.forbids().isEmpty()) {
                continue;
            }
            LocalDate start = max(lo, c.breachableFrom(a));
            LocalDate end = c.endsOn(a) == null ? hi : min(hi, c.endsOn(a));
            if (!start.isBefore(end)) {
                continue;
            }
            Instant s = StoredAgreements.day(start);
            Instant e = StoredAgreements.day(end);
            Rule rule = new Rule(
                    c,
                    Set.copyOf(c.forbids()),
                    c.boundParties().stream()
                            .map(p -> p.toLowerCase(Locale.ROOT))
                            .collect(Collectors.toSet()));
            if (c.area() == null
                    || c.area().feature() == null
                    || c.area().feature().isEmpty()) {
                sink.accept(rule, s, e, null);
                continue;
            }
            for (StoredFeature zone : areas.during(c, s, e, asOf)) {
                Instant zs = zone.validFrom().isAfter(s) ? zone.validFrom() : s;
                Instant ze = zone.validTo() != null && zone.validTo().isBefore(e) ? zone.validTo() : e;
                if (zs.isBefore(ze)) {
                    sink.accept(rule, zs, ze, zone.geometry());
                }
            }
        }
    }

    /**
     * The actor class of an event by {@code actor}: unknown when unnamed or "Unidentified …", the actor when the
     * clause binds it (or binds everyone), null when a known actor is not bound.
     */
    private static String actorClass(String actor, Set<String> bound) {
        if (actor == null || actor.isBlank() || actor.toLowerCase(Locale.ROOT).startsWith("unidentified")) {
            return Breach.UNKNOWN_ACTOR;
        }
        return bound.isEmpty() || bound.contains(actor.toLowerCase(Locale.ROOT)) ? actor : null;
    }

    private void scan(Rule rule, Instant from, Instant to, Geometry area, Instant asOf, Consumer<Breach> sink) {
        FeatureQuery q = FeatureQuery.between(eventsLayer, from, to).asOf(asOf);
        Consumer<StoredFeature> check = ev -> {
            if (ev.validFrom().isBefore(from) || !ev.validFrom().isBefore(to)) {
                return; // dated outside the window (an event spanning into it does not start in it)
            }
            Map<String, Object> p = ev.properties();
            String type = text(p.get("eventType"));
            String sub = text(p.get("subEventType"));
            if (!rule.forbids.contains(type) && !rule.forbids.contains(sub)) {
                return;
            }
            String actor = text(p.get("actor1"));
            String actorClass = actorClass(actor, rule.bound);
            if (actorClass == null) {
                return; // a known actor the clause does not bind
            }
            sink.accept(new Breach(
                    ev.featureId(),
                    ev.validFrom().atOffset(ZoneOffset.UTC).toLocalDate(),
                    ev.geometry(),
                    type,
                    sub,
                    actor,
                    actorClass,
                    rule.clause.id(),
                    rule.clause.type().code(),
                    p.get("fatalities") instanceof Number n ? n : null,
                    text(p.get("title"))));
        };
        if (area == null) {
            layers.stream(q, check);
        } else {
            layers.streamWithin(q, area, check);
        }
    }

    private static String text(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private record Rule(Clause clause, Set<String> forbids, Set<String> bound) {}
}
