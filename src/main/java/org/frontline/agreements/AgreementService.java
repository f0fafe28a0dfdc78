package org.frontline.agreements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.frontline.layers.TimeBucket;

/** The agreements module's façade: agreements as versioned data, and the events that breach them. */
public interface AgreementService {

    /** Current agreements (as known at {@code asOf}, null = now), ordered by effective date. */
    List<Agreement> list(Instant asOf);

    Optional<Agreement> find(String id, Instant asOf);

    /** Validates and stores a new agreement, all or nothing. */
    Agreement create(String bodyJson, String user);

    /** Stores a corrected version (the old one stays in the history). */
    Agreement correct(String id, String bodyJson, String user, String reason);

    /** Every stored version, oldest record first. */
    List<Agreement> history(String id);

    /** The breaches of events dated in [from, to) (null = the agreement's own dates). */
    void breaches(Agreement a, LocalDate from, LocalDate to, Instant asOf, Consumer<Breach> sink);

    /**
     * The same breaches counted per bucket, clause and actor class, by the database where it can (PostGIS:
     * one GROUP BY per clause area), without reading each event into the application.
     */
    List<BreachCount> breachCounts(Agreement a, LocalDate from, LocalDate to, Instant asOf, TimeBucket by);
}
