package org.frontline.layers;

import java.util.Locale;

/** What a layer holds, which decides how the map draws it and how time applies to it. */
public enum LayerKind {
    /** Dated happenings (points); shown for a window of time. */
    EVENT,
    /** Polygons such as control areas and zones; shown as they were at an instant. */
    AREA,
    /** Lines such as front lines. */
    LINE,
    /** Points with a state over time, such as observation posts. */
    POINT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LayerKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
