package org.frontline.briefings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.frontline.agreements.AgreementService;
import org.frontline.briefings.internal.BriefingInputs.FrameInput;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.web.BadInputException;
import org.springframework.stereotype.Component;

/** Checks a frame against the data: its date inside the layers' time extent, known layers, sane view and sizes. */
@Component
class FrameRules {
    static final int MAX_NARRATIVE = 20_000;
    static final int MAX_TITLE = 300;
    static final Set<String> OVERLAYS = Set.of("change-since-previous");
    private static final Pattern FEATURE_ID = Pattern.compile("[A-Za-z0-9._:~-]{1,100}");

    private final LayerService layers;
    private final AgreementService agreements;

    FrameRules(LayerService layers, AgreementService agreements) {
        this.layers = layers;
        this.agreements = agreements;
    }

    /** Builds the frame to store from {@code in}, with {@code base} (an existing frame or null) filling gaps. */
    Frame check(FrameInput in, Frame base) {
        LocalDate day = in.day() != null ? in.day() : base == null ? null : base.day();
        if (day == null) {
            throw new BadInputException("Frame 'day' is required (a date like 2019-08-23)");
        }
        LocalDate[] extent = extent();
        if (extent == null) {
            throw new BadInputException("There is no data yet, so no frame date can be checked; load layers first");
        }
        if (day.isBefore(extent[0]) || day.isAfter(extent[1])) {
            throw new BadInputException(
                    "Frame 'day' " + day + " is outside the data (" + extent[0] + " to " + extent[1] + ")");
        }
        LocalDate windowFrom = in.windowFrom() != null ? in.windowFrom() : base == null ? null : base.windowFrom();
        if (windowFrom != null && windowFrom.isAfter(day)) {
            throw new BadInputException("Frame 'windowFrom' " + windowFrom + " is after its 'day' " + day);
        }
        double lat, lon;
        if (in.center() != null) {
            if (in.center().size() != 2 || in.center().stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
                throw new BadInputException("Frame 'center' must be [latitude, longitude]");
            }
            lat = in.center().get(0);
            lon = in.center().get(1);
        } else if (base != null) {
            lat = base.centerLat();
            lon = base.centerLon();
        } else {
            throw new BadInputException("Frame 'center' is required ([latitude, longitude])");
        }
        if (Math.abs(lat) > 85 || Math.abs(lon) > 180) {
            throw new BadInputException(
                    "Frame 'center' [" + lat + ", " + lon + "] is not a latitude,longitude on the map");
        }
        int zoom = in.zoom() != null ? in.zoom() : base == null ? 9 : base.zoom();
        if (zoom < 2 || zoom > 18) {
            throw new BadInputException("Frame 'zoom' " + zoom + " is not a whole number from 2 to 18");
        }
        List<Double> bbox =
                in.bbox() != null ? (in.bbox().isEmpty() ? null : in.bbox()) : base == null ? null : base.bbox();
        if (bbox != null
                && (bbox.size() != 4
                        || bbox.stream().anyMatch(v -> v == null || !Double.isFinite(v))
                        || bbox.get(0) >= bbox.get(2)
                        || bbox.get(1) >= bbox.get(3))) {
            throw new BadInputException("Frame 'bbox' must be [minLon, minLat, maxLon, maxLat] with min < max");
        }
        List<String> visible = in.layers() != null ? in.layers() : base == null ? null : base.layers();
        if (visible == null || visible.isEmpty()) {
            throw new BadInputException("Frame 'layers' must name at least one layer");
        }
        Set<String> known = new HashSet<>();
        layers.layers().forEach(l -> known.add(l.id()));
        for (String id : visible) {
            if (!known.contains(id)) {
                throw new BadInputException("Frame 'layers' names an unknown layer '" + id + "'; known: " + known);
            }
        }
        String narrative = in.narrative() != null ? in.narrative() : base == null ? "" : base.narrative();
        if (narrative.length() > MAX_NARRATIVE) {
            throw new BadInputException("Frame 'narrative' is " + narrative.length() + " characters; at most "
                    + MAX_NARRATIVE + " are allowed");
        }
        String title = in.title() != null ? in.title().strip() : base == null ? "" : base.title();
        if (title.length() > MAX_TITLE) {
            throw new BadInputException("Frame 'title' is longer than " + MAX_TITLE + " characters");
        }
        List<String> highlights =
                in.highlights() != null ? in.highlights() : base == null ? List.of() : base.highlights();
        if (highlights.size() > 200) {
            throw new BadInputException("Frame 'highlights' names more than 200 features");
        }
        for (String id : highlights) {
            if (id == null || !FEATURE_ID.matcher(id).matches()) {
                throw new BadInputException("Frame 'highlights' has an invalid feature id '" + id + "'");
            }
        }
        String overlay = in.overlay() != null
                ? (in.overlay().isBlank() ? null : in.overlay())
                : base == null ? null : base.overlay();
        if (overlay != null && !OVERLAYS.contains(overlay)) {
            throw new BadInputException("Frame 'overlay' '" + overlay + "' is not one of " + OVERLAYS);
        }
        String agreement = in.agreement() != null
                ? (in.agreement().isBlank() ? null : in.agreement().strip())
                : base == null ? null : base.agreement();
        if (agreement != null && agreements.find(agreement, null).isEmpty()) {
            throw new BadInputException("Frame 'agreement' '" + agreement + "' is not an agreement");
        }
        return new Frame(
                base == null ? 0 : base.id(),
                base == null ? 0 : base.position(),
                title,
                day,
                windowFrom,
                lat,
                lon,
                zoom,
                bbox,
                List.copyOf(visible),
                narrative,
                List.copyOf(highlights),
                overlay,
                agreement);
    }

    /**
     * The days the data spans, as the map's slider does: layers that change over time (events, or a history
     * longer than one state) count; a layer drawn once (e.g. governorates since 2011) only when none changes.
     */
    LocalDate[] extent() {
        List<Layer> dated =
                layers.layers().stream().filter(l -> l.extentFrom() != null).toList();
        List<Layer> changing = dated.stream()
                .filter(l -> l.kind() == LayerKind.EVENT
                        || (l.extentTo() != null && l.extentTo().isAfter(l.extentFrom())))
                .toList();
        List<Layer> basis = changing.isEmpty() ? dated : changing;
        if (basis.isEmpty()) {
            return null;
        }
        Instant from =
                basis.stream().map(Layer::extentFrom).min(Instant::compareTo).orElseThrow();
        Instant to = basis.stream()
                .map(l -> l.extentTo() == null ? l.extentFrom() : l.extentTo())
                .max(Instant::compareTo)
                .orElseThrow();
        return new LocalDate[] {day(from), day(to.isBefore(from) ? from : to)};
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
