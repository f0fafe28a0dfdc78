package org.frontline.gazetteer.internal;

import java.io.IOException;
import java.util.Map;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.web.BadInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Loads a full GeoNames country dump (e.g. SY.txt) into the gazetteer (ADMIN, under /api/admin/**). */
@RestController
class GazetteerAdminController {

    private final Gazetteer gazetteer;

    GazetteerAdminController(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @PostMapping("/api/admin/gazetteer")
    Map<String, Object> upload(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) throw new BadInputException("gazetteer upload: the file part 'file' is empty");
        String name = file.getOriginalFilename();
        if (name != null && name.length() > 120) { // a longer name cannot be stored on most file systems (was a 500)
            throw new BadInputException(
                    "gazetteer upload: the file name is " + name.length() + " characters long; at most 120");
        }
        try {
            int n = gazetteer.importDump(file.getOriginalFilename(), file.getBytes());
            return Map.of("placesRead", n, "placesIndexed", gazetteer.size());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("gazetteer upload: " + e.getMessage());
        }
    }

    @GetMapping("/api/gazetteer/status")
    Map<String, Object> status() {
        return Map.of("places", gazetteer.size(), "loadMillis", gazetteer.loadMillis());
    }
}
