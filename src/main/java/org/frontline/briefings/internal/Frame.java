package org.frontline.briefings.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * One step of a briefing: the map on {@code day} (events from {@code windowFrom} to {@code day} inclusive),
 * centred on lat/lon at {@code zoom} (or fitted to {@code bbox} = minLon,minLat,maxLon,maxLat when given),
 * showing {@code layers}, with a Markdown narrative, highlighted feature ids, an optional analysis overlay and optionally an agreement whose state (clauses in force on
 * {@code day}, breaches in the window) the frame shows.
 */
public record Frame(
        long id,
        int position,
        String title,
        LocalDate day,
        LocalDate windowFrom,
        double centerLat,
        double centerLon,
        int zoom,
        List<Double> bbox,
        List<String> layers,
        String narrative,
        List<String> highlights,
        String overlay,
        String agreement) {}
