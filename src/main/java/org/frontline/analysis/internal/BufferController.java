package org.frontline.analysis.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.frontline.analysis.ResultFeature;
import org.frontline.web.TimeParam;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Buffer zones: of a stored feature (GET), of a drawn geometry (POST), saved as a zone feature (POST .../save). */
@RestController
@RequestMapping("/api/analysis/buffer")
class BufferController {
    private final BufferService buffers;
    private final GeometryBody body;
    private final AnalysisGeoJson geojson;

    BufferController(BufferService buffers, GeometryBody body, AnalysisGeoJson geojson) {
        this.buffers = buffers;
        this.body = body;
        this.geojson = geojson;
    }

    @GetMapping
    ResponseEntity<byte[]> ofFeature(
            @RequestParam(required = false) String feature,
            @RequestParam(required = false) Double distanceKm,
            @RequestParam(required = false) Double innerKm,
            @RequestParam(required = false) String side,
            @RequestParam(required = false) String at) {
        BufferService.Request r =
                buffers.requestFor(feature, TimeParam.optional(at, "at", "buffer"), distanceKm, innerKm, side);
        return geojson.collection(List.of(buffers.buffer(r)), Map.of());
    }

    @PostMapping
    ResponseEntity<byte[]> ofGeometry(
            @RequestParam(required = false) Double distanceKm,
            @RequestParam(required = false) Double innerKm,
            @RequestParam(required = false) String side,
            HttpServletRequest request)
            throws IOException {
        BufferService.Request r = BufferService.request(body.read(request), null, distanceKm, innerKm, side);
        return geojson.collection(List.of(buffers.buffer(r)), Map.of());
    }

    /** Saves a buffer of {@code feature} or, without it, of the posted geometry. */
    @PostMapping("/save")
    ResponseEntity<byte[]> save(
            @RequestParam(required = false) String feature,
            @RequestParam(required = false) Double distanceKm,
            @RequestParam(required = false) Double innerKm,
            @RequestParam(required = false) String side,
            @RequestParam(required = false) String at,
            @RequestParam(defaultValue = "zones") String target,
            @RequestParam(required = false) String zoneType,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String validFrom,
            @RequestParam(required = false) String validTo,
            HttpServletRequest request,
            Principal user)
            throws IOException {
        BufferService.Request r = feature != null
                ? buffers.requestFor(feature, TimeParam.optional(at, "at", "buffer"), distanceKm, innerKm, side)
                : BufferService.request(body.read(request), null, distanceKm, innerKm, side);
        Instant from = TimeParam.optional(validFrom, "validFrom", "buffer");
        Instant to = TimeParam.optional(validTo, "validTo", "buffer");
        ResultFeature saved = buffers.save(r, target, zoneType, name, from, to, user.getName());
        ResponseEntity<byte[]> answer = geojson.collection(List.of(saved), Map.of("layer", target));
        return ResponseEntity.status(HttpStatus.CREATED)
                .headers(answer.getHeaders())
                .body(answer.getBody());
    }
}
