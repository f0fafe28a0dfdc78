package org.frontline.layers;

import java.time.LocalDate;
import java.util.Set;

/**
 * Where a feature comes from and how sure and how precise it is (ACLED-like).
 * confidence: high / medium / low; geoPrecision: exact / near / admin; timePrecision: day / week / month / year.
 */
public record Provenance(
        String publisher, String url, LocalDate date, String confidence, String geoPrecision, String timePrecision) {

    public static final Set<String> CONFIDENCES = Set.of("high", "medium", "low");
    public static final Set<String> GEO_PRECISIONS = Set.of("exact", "near", "admin");
    public static final Set<String> TIME_PRECISIONS = Set.of("day", "week", "month", "season", "year");
}
