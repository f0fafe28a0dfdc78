package org.frontline.layers;

import java.time.Instant;

/**
 * A layer of versioned features. {@code style} is a JSON object the map uses to draw it;
 * {@code extentFrom}/{@code extentTo} span the valid time of its current features (null when empty;
 * extentTo is null too when every feature is still true).
 */
public record Layer(String id, String title, LayerKind kind, String style, int sortOrder,
        Instant extentFrom, Instant extentTo) {
}
