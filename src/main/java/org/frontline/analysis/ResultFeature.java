package org.frontline.analysis;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** A computed feature to answer with: id (may be null), lon/lat geometry and numbers/texts as properties. */
public record ResultFeature(String id, Geometry geometry, Map<String, Object> properties) {}
