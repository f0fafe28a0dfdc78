package org.frontline.analysis;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Where analysis finds named places (for "which places changed hands"). The gazetteer can stand behind
 * this interface; until then {@link ShippedPlaceDirectory} answers from a shipped list and the posts layer.
 * A gazetteer-backed implementation should be marked {@code @Primary} (or replace the shipped one).
 */
public interface PlaceDirectory {

    List<NamedPlace> placesIn(Envelope box);
}
