package org.frontline.reports;

import java.util.Comparator;
import java.util.Optional;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.NameFolding;
import org.frontline.gazetteer.Place;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A place typed by an analyst (any transliteration) → the likeliest gazetteer entry: focus country first. */
@Component
class PlaceLookup {

    private final Gazetteer gazetteer;
    private final String focusCountry;

    PlaceLookup(Gazetteer gazetteer, @Value("${frontline.reports.focus-country:SY}") String focusCountry) {
        this.gazetteer = gazetteer;
        this.focusCountry = focusCountry;
    }

    Optional<Place> best(String name) {
        String exact = NameFolding.exactKey(name);
        return gazetteer.candidates(NameFolding.phoneticKey(name)).stream()
                .max(Comparator.<Place>comparingInt(p -> p.country().equals(focusCountry) ? 1 : 0)
                        .thenComparingInt(p -> gazetteer.exactName(p, exact) ? 1 : 0)
                        .thenComparingLong(Place::population));
    }
}
