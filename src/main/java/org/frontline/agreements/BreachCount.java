package org.frontline.agreements;

import java.time.LocalDate;

/**
 * How many events breached one clause in one time bucket by one actor class (a named bound party, or
 * {@link Breach#UNKNOWN_ACTOR}), and their fatalities.
 */
public record BreachCount(LocalDate bucket, String clauseId, String actorClass, long count, double fatalities) {}
