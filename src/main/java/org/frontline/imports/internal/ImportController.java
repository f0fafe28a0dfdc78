package org.frontline.imports.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frontline.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/imports?layer=…&format=acled|gpkg|geojson} with the file as the body (streamed to disk,
 * capped): 202 with the job; {@code GET /api/imports/{id}}: progress and, when it failed, the refused rows
 * with their line numbers; {@code DELETE /api/imports/{id}}: cancel (nothing is stored).
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {
    private static final List<String> MAPPING =
            List.of("table", "validFrom", "validTo", "id", "sourcePublisher", "publisher", "confidence");

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    record Problem(String type, String title, int status, String detail, List<ImportException.RowError> errors) {}

    record JobView(
            String id,
            String layer,
            String format,
            String state,
            int percent,
            long rowsRead,
            long rowsAccepted,
            long rowsRefused,
            long created,
            long corrected,
            long unchanged,
            String detail,
            Problem problem,
            String startedAt,
            String finishedAt) {
        static JobView of(ImportJob j) {
            Problem p = j.state == ImportJob.State.FAILED || j.state == ImportJob.State.CANCELLED
                    ? new Problem(
                            "about:blank",
                            j.state == ImportJob.State.FAILED ? "Import refused" : "Import cancelled",
                            j.state == ImportJob.State.FAILED ? 400 : 409,
                            j.detail,
                            j.errors)
                    : null;
            return new JobView(
                    j.id,
                    j.layer,
                    j.format,
                    j.state.name().toLowerCase(),
                    j.percent(),
                    j.read.get(),
                    j.accepted.get(),
                    j.refused.get(),
                    j.created.get(),
                    j.corrected.get(),
                    j.unchanged.get(),
                    j.detail,
                    p,
                    j.started.toString(),
                    j.finished == null ? null : j.finished.toString());
        }
    }

    @PostMapping
    ResponseEntity<JobView> start(
            @RequestParam String layer, @RequestParam String format, HttpServletRequest request, Principal user)
            throws IOException {
        Map<String, String> options = new HashMap<>();
        for (String k : MAPPING) {
            String v = request.getParameter(k);
            if (v != null && !v.isBlank()) {
                options.put(k, v.strip());
            }
        }
        ImportJob job = imports.start(
                layer, format, options, request.getInputStream(), request.getContentLengthLong(), user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/imports/" + job.id))
                .body(JobView.of(job));
    }

    @GetMapping("/{id}")
    JobView get(@PathVariable String id) {
        return JobView.of(imports.job(id).orElseThrow(() -> unknown(id)));
    }

    @DeleteMapping("/{id}")
    JobView cancel(@PathVariable String id) {
        ImportJob job = imports.job(id).orElseThrow(() -> unknown(id));
        imports.cancel(job);
        return JobView.of(job);
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("there is no import '" + id + "'");
    }
}
