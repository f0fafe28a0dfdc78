package org.frontline.analysis.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.web.BadInputException;
import org.frontline.web.NotFoundException;
import org.frontline.web.TimeParam;

/** Checks on the inputs analyses share; every message names the parameter at fault. */
final class AnalysisParams {
    static final double MAX_KM = 1000;
    /** Ids of layers an analysis creates: short, lower-case, safe in a URL path and in feature ids. */
    private static final Pattern NEW_LAYER_ID = Pattern.compile("[a-z][a-z0-9_-]{0,40}");

    private AnalysisParams() {}

    /** A distance in km in (0, 1000] (or [0, 1000] when zero is allowed). */
    static double distanceKm(Double value, String name, boolean zeroAllowed) {
        if (value == null) {
            throw new BadInputException(name + " is missing (a distance in km)");
        }
        if (!Double.isFinite(value) || value < 0 || (!zeroAllowed && value == 0)) {
            throw new BadInputException(
                    name + " must be " + (zeroAllowed ? "zero or more" : "more than 0") + " km, got " + value);
        }
        if (value > MAX_KM) {
            throw new BadInputException(name + " must be at most " + (int) MAX_KM + " km, got " + value);
        }
        return value;
    }

    static Layer layer(LayerService layers, String id, String name) {
        if (id == null || id.isBlank()) {
            throw new BadInputException(name + " is missing (a layer id)");
        }
        return layers.layer(id)
                .orElseThrow(() -> new NotFoundException(
                        LayerService.unknownLayer(id).getMessage() + " (parameter " + name + ")"));
    }

    /** A layer id an analysis may write to (and create): a lower-case letter, then up to 40 of [a-z0-9_-]. */
    static String targetLayerId(String id, String name) {
        if (id == null || !NEW_LAYER_ID.matcher(id).matches()) {
            String shown = id == null ? "nothing" : "'" + (id.length() > 60 ? id.substring(0, 60) + "…" : id) + "'";
            throw new BadInputException(name + " must be a layer id: a lower-case letter, then up to 40 lower-case "
                    + "letters, digits, '_' or '-'; got " + shown);
        }
        return id;
    }

    /** The layer, which must hold points (e.g. observation posts). */
    static Layer pointLayer(LayerService layers, String id, String name) {
        return layerOfKind(layers, id, name, LayerKind.POINT);
    }

    /** The layer, which must hold areas (polygons). */
    static Layer areaLayer(LayerService layers, String id, String name) {
        return layerOfKind(layers, id, name, LayerKind.AREA);
    }

    private static Layer layerOfKind(LayerService layers, String id, String name, LayerKind kind) {
        Layer l = layer(layers, id, name);
        if (l.kind() != kind) {
            throw new BadInputException(
                    name + ": layer '" + id + "' holds " + l.kind().code() + " features, this analysis needs "
                            + (kind == LayerKind.AREA ? "an area" : "a point") + " layer");
        }
        return l;
    }

    /** A date that lies within the layer's data (from its first version to its last, or today if still true). */
    static Instant dateIn(Layer layer, String value, String name) {
        Instant t = TimeParam.required(value, name, "analysis");
        if (layer.extentFrom() == null) {
            throw new BadInputException(name + ": layer '" + layer.id() + "' has no data yet");
        }
        Instant last = layer.extentTo() != null
                ? layer.extentTo()
                : LocalDate.now(ZoneOffset.UTC)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
        if (t.isBefore(layer.extentFrom()) || t.isAfter(last)) {
            throw new BadInputException(name + " " + value + " is outside the data of layer '" + layer.id() + "' ("
                    + TimeParam.format(layer.extentFrom()) + " to "
                    + (layer.extentTo() == null ? "today" : TimeParam.format(layer.extentTo())) + ")");
        }
        return t;
    }

    static double[] lonLat(String text, String name) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new BadInputException(name + " must be lon,lat, got '" + text + "'");
        }
        try {
            double lon = Double.parseDouble(parts[0].strip());
            double lat = Double.parseDouble(parts[1].strip());
            if (!(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
                throw new BadInputException(
                        name + " is out of range: lon in [-180, 180], lat in [-90, 90], got '" + text + "'");
            }
            return new double[] {lon, lat};
        } catch (NumberFormatException e) {
            throw new BadInputException(name + " must be two numbers lon,lat, got '" + text + "'");
        }
    }
}
