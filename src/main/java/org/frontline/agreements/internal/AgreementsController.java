package org.frontline.agreements.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.frontline.agreements.Agreement;
import org.frontline.agreements.AgreementService;
import org.frontline.agreements.Breach;
import org.frontline.geo.GeoJsonGeometryWriter;
import org.frontline.layers.TimeBucket;
import org.frontline.web.BadInputException;
import org.frontline.web.CsvWriter;
import org.frontline.web.NotFoundException;
import org.frontline.web.TimeParam;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Agreements and their breaches over HTTP: JSON, GeoJSON and CSV. Writes need the analyst role. */
@RestController
@RequestMapping("/api/agreements")
class AgreementsController {
    private final AgreementService agreements;
    private final JsonMapper json;

    AgreementsController(AgreementService agreements, JsonMapper json) {
        this.agreements = agreements;
        this.json = json;
    }

    @GetMapping
    List<Agreement> list(@RequestParam(required = false) String at, @RequestParam(required = false) String asOf) {
        List<Agreement> all = agreements.list(asOf(asOf));
        if (at == null || at.isBlank()) {
            return all;
        }
        LocalDate day = day(at, "at");
        return all.stream().filter(a -> a.inForce(day)).toList();
    }

    @GetMapping("/{id}")
    Agreement one(@PathVariable String id, @RequestParam(required = false) String asOf) {
        return find(id, asOf(asOf));
    }

    @GetMapping("/{id}/history")
    List<Agreement> history(@PathVariable String id) {
        return agreements.history(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Agreement> create(@RequestBody String body, Principal user) {
        Agreement a = agreements.create(body, user.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/agreements/" + a.id())
                .body(a);
    }

    @PutMapping("/{id}")
    Agreement correct(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            @RequestBody String body,
            Principal user) {
        return agreements.correct(id, body, user.getName(), reason);
    }

    @GetMapping("/{id}/breaches")
    ResponseEntity<StreamingResponseBody> breaches(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf,
            @RequestParam(name = "f", required = false) String format) {
        Instant known = asOf(asOf);
        Agreement a = find(id, known);
        List<Breach> list = collect(a, from, to, known);
        if ("csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"breaches-" + a.id() + ".csv\"")
                    .body(out -> BreachCsv.write(list, out));
        }
        if (format != null
                && !format.isBlank()
                && !"geojson".equalsIgnoreCase(format)
                && !"json".equalsIgnoreCase(format)) {
            throw new BadInputException("f must be geojson or csv, got '" + format + "'");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(out -> geojson(a, list, out));
    }

    @GetMapping("/{id}/breaches/counts")
    BreachCounts.Counts counts(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "week") String by) {
        TimeBucket unit = TimeBucket.parse(by, "by");
        Instant known = asOf(asOf);
        Agreement a = find(id, known);
        LocalDate lo = from == null || from.isBlank() ? a.effectiveFrom() : day(from, "from");
        LocalDate hi = to == null || to.isBlank()
                ? (a.endsOn() != null
                        ? a.endsOn()
                        : LocalDate.now(ZoneOffset.UTC).plusDays(1))
                : day(to, "to").plusDays(1);
        if (!lo.isBefore(hi)) {
            throw new BadInputException("from " + from + " is after to " + to);
        }
        // the empty axis first: a too-long range is refused before any counting
        BreachCounts.of(List.of(), unit, lo, hi);
        return BreachCounts.of(agreements.breachCounts(a, lo, hi, known, unit), unit, lo, hi);
    }

    private List<Breach> collect(Agreement a, String from, String to, Instant asOf) {
        LocalDate lo = from == null || from.isBlank() ? null : day(from, "from");
        // a plain date as 'to' includes that day, as everywhere in the API
        LocalDate hi = to == null || to.isBlank() ? null : day(to, "to").plusDays(1);
        if (lo != null && hi != null && !lo.isBefore(hi)) {
            throw new BadInputException("from " + from + " is after to " + to);
        }
        List<Breach> list = new ArrayList<>();
        agreements.breaches(a, lo, hi, asOf, list::add);
        list.sort((x, y) -> x.date().compareTo(y.date()) != 0
                ? x.date().compareTo(y.date())
                : x.eventId().compareTo(y.eventId()));
        return list;
    }

    private void geojson(Agreement a, List<Breach> list, OutputStream out) throws IOException {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeStringProperty("agreement", a.id());
            g.writeName("features");
            g.writeStartArray();
            for (Breach b : list) {
                g.writeStartObject();
                g.writeStringProperty("type", "Feature");
                g.writeStringProperty("id", b.eventId() + "/" + b.clauseId());
                g.writeName("geometry");
                GeoJsonGeometryWriter.write(g, b.geometry());
                g.writeName("properties");
                g.writeStartObject();
                g.writeStringProperty("eventId", b.eventId());
                g.writeStringProperty("date", b.date().toString());
                g.writeStringProperty("title", b.title());
                g.writeStringProperty("eventType", b.eventType());
                g.writeStringProperty("subEventType", b.subEventType());
                g.writeStringProperty("actor", b.actor());
                g.writeStringProperty("actorClass", b.actorClass());
                g.writeStringProperty("clause", b.clauseId());
                g.writeStringProperty("clauseType", b.clauseType());
                g.writeName("fatalities");
                if (b.fatalities() == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(b.fatalities().doubleValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private Agreement find(String id, Instant asOf) {
        return agreements.find(id, asOf).orElseThrow(() -> new NotFoundException("no agreement '" + id + "'"));
    }

    private static LocalDate day(String value, String name) {
        if (!TimeParam.isDate(value)) {
            throw new BadInputException(name + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
        return TimeParam.parse(value, name).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** A record time: a plain date means the end of that day. */
    private static Instant asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant t = TimeParam.parse(value, "asOf");
        return TimeParam.isDate(value) ? t.plusSeconds(86_400) : t;
    }

    /** Breaches as RFC 4180 CSV for spreadsheets; user-written text cannot start a formula. */
    static final class BreachCsv {
        private static final List<String> COLUMNS = List.of(
                "event_id",
                "date",
                "event_type",
                "sub_event_type",
                "actor",
                "actor_class",
                "clause",
                "clause_type",
                "fatalities",
                "title",
                "longitude",
                "latitude");

        private BreachCsv() {}

        static void write(List<Breach> list, OutputStream out) throws IOException {
            CsvWriter w = new CsvWriter(out, false);
            w.row(COLUMNS);
            for (Breach b : list) {
                var c = b.geometry().getCentroid();
                List<Object> cells = List.of(
                        b.eventId(),
                        b.date(),
                        nz(b.eventType()),
                        nz(b.subEventType()),
                        nz(b.actor()),
                        b.actorClass(),
                        b.clauseId(),
                        b.clauseType(),
                        b.fatalities() == null ? "" : b.fatalities(),
                        nz(b.title()),
                        c.getX(),
                        c.getY());
                w.row(cells);
            }
            w.flush();
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}
