package org.frontline.reports.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.web.BadInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Parses submissions, and stores reports with their candidate events (all items of a submission or none). */
@Service
public class ReportService {

    private final ReportParser parser;
    private final ReportRepository repository;
    private final Clock clock = Clock.systemUTC();

    ReportService(ReportParser parser, ReportRepository repository) {
        this.parser = parser;
        this.repository = repository;
    }

    /** One parsed report of a submission. */
    record Parsed(ReportInput.Item item, ParseResult result) {}

    List<Parsed> parse(ReportInput.Decoded decoded) {
        List<Parsed> out = new ArrayList<>();
        for (ReportInput.Item item : decoded.items()) {
            out.add(new Parsed(item, parser.parse(item.text(), item.published())));
        }
        return out;
    }

    /** Stores every readable item and queues its candidates; returns one summary per stored report. */
    @Transactional
    public List<Map<String, Object>> store(ReportInput.Decoded decoded, String publisher, String url, String user) {
        url = url == null || url.isBlank() ? null : url.strip();
        publisher = publisher == null || publisher.isBlank() ? null : publisher.strip();
        if (url != null && ReportInput.badUrl(url) != null) {
            throw new BadInputException(
                    "report: 'url' " + ReportInput.badUrl(url) + ": give the http(s) address of the source");
        }
        if (publisher != null && publisher.length() > ReportInput.MAX_PUBLISHER) {
            throw new BadInputException(
                    "report: 'publisher' is longer than " + ReportInput.MAX_PUBLISHER + " characters");
        }
        for (ReportInput.Item item : decoded.items()) {
            if (item.title() != null && item.title().length() > ReportInput.MAX_TITLE) {
                throw new BadInputException("report: the title '" + item.title().substring(0, 60) + "…' is longer than "
                        + ReportInput.MAX_TITLE + " characters");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Parsed p : parse(decoded)) {
            ReportInput.Item item = p.item();
            long id = repository.insertReport(
                    item.title(),
                    item.url() != null ? item.url() : url,
                    publisher,
                    item.published(),
                    decoded.format(),
                    item.text(),
                    user,
                    clock.instant());
            for (ParseResult.Candidate c : p.result().candidates()) {
                repository.insertCandidate(id, c);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("id", id);
            summary.put("title", item.title());
            summary.put("published", item.published());
            summary.put("places", p.result().places().size());
            summary.put("candidates", p.result().candidates().size());
            out.add(summary);
        }
        return out;
    }

    static LocalDate today() {
        return LocalDate.now(Clock.systemUTC());
    }
}
