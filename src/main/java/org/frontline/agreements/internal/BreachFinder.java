package org.frontline.agreements.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.frontline.agreements.Agreement;
import org.frontline.agreements.Breach;
import org.frontline.agreements.Clause;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
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
                scan(rule, s, e, null, asOf, sink);
                continue;
            }
            for (StoredFeature zone : areas.during(c, s, e, asOf)) {
                Instant zs = zone.validFrom().isAfter(s) ? zone.validFrom() : s;
                Instant ze = zone.validTo() != null && zone.validTo().isBefore(e) ? zone.validTo() : e;
                if (zs.isBefore(ze)) {
                    scan(rule, zs, ze, zone.geometry(), asOf, sink);
                }
            }
        }
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
            String actorClass;
            if (actor == null || actor.toLowerCase(Locale.ROOT).startsWith("unidentified")) {
                actorClass = Breach.UNKNOWN_ACTOR;
            } else if (rule.bound.isEmpty() || rule.bound.contains(actor.toLowerCase(Locale.ROOT))) {
                actorClass = actor;
            } else {
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
