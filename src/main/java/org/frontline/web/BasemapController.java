package org.frontline.web;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves the offline basemap layers shipped under geodata/basemap/ (land, borders, place labels). */
@RestController
class BasemapController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    @GetMapping("/basemap/{name}.geojson")
    ResponseEntity<Resource> layer(@PathVariable String name) {
        if (!NAME.matcher(name).matches()) {
            throw new NotFoundException("No basemap layer named '" + name + "'");
        }
        Resource file = new ClassPathResource("geodata/basemap/" + name + ".geojson");
        if (!file.exists()) {
            throw new NotFoundException("No basemap layer named '" + name + "'");
        }
        return ResponseEntity.ok()
                .contentType(GEO_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(file);
    }
}
