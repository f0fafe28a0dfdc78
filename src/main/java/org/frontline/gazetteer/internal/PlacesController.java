package org.frontline.gazetteer.internal;

import java.util.List;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.settings.FrontlineSettings;
import org.frontline.web.BadInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Looks a place name up in the gazetteer in any of its spellings ("Saraqeb" finds Saraqib, "Maaret
 * al-Nouman" finds Ma'arrat an-Nu'man): the map's search box asks here for names it does not draw.
 */
@RestController
class PlacesController {
    private final Gazetteer gazetteer;
    private final String focusCountry;

    PlacesController(Gazetteer gazetteer, FrontlineSettings settings) {
        this.gazetteer = gazetteer;
        this.focusCountry = settings.reports().focusCountry();
    }

    /** {@code admin1Name}: the governorate's name from uploaded admin codes (null without them). */
    record PlaceView(
            String name,
            double lat,
            double lon,
            String kind,
            String country,
            String admin1Name,
            long population,
            Long geonamesId,
            List<String> sources) {}

    @GetMapping("/api/places")
    List<PlaceView> search(@RequestParam String q, @RequestParam(defaultValue = "10") int limit) {
        String query = q.strip();
        if (query.length() < 2 || query.length() > 100) {
            throw new BadInputException("q must have 2 to 100 characters");
        }
        if (limit < 1 || limit > 50) {
            throw new BadInputException("limit must be between 1 and 50");
        }
        return gazetteer.lookup(query, focusCountry).stream()
                .limit(limit)
                .map(p -> new PlaceView(
                        p.name(),
                        p.lat(),
                        p.lon(),
                        p.kind(),
                        p.country(),
                        gazetteer.adminName(p.country() + "." + p.admin1()).orElse(null),
                        p.population(),
                        p.publicGeonameId(),
                        gazetteer.sources(p)))
                .toList();
    }
}
