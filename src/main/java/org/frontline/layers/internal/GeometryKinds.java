package org.frontline.layers.internal;

import java.util.Set;
import org.frontline.layers.LayerKind;
import org.locationtech.jts.geom.Geometry;

/** Which geometry types each kind of layer accepts. */
final class GeometryKinds {
    private GeometryKinds() {}

    static Set<String> accepted(LayerKind kind) {
        return switch (kind) {
            case EVENT, POINT -> Set.of("Point", "MultiPoint");
            case LINE -> Set.of("LineString", "MultiLineString");
            case AREA -> Set.of("Polygon", "MultiPolygon");
        };
    }

    /** @return null when fine, else what is wrong */
    static String problem(LayerKind kind, Geometry g) {
        if (accepted(kind).contains(g.getGeometryType())) {
            return null;
        }
        return "a " + g.getGeometryType() + " cannot go into a layer of kind '" + kind.code() + "' (accepted: "
                + String.join(", ", accepted(kind).stream().sorted().toList()) + ")";
    }
}
