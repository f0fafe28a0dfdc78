package org.frontline.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.frontline.reports.internal.ParseResult.Candidate;
import org.frontline.reports.internal.ReviewRecords.QueuedCandidate;
import org.frontline.reports.internal.ReviewRecords.StoredReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The report and report_candidate tables (V10). Parameterised SQL only. */
@Repository
class ReportRepository {

    private static final String CANDIDATE_COLUMNS = "c.id, c.report_id, c.status, c.event_type, c.sub_event_type, "
            + "c.place_name, c.geonames_id, c.lat, c.lon, c.geo_precision, c.event_date, c.time_precision, "
            + "c.fatalities, c.displaced, c.actors, c.span_start, c.span_end, c.confidence, c.reviewed_by, "
            + "c.reviewed_at, c.feature_id, r.title, r.publisher, r.url, r.published";

    private final JdbcTemplate jdbc;

    ReportRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    long insertReport(
            String title,
            String url,
            String publisher,
            LocalDate published,
            String format,
            String body,
            String user,
            Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "INSERT INTO report (title, url, publisher, published, format, body, "
                                    + "submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setString(1, cut(title, 500));
                    ps.setString(2, cut(url, 2000));
                    ps.setString(3, cut(publisher, 200));
                    ps.setObject(4, published);
                    ps.setString(5, format);
                    ps.setString(6, body);
                    ps.setString(7, user);
                    ps.setTimestamp(8, Timestamp.from(at));
                    return ps;
                },
                keys);
        return keys.getKey().longValue();
    }

    void insertCandidate(long reportId, Candidate c) {
        jdbc.update(
                "INSERT INTO report_candidate (report_id, status, event_type, sub_event_type, place_name, "
                        + "geonames_id, lat, lon, geo_precision, event_date, time_precision, fatalities, displaced, actors, "
                        + "span_start, span_end, confidence) VALUES (?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reportId,
                c.eventType(),
                c.subEventType(),
                cut(c.placeName(), 200),
                c.geonamesId(),
                c.lat(),
                c.lon(),
                c.geoPrecision(),
                c.date(),
                c.timePrecision(),
                c.fatalities(),
                c.displaced(),
                cut(String.join(", ", c.actors()), 1000),
                c.start(),
                c.end(),
                c.confidence());
    }

    Optional<StoredReport> report(long id) {
        return jdbc
                .query(
                        "SELECT id, title, url, publisher, published, format, body, submitted_by, submitted_at "
                                + "FROM report WHERE id = ?",
                        (rs, i) -> new StoredReport(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, LocalDate.class),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getTimestamp(9).toInstant()),
                        id)
                .stream()
                .findFirst();
    }

    List<QueuedCandidate> candidates(String status, int limit) {
        return jdbc.query(
                "SELECT " + CANDIDATE_COLUMNS + " FROM report_candidate c JOIN report r ON r.id = c.report_id "
                        + "WHERE c.status = ? ORDER BY c.id LIMIT ?",
                this::mapCandidate,
                status,
                limit);
    }

    List<QueuedCandidate> candidatesOf(long reportId) {
        return jdbc.query(
                "SELECT " + CANDIDATE_COLUMNS + " FROM report_candidate c JOIN report r ON r.id = c.report_id "
                        + "WHERE c.report_id = ? ORDER BY c.id",
                this::mapCandidate,
                reportId);
    }

    Optional<QueuedCandidate> candidate(long id) {
        return jdbc
                .query(
                        "SELECT " + CANDIDATE_COLUMNS + " FROM report_candidate c JOIN report r ON r.id = c.report_id "
                                + "WHERE c.id = ?",
                        this::mapCandidate,
                        id)
                .stream()
                .findFirst();
    }

    void update(
            long id,
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
            Long displaced) {
        jdbc.update(
                "UPDATE report_candidate SET event_type = ?, sub_event_type = ?, place_name = ?, geonames_id = ?, "
                        + "lat = ?, lon = ?, geo_precision = ?, event_date = ?, time_precision = ?, fatalities = ?, displaced = ? WHERE id = ?",
                eventType,
                subEventType,
                placeName,
                geonamesId,
                lat,
                lon,
                geoPrecision,
                date,
                timePrecision,
                fatalities,
                displaced,
                id);
    }

    /** Moves a pending candidate to a final status; false when it was no longer pending (someone else was first). */
    boolean decide(long id, String status, String user, Instant at, String featureId) {
        return jdbc.update(
                        "UPDATE report_candidate SET status = ?, reviewed_by = ?, reviewed_at = ?, feature_id = ? "
                                + "WHERE id = ? AND status = 'pending'",
                        status,
                        user,
                        Timestamp.from(at),
                        featureId,
                        id)
                == 1;
    }

    private QueuedCandidate mapCandidate(ResultSet rs, int i) throws SQLException {
        Timestamp reviewed = rs.getTimestamp(20);
        return new QueuedCandidate(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                (Long) rs.getObject(7, Long.class),
                rs.getDouble(8),
                rs.getDouble(9),
                rs.getString(10),
                rs.getObject(11, LocalDate.class),
                rs.getString(12),
                rs.getObject(13, Long.class),
                rs.getObject(14, Long.class),
                rs.getString(15),
                rs.getInt(16),
                rs.getInt(17),
                rs.getDouble(18),
                rs.getString(19),
                reviewed == null ? null : reviewed.toInstant(),
                rs.getString(21),
                rs.getString(22),
                rs.getString(23),
                rs.getString(24),
                rs.getObject(25, LocalDate.class));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
