package org.frontline.agreements;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * An event that breaches a clause in force: forbidden type, inside the clause's area, on or after its
 * deadline, by a bound party. {@code actorClass} is the actor, or {@link #UNKNOWN_ACTOR} when the report did
 * not say who.
 */
public record Breach(
        String eventId,
        LocalDate date,
        Geometry geometry,
        String eventType,
        String subEventType,
        String actor,
        String actorClass,
        String clauseId,
        String clauseType,
        Number fatalities,
        String title) {

    public static final String UNKNOWN_ACTOR = "unknown actor";
}
