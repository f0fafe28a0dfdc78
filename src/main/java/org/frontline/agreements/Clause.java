package org.frontline.agreements;

import java.time.LocalDate;
import java.util.List;

/**
 * One commitment of an agreement. {@code area} names the feature (of a layer) the clause applies to, so the
 * zone or route keeps its own valid time and history; null applies everywhere (a general ceasefire).
 * {@code from}/{@code to} narrow the agreement's dates; {@code deadline} is the day from which a withdrawal
 * must be complete (events before it are not breaches). {@code boundParties} empty binds every actor.
 * {@code forbids} lists ACLED event types or sub-event types that breach the clause.
 */
public record Clause(
        String id,
        ClauseType type,
        String text,
        AreaRef area,
        LocalDate from,
        LocalDate to,
        LocalDate deadline,
        List<String> boundParties,
        List<String> forbids) {

    /** A feature of a layer (the clause's zone, route or posts). */
    public record AreaRef(String layer, String feature) {}

    /** First day the clause can be breached: its start, the agreement's start, or the deadline. */
    public LocalDate breachableFrom(Agreement a) {
        LocalDate start = from != null ? from : a.effectiveFrom();
        return deadline != null && deadline.isAfter(start) ? deadline : start;
    }

    /** First day the clause no longer binds (exclusive), or null. */
    public LocalDate endsOn(Agreement a) {
        if (to == null) {
            return a.endsOn();
        }
        return a.endsOn() != null && a.endsOn().isBefore(to) ? a.endsOn() : to;
    }

    /** True while the clause is in force on {@code day}. */
    public boolean inForce(Agreement a, LocalDate day) {
        LocalDate start = from != null ? from : a.effectiveFrom();
        LocalDate end = endsOn(a);
        return !day.isBefore(start) && (end == null || day.isBefore(end));
    }
}
