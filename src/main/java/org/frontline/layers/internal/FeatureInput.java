package org.frontline.layers.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.geo.InvalidGeometryException;
import org.frontline.layers.LayerKind;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.web.BadInputException;
import org.frontline.web.TimeParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a posted GeoJSON Feature or FeatureCollection into {@link NewFeature}s. Validity and provenance
 * travel as properties; every problem is reported with the feature it concerns.
 */
public final class FeatureInput {
    static final Set<String> RESERVED = Set.of(
            "validFrom",
            "validTo",
            "sourcePublisher",
            "sourceUrl",
            "sourceDate",
            "confidence",
            "geoPrecision",
            "timePrecision",
            "versionId",
            "recordedAt",
            "recordedBy",
            "layer");
    static final List<String> FIGURES = List.of("fatalities", "killed", "wounded", "injured", "displaced");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final GeoJsonGeometryReader geometries;
    private final JsonMapper json;

    public FeatureInput(GeoJsonGeometryReader geometries, JsonMapper json) {
        this.geometries = geometries;
        this.json = json;
    }

    /** A Feature or a FeatureCollection, as a list. */
    public List<NewFeature> readAll(JsonNode root, LayerKind kind, String user) {
        String type = typeOf(root);
        if ("Feature".equals(type)) {
            return List.of(read(root, 0, kind, user));
        }
        if (!"FeatureCollection".equals(type)) {
            throw new BadInputException("expected a GeoJSON Feature or FeatureCollection, got "
                    + (type == null ? "JSON without a \"type\"" : "type \"" + type + "\""));
        }
        JsonNode list = root.get("features");
        if (list == null || !list.isArray()) {
            throw new BadInputException("the FeatureCollection has no \"features\" array");
        }
        if (list.isEmpty()) {
            throw new BadInputException("the FeatureCollection has no features");
        }
        List<NewFeature> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(read(list.get(i), i, kind, user));
        }
        return out;
    }

    /** One Feature; {@code index} names it in messages. */
    public NewFeature read(JsonNode f, int index, LayerKind kind, String user) {
        String label = "#" + (index + 1);
        if (!"Feature".equals(typeOf(f))) {
            throw new BadInputException("feature " + label + ": expected an object with \"type\": \"Feature\"");
        }
        String id = id(f.get("id"), label);
        if (id != null) {
            label += " (id '" + id + "')";
        }
        JsonNode props = f.get("properties");
        if (props != null && !props.isNull() && !props.isObject()) {
            throw new BadInputException("feature " + label + ": \"properties\" must be an object");
        }
        if (props == null || props.isNull()) {
            props = json.createObjectNode();
        }
        try {
            var geometry = geometries.read(f.get("geometry"));
            checkFigures(props);
            String precision = choice(props, "timePrecision", Provenance.TIME_PRECISIONS, "day", label);
            Instant validFrom = TimeParam.required(text(props, "validFrom"), "validFrom", label);
            Instant validTo = TimeParam.optional(text(props, "validTo"), "validTo", label);
            if (validTo == null && kind == LayerKind.EVENT) {
                validTo = TimeParam.endOfPeriod(validFrom, precision);
            }
            if (validTo != null && !validTo.isAfter(validFrom)) {
                throw new BadInputException("feature " + label + ": validTo (" + text(props, "validTo")
                        + ") must be after validFrom (" + text(props, "validFrom") + ")");
            }
            Provenance provenance = new Provenance(
                    orDefault(limited(text(props, "sourcePublisher"), "sourcePublisher", 300), "analyst " + user),
                    url(text(props, "sourceUrl"), label),
                    sourceDate(text(props, "sourceDate"), label),
                    choice(props, "confidence", Provenance.CONFIDENCES, "medium", label),
                    choice(props, "geoPrecision", Provenance.GEO_PRECISIONS, "exact", label),
                    precision);
            return new NewFeature(id, geometry, ownProperties(props), validFrom, validTo, provenance);
        } catch (InvalidGeometryException e) {
            throw new BadInputException("feature " + label + ": " + e.getMessage());
        } catch (BadInputException e) {
            if (e.getMessage().startsWith("feature ")) {
                throw e;
            }
            throw new BadInputException("feature " + label + ": " + e.getMessage());
        }
    }

    private Map<String, Object> ownProperties(JsonNode props) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : props.properties()) {
            if (!RESERVED.contains(e.getKey())) {
                out.put(e.getKey(), json.treeToValue(e.getValue(), Object.class));
            }
        }
        return out;
    }

    private static String id(JsonNode id, String label) {
        if (id == null || id.isNull()) {
            return null;
        }
        String s = id.isNumber() ? id.asString() : id.isString() ? id.stringValue() : null;
        if (s == null || !ID.matcher(s).matches()) {
            throw new BadInputException(
                    "feature " + label + ": id must be 1-100 letters, digits or . _ : -, got " + id);
        }
        return s;
    }

    private static String typeOf(JsonNode n) {
        return n != null && n.isObject() && n.path("type").isString()
                ? n.path("type").stringValue()
                : null;
    }

    private static String text(JsonNode props, String name) {
        JsonNode v = props.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new BadInputException(name + " must be a string, got " + v);
        }
        String s = v.stringValue().strip();
        return s.isEmpty() ? null : s;
    }

    private static String choice(JsonNode props, String name, Set<String> allowed, String dflt, String label) {
        String v = text(props, name);
        if (v == null) {
            return dflt;
        }
        if (!allowed.contains(v)) {
            throw new BadInputException("feature " + label + ": " + name + " must be one of "
                    + allowed.stream().sorted().toList() + ", got '" + v + "'");
        }
        return v;
    }

    private static String limited(String value, String name, int max) {
        if (value != null && value.length() > max) {
            throw new BadInputException(name + " is longer than " + max + " characters");
        }
        return value;
    }

    /** Counts of people must be whole numbers of zero or more. */
    private static void checkFigures(JsonNode props) {
        for (String name : FIGURES) {
            JsonNode v = props.get(name);
            // canConvertToLong first: a figure above 2^63 would overflow (was a 500)
            if (v != null
                    && !v.isNull()
                    && !(v.canConvertToExactIntegral() && v.canConvertToLong() && v.asLong() >= 0)) {
                throw new BadInputException(name + " must be a whole number from 0 to " + Long.MAX_VALUE + ", got "
                        + (v.toString().length() > 40 ? v.toString().substring(0, 40) + "…" : v));
            }
        }
    }

    private static String url(String url, String label) {
        if (url == null) {
            return null;
        }
        limited(url, "sourceUrl", 2000);
        try {
            URI u = URI.create(url);
            if (("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new BadInputException("feature " + label + ": sourceUrl must be an http(s) URL, got '" + url + "'");
    }

    private static LocalDate sourceDate(String s, String label) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (RuntimeException e) {
            throw new BadInputException("feature " + label + ": sourceDate is not a date (YYYY-MM-DD): '" + s + "'");
        }
    }

    private static String orDefault(String s, String dflt) {
        return s == null ? dflt : s;
    }
}
