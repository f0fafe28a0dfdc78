package org.frontline.agreements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A dated commitment between parties (a memorandum, a ceasefire protocol) and its clauses. It is in force
 * from {@code effectiveFrom} until {@code endsOn} (exclusive; null = not ended). Stored as a versioned
 * feature of the {@code agreements} layer, so corrections keep their history and {@code asOf} works.
 */
public record Agreement(
        String id,
        String name,
        List<String> parties,
        LocalDate signedOn,
        LocalDate effectiveFrom,
        LocalDate endsOn,
        List<Source> sources,
        String confidence,
        String notes,
        List<Clause> clauses,
        Instant recordedAt,
        String recordedBy) {

    /** Where the text of the agreement was published. */
    public record Source(String publisher, String url, LocalDate date) {}

    /** True while the agreement is in force on {@code day}. */
    public boolean inForce(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (endsOn == null || day.isBefore(endsOn));
    }
}
