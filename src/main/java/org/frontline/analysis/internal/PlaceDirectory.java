package org.frontline.analysis.internal;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Where analysis finds named places (for "which places changed hands"): {@link GazetteerPlaceDirectory}.
 */
public interface PlaceDirectory {

    List<NamedPlace> placesIn(Envelope box);
}
