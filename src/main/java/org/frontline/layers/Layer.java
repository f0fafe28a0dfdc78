package org.frontline.layers;

import java.time.Instant;

/**
 * A layer of versioned features. {@code style} is a JSON object the map uses to draw it;
 * {@code extentFrom}/{@code extentTo} span the valid time of its current features: the first valid-from and
 * the last valid-from or valid-to, whichever is later (both null when the layer is empty).
 */
public record Layer(
        String id, String title, LayerKind kind, String style, int sortOrder, Instant extentFrom, Instant extentTo) {}
