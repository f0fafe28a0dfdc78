package org.frontline.gazetteer.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.web.BadInputException;
import org.frontline.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bring your own gazetteer (ADMIN, under /api/admin/**): {@code POST /api/admin/gazetteer/uploads?format=…&name=…}
 * with the file as the body (streamed, capped; formats in {@link UploadFormat}), and its progress at
 * {@code GET /api/admin/gazetteer/uploads/{id}} (all recent ones: {@code GET /api/admin/gazetteer/uploads}). The
 * older form upload of a GeoNames dump ({@code POST /api/admin/gazetteer}, multipart) goes the same way.
 */
@RestController
class GazetteerAdminController {

    private final Gazetteer gazetteer;
    private final GazetteerUploads uploads;

    GazetteerAdminController(Gazetteer gazetteer, GazetteerUploads uploads) {
        this.gazetteer = gazetteer;
        this.uploads = uploads;
    }

    @PostMapping("/api/admin/gazetteer/uploads")
    ResponseEntity<UploadJob.View> upload(
            @RequestParam String format, @RequestParam String name, HttpServletRequest request, Principal user)
            throws IOException {
        try (InputStream body = request.getInputStream()) {
            UploadJob job = uploads.upload(format, name, body, request.getContentLengthLong(), user.getName());
            return ResponseEntity.created(URI.create("/api/admin/gazetteer/uploads/" + job.id))
                    .body(job.view());
        }
    }

    @GetMapping("/api/admin/gazetteer/uploads")
    List<UploadJob.View> uploads() {
        return uploads.jobs().stream().map(UploadJob::view).toList();
    }

    @GetMapping("/api/admin/gazetteer/uploads/{id}")
    UploadJob.View upload(@PathVariable String id) {
        return uploads.job(id)
                .map(UploadJob::view)
                .orElseThrow(() -> new NotFoundException("there is no gazetteer upload '" + id + "'"));
    }

    @PostMapping("/api/admin/gazetteer")
    Map<String, Object> upload(@RequestParam("file") MultipartFile file, Principal user) throws IOException {
        if (file.isEmpty()) throw new BadInputException("gazetteer upload: the file part 'file' is empty");
        try (InputStream in = file.getInputStream()) {
            UploadJob job = uploads.upload("geonames", file.getOriginalFilename(), in, file.getSize(), user.getName());
            return Map.of("placesRead", job.rows, "placesIndexed", job.placesIndexed);
        }
    }

    @GetMapping("/api/gazetteer/status")
    Map<String, Object> status() {
        return Map.of("places", gazetteer.size(), "loadMillis", gazetteer.loadMillis());
    }
}
