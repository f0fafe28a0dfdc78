package org.frontline.reports.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.Place;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.reports.internal.ReviewRecords.CandidateEdit;
import org.frontline.reports.internal.ReviewRecords.QueuedCandidate;
import org.frontline.reports.internal.ReviewRecords.StoredReport;
import org.frontline.settings.FrontlineSettings;
import org.frontline.web.BadInputException;
import org.frontline.web.ConflictException;
import org.frontline.web.NotFoundException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analyst's side of the queue: edit a candidate, reject it, or accept it into the events layer with its
 * provenance (report, text span, confidence, analyst). Accepting writes the event and closes the candidate
 * in one transaction, so a failure leaves neither.
 */
@Service
public class ReviewService {

    static final Set<String> EVENT_TYPES = Set.of(
            "Battles",
            "Explosions/Remote violence",
            "Violence against civilians",
            "Protests",
            "Riots",
            "Strategic developments");
    /** The width of report_candidate.sub_event_type. */
    static final int MAX_SUB_EVENT_TYPE = 60;

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2999;
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final ReportRepository repository;
    private final LayerService layers;
    private final Gazetteer gazetteer;
    private final String focusCountry;
    private final String eventsLayer;
    private final Clock clock = Clock.systemUTC();
    private final CorrectionLearning learning;

    ReviewService(
            ReportRepository repository,
            LayerService layers,
            Gazetteer gazetteer,
            FrontlineSettings settings,
            CorrectionLearning learning) {
        this.repository = repository;
        this.learning = learning;
        this.layers = layers;
        this.gazetteer = gazetteer;
        this.focusCountry = settings.reports().focusCountry();
        this.eventsLayer = settings.reports().eventsLayer();
    }

    @Transactional(readOnly = true)
    public List<QueuedCandidate> queue(String status, int limit) {
        if (!Set.of("pending", "accepted", "rejected").contains(status)) {
            throw new BadInputException("status must be pending, accepted or rejected, not '" + status + "'");
        }
        return repository.candidates(status, Math.max(1, Math.min(limit, 500)));
    }

    @Transactional(readOnly = true)
    public StoredReport report(long id) {
        return repository.report(id).orElseThrow(() -> new NotFoundException("report " + id + " does not exist"));
    }

    @Transactional(readOnly = true)
    public List<QueuedCandidate> candidatesOf(long reportId) {
        report(reportId);
        return repository.candidatesOf(reportId);
    }

    @Transactional(readOnly = true)
    public QueuedCandidate candidate(long id) {
        return repository.candidate(id).orElseThrow(() -> new NotFoundException("candidate " + id + " does not exist"));
    }

    /**
     * Applies an analyst's changes. Moving the candidate's own place to another entry or a point far away, under
     * the same name, teaches the gazetteer that spelling ({@link CorrectionLearning}).
     */
    @Transactional
    public QueuedCandidate edit(long id, CandidateEdit e, String analyst) {
        QueuedCandidate c = pending(id);
        checkValues(id, e);
        String type = e.eventType() != null ? e.eventType() : c.eventType();
        if (!EVENT_TYPES.contains(type)) {
            throw new BadInputException("eventType must be one of " + EVENT_TYPES + ", not '" + type + "'");
        }
        Place entry = e.geonamesId() == null
                ? null
                : gazetteer
                        .byId(e.geonamesId())
                        .orElseThrow(() -> new BadInputException(
                                "candidate " + id + ": geonamesId " + e.geonamesId() + " is not in the gazetteer"));
        double lat = e.lat() != null ? e.lat() : entry != null ? entry.lat() : c.lat();
        double lon = e.lon() != null ? e.lon() : entry != null ? entry.lon() : c.lon();
        String geoPrecision = entry == null ? c.geoPrecision() : precisionOf(entry);
        Long geonamesId = entry != null ? entry.publicGeonameId() : c.geonamesId();
        boolean renamed = e.placeName() != null
                && !e.placeName().isBlank()
                && !e.placeName().strip().equals(c.placeName());
        if (renamed && entry == null && e.lat() == null && e.lon() == null) {
            // a new place without a point: put the event where the gazetteer has that place
            var found = gazetteer.lookup(e.placeName(), focusCountry).stream()
                    .findFirst()
                    .orElseThrow(() -> new BadInputException("placeName '"
                            + e.placeName().strip() + "' is not in the gazetteer; give lat and lon for it"));
            lat = found.lat();
            lon = found.lon();
            geoPrecision = precisionOf(found);
            geonamesId = found.publicGeonameId();
        }
        if (!(lat >= -90 && lat <= 90)) { // NaN fails every comparison
            throw new BadInputException("candidate " + id + ": lat must be a number in [-90, 90], got " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new BadInputException("candidate " + id + ": lon must be a number in [-180, 180], got " + lon);
        }
        String precision = e.timePrecision() != null ? e.timePrecision() : c.timePrecision();
        if (!Provenance.TIME_PRECISIONS.contains(precision)) {
            throw new BadInputException("timePrecision must be one of " + Provenance.TIME_PRECISIONS);
        }
        String place = e.placeName() != null && !e.placeName().isBlank()
                ? e.placeName().strip()
                : entry != null ? entry.name() : c.placeName();
        if (place.length() > 200) throw new BadInputException("placeName is longer than 200 characters");
        // a point moved by hand is where the analyst says: exact
        boolean moved = e.lat() != null || e.lon() != null;
        if (moved) geonamesId = null; // a point of the analyst's, no longer the entry's
        repository.update(
                id,
                type,
                e.subEventType() != null ? e.subEventType() : c.subEventType(),
                place,
                geonamesId,
                lat,
                lon,
                moved ? "exact" : geoPrecision,
                e.date() != null ? e.date() : c.date(),
                precision,
                e.fatalities() != null ? e.fatalities() : c.fatalities(),
                e.displaced() != null ? e.displaced() : c.displaced());
        if (moved || entry != null || renamed) {
            learning.learn(c, report(c.reportId()), lat, lon, renamed ? place : null, entry, analyst);
        }
        return candidate(id);
    }

    private static String precisionOf(Place p) {
        return p.isCountry() || p.isProvince() ? "admin" : "exact";
    }

    /** Refuses values the columns cannot hold or that make no sense, before anything is written. */
    private static void checkValues(long id, CandidateEdit e) {
        String who = "candidate " + id + ": ";
        if (e.subEventType() != null
                && (e.subEventType().isBlank() || e.subEventType().length() > MAX_SUB_EVENT_TYPE)) {
            throw new BadInputException(who + "subEventType must be 1 to " + MAX_SUB_EVENT_TYPE + " characters");
        }
        if (e.date() != null && (e.date().getYear() < MIN_YEAR || e.date().getYear() > MAX_YEAR)) {
            throw new BadInputException(
                    who + "date " + e.date() + " is out of range: the year must be " + MIN_YEAR + "–" + MAX_YEAR);
        }
        if (e.fatalities() != null && e.fatalities() < 0) {
            throw new BadInputException(who + "fatalities must be 0 or more, not " + e.fatalities());
        }
        if (e.displaced() != null && e.displaced() < 0) {
            throw new BadInputException(who + "displaced must be 0 or more, not " + e.displaced());
        }
    }

    @Transactional
    public QueuedCandidate reject(long id, String analyst) {
        pending(id);
        if (!repository.decide(id, "rejected", analyst, clock.instant(), null)) throw alreadyDecided(id);
        return candidate(id);
    }

    @Transactional
    public QueuedCandidate accept(long id, CandidateEdit edits, String analyst) {
        if (edits != null) edit(id, edits, analyst);
        QueuedCandidate c = pending(id);
        StoredReport r = report(c.reportId());
        layers.ensureLayer(eventsLayer, "Events", LayerKind.EVENT, "{}");
        Map<String, Object> props = new LinkedHashMap<>();
        String excerpt = r.body()
                .substring(Math.max(0, c.spanStart()), Math.min(r.body().length(), c.spanEnd()))
                .strip();
        props.put("title", c.subEventType() + " — " + c.placeName());
        props.put("eventType", c.eventType());
        props.put("subEventType", c.subEventType());
        props.put("placeName", c.placeName());
        if (c.fatalities() != null) props.put("fatalities", c.fatalities());
        if (c.displaced() != null) props.put("displaced", c.displaced());
        if (c.actors() != null && !c.actors().isBlank()) props.put("actors", c.actors());
        props.put("notes", excerpt);
        props.put("reportId", r.id());
        props.put("candidateId", c.id());
        props.put("spanStart", c.spanStart());
        props.put("spanEnd", c.spanEnd());
        props.put("parserConfidence", c.confidence());
        props.put("reviewedBy", analyst);
        if (c.geonamesId() != null) props.put("geonamesId", c.geonamesId());
        Instant from = c.date().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to =
                end(c.date(), c.timePrecision()).atStartOfDay(ZoneOffset.UTC).toInstant();
        Provenance provenance = new Provenance(
                r.publisher() != null ? r.publisher() : "report " + r.id(),
                r.url(),
                r.published(),
                c.confidence() >= 0.8 ? "high" : c.confidence() >= 0.5 ? "medium" : "low",
                c.geoPrecision(),
                c.timePrecision());
        NewFeature f = new NewFeature(
                null, GEOMETRY.createPoint(new Coordinate(c.lon(), c.lat())), props, from, to, provenance);
        String featureId = layers.add(
                        eventsLayer, List.of(f), analyst, "accepted from report " + r.id() + ", candidate " + c.id())
                .get(0);
        if (!repository.decide(id, "accepted", analyst, clock.instant(), featureId)) throw alreadyDecided(id);
        return candidate(id);
    }

    private static LocalDate end(LocalDate d, String precision) {
        LocalDate start = switch (precision) {
            case "month" -> d.withDayOfMonth(1);
            case "year" -> d.withDayOfYear(1);
            default -> d;
        };
        return DateExtractor.until(start, precision);
    }

    private QueuedCandidate pending(long id) {
        QueuedCandidate c = candidate(id);
        if (!c.status().equals("pending")) throw alreadyDecided(id);
        return c;
    }

    private static ConflictException alreadyDecided(long id) {
        return new ConflictException("candidate " + id + " was already reviewed");
    }
}
