package org.frontline.reports.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.reports.internal.ReviewRecords.CandidateEdit;
import org.frontline.reports.internal.ReviewRecords.QueuedCandidate;
import org.frontline.web.ApiErrors;
import org.frontline.web.BadInputException;
import org.frontline.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Report ingestion API: parse without storing, store and queue, review the queue. */
@RestController
class ReportController {

    /** JSON body of /api/reports/parse and /api/reports. */
    record TextReport(String text, String published, String publisher, String url) {}

    /**
     * JSON bodies are read with this cap before parsing (a 1 MB report may grow with JSON escapes), so an
     * 80 MB body is refused with 413 instead of being parsed first.
     */
    static final long MAX_JSON_BYTES = 2L * ReportInput.MAX_BYTES;

    private final ReportService reports;
    private final ReviewService review;
    private final JsonMapper json;
    private final ReportParser parser;

    ReportController(ReportService reports, ReviewService review, JsonMapper json, ReportParser parser) {
        this.reports = reports;
        this.review = review;
        this.json = json;
        this.parser = parser;
    }

    @PostMapping(path = "/api/reports/parse", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> parseJson(HttpServletRequest request) throws IOException {
        TextReport body = read(request, TextReport.class, "report");
        if (body == null) throw new BadInputException("report: the body must be JSON {\"text\", \"published\"}");
        return parsed(ReportInput.decode(body.text(), ReportInput.dateline(body.published())));
    }

    @PostMapping(path = "/api/reports/parse", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> parseFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "published", required = false) String published)
            throws IOException {
        return parsed(decodeFile(file, published));
    }

    /** Raw bodies (curl --data-binary @report.html): text, HTML or a feed, decoded strictly as UTF-8. */
    @PostMapping(
            path = "/api/reports/parse",
            consumes = {
                MediaType.TEXT_PLAIN_VALUE,
                MediaType.TEXT_HTML_VALUE,
                MediaType.APPLICATION_XML_VALUE,
                MediaType.TEXT_XML_VALUE,
                MediaType.APPLICATION_RSS_XML_VALUE,
                MediaType.APPLICATION_ATOM_XML_VALUE,
                MediaType.APPLICATION_OCTET_STREAM_VALUE
            })
    Map<String, Object> parseRaw(
            HttpServletRequest request, @RequestParam(name = "published", required = false) String published)
            throws IOException {
        return parsed(ReportInput.decode(ReportInput.utf8(raw(request)), ReportInput.dateline(published)));
    }

    @PostMapping(
            path = "/api/reports",
            consumes = {
                MediaType.TEXT_PLAIN_VALUE,
                MediaType.TEXT_HTML_VALUE,
                MediaType.APPLICATION_XML_VALUE,
                MediaType.TEXT_XML_VALUE,
                MediaType.APPLICATION_RSS_XML_VALUE,
                MediaType.APPLICATION_ATOM_XML_VALUE,
                MediaType.APPLICATION_OCTET_STREAM_VALUE
            })
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> storeRaw(
            HttpServletRequest request,
            @RequestParam(name = "published", required = false) String published,
            @RequestParam(name = "publisher", required = false) String publisher,
            @RequestParam(name = "url", required = false) String url,
            Principal user)
            throws IOException {
        ReportInput.Decoded d = ReportInput.decode(ReportInput.utf8(raw(request)), ReportInput.dateline(published));
        return stored(d, reports.store(d, publisher, url, user.getName()));
    }

    @PostMapping(path = "/api/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> storeJson(HttpServletRequest request, Principal user) throws IOException {
        TextReport body = read(request, TextReport.class, "report");
        if (body == null) throw new BadInputException("report: the body must be JSON {\"text\", \"published\"}");
        ReportInput.Decoded d = ReportInput.decode(body.text(), ReportInput.dateline(body.published()));
        return stored(d, reports.store(d, body.publisher(), body.url(), user.getName()));
    }

    @PostMapping(path = "/api/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> storeFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "published", required = false) String published,
            @RequestParam(name = "publisher", required = false) String publisher,
            @RequestParam(name = "url", required = false) String url,
            Principal user)
            throws IOException {
        ReportInput.Decoded d = decodeFile(file, published);
        return stored(d, reports.store(d, publisher, url, user.getName()));
    }

    @GetMapping("/api/reports/{id}")
    Map<String, Object> report(@PathVariable long id) {
        var r = review.report(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("title", r.title());
        out.put("url", r.url());
        out.put("publisher", r.publisher());
        out.put("published", r.published());
        out.put("format", r.format());
        out.put("text", r.body());
        out.put("submittedBy", r.submittedBy());
        out.put("submittedAt", r.submittedAt());
        out.put("candidates", review.candidatesOf(id));
        // names the gazetteer did not know, for the reviewer to place (parsed again: the gazetteer may have learned)
        out.put("unresolved", parser.parse(r.body(), r.published()).unresolved());
        return out;
    }

    @GetMapping("/api/reports/candidates")
    List<QueuedCandidate> queue(
            @RequestParam(defaultValue = "pending") String status, @RequestParam(defaultValue = "100") int limit) {
        return review.queue(status, limit);
    }

    @GetMapping("/api/reports/candidates/{id}")
    QueuedCandidate candidate(@PathVariable long id) {
        return review.candidate(id);
    }

    @PutMapping("/api/reports/candidates/{id}")
    QueuedCandidate edit(@PathVariable long id, HttpServletRequest request, Principal user) throws IOException {
        CandidateEdit edit = read(request, CandidateEdit.class, "candidate " + id);
        if (edit == null)
            throw new BadInputException("candidate " + id + ": the body must be a JSON object of changes");
        return review.edit(id, edit, user.getName());
    }

    @PostMapping("/api/reports/candidates/{id}/accept")
    QueuedCandidate accept(@PathVariable long id, HttpServletRequest request, Principal user) throws IOException {
        // the edits are optional: no body accepts the candidate as it stands
        CandidateEdit edit =
                request.getContentLengthLong() == 0 ? null : read(request, CandidateEdit.class, "candidate " + id);
        return review.accept(id, edit, user.getName());
    }

    /** A raw body, read no further than one byte over the limit (ReportInput.utf8 then refuses it with 413). */
    private static byte[] raw(HttpServletRequest request) throws IOException {
        return RequestBodies.read(request, ReportInput.MAX_BYTES, ReportInput::tooLarge);
    }

    /**
     * Reads a JSON body of at most {@link #MAX_JSON_BYTES} into a record (JSON null: null); 413 over the cap,
     * 400 if malformed.
     */
    private <T> T read(HttpServletRequest request, Class<T> type, String what) throws IOException {
        JsonNode node = RequestBodies.readJson(request, MAX_JSON_BYTES, json);
        if (node.isNull()) return null;
        if (!node.isObject()) throw new BadInputException(what + ": the body must be a JSON object");
        try {
            return json.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new BadInputException(what + ": " + ApiErrors.unreadable(e)); // names the field, not Jackson's types
        }
    }

    @PostMapping("/api/reports/candidates/{id}/reject")
    QueuedCandidate reject(@PathVariable long id, Principal user) {
        return review.reject(id, user.getName());
    }

    private static ReportInput.Decoded decodeFile(MultipartFile file, String published) throws IOException {
        if (file == null || file.isEmpty()) throw new BadInputException("report: the file part 'file' is empty");
        if (file.getSize() > ReportInput.MAX_BYTES) {
            throw ReportInput.tooLarge(file.getSize());
        }
        return ReportInput.decode(ReportInput.utf8(file.getBytes()), ReportInput.dateline(published));
    }

    private Map<String, Object> parsed(ReportInput.Decoded d) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ReportService.Parsed p : reports.parse(d)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", p.item().title());
            m.put("url", p.item().url());
            m.put("published", p.item().published());
            m.put("text", p.item().text());
            m.put("places", p.result().places());
            m.put("dates", p.result().dates());
            m.put("figures", p.result().figures());
            m.put("actors", p.result().actors());
            m.put("candidates", p.result().candidates());
            m.put("unresolved", p.result().unresolved());
            items.add(m);
        }
        if (!d.format().equals("feed")) {
            Map<String, Object> single = items.get(0);
            single.put("format", d.format());
            return single;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "feed");
        out.put("reports", items);
        out.put("errors", d.errors());
        return out;
    }

    private static Map<String, Object> stored(ReportInput.Decoded d, List<Map<String, Object>> summaries) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", d.format());
        out.put("reports", summaries);
        out.put("errors", d.errors());
        return out;
    }
}
