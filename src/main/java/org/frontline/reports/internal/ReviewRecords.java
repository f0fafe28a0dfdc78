package org.frontline.reports.internal;

import java.time.Instant;
import java.time.LocalDate;

/** Records of the review queue. */
final class ReviewRecords {

    private ReviewRecords() {}

    /** A stored report. */
    record StoredReport(
            long id,
            String title,
            String url,
            String publisher,
            LocalDate published,
            String format,
            String body,
            String submittedBy,
            Instant submittedAt) {}

    /** A queued candidate event with the report excerpt it came from. */
    record QueuedCandidate(
            long id,
            long reportId,
            String status,
            String eventType,
            String subEventType,
            String placeName,
            Long geonamesId,
            double lat,
            double lon,
            String geoPrecision,
            LocalDate date,
            String timePrecision,
            Long fatalities,
            Long displaced,
            String actors,
            int spanStart,
            int spanEnd,
            double confidence,
            String reviewedBy,
            Instant reviewedAt,
            String featureId,
            String reportTitle,
            String reportPublisher,
            String reportUrl,
            LocalDate reportPublished) {}

    /**
     * An analyst's changes to a candidate (null = keep). {@code geonamesId} moves it to that gazetteer entry (its
     * name and point, unless placeName or lat/lon are given too).
     */
    record CandidateEdit(
            String eventType,
            String subEventType,
            String placeName,
            Long geonamesId,
            Double lat,
            Double lon,
            LocalDate date,
            String timePrecision,
            Long fatalities,
            Long displaced) {}
}
