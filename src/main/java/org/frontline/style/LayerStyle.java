package org.frontline.style;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The server's reading of a layer's style JSON, for images drawn without a browser (the PDF handout). It is the
 * twin of {@code frontend/js/style.js}: both reproduce the shared table {@code src/test/resources/style/cases.json}
 * and hold the same palette, so a feature has one colour and one symbol wherever it is drawn.
 */
public final class LayerStyle {

    /** Drawn where a style names something that is not a colour; {@link #warnings} says why. */
    public static final String FALLBACK = "#9e9e9e";

    /** Okabe and Ito's colour-blind-safe set, for values no table names. */
    public static final List<String> PALETTE =
            List.of("#e69f00", "#56b4e9", "#009e73", "#0072b2", "#d55e00", "#cc79a7", "#7f7f7f");

    /** Colours of the worked example's well-known properties. */
    public static final Map<String, Map<String, String>> KNOWN = Map.of(
            "party",
                    ordered(
                            "government",
                            "#d55e00",
                            "opposition",
                            "#009e73",
                            "sdf",
                            "#f0e442",
                            "turkey",
                            "#56b4e9",
                            "isis",
                            "#000000"),
            "zoneType", ordered("dmz", "#e69f00", "security-corridor", "#882255"),
            "eventType",
                    ordered(
                            "Battles",
                            "#e69f00",
                            "Explosions/Remote violence",
                            "#332288",
                            "Violence against civilians",
                            "#cc79a7",
                            "Protests",
                            "#56b4e9",
                            "Riots",
                            "#009e73",
                            "Strategic developments",
                            "#7f7f7f"),
            "status",
                    ordered("open", "#0072b2", "threatened", "#e69f00", "surrounded", "#882255", "closed", "#bbbbbb"));

    /** Post statuses differ by shape as well as colour. */
    public static final Map<String, Map<String, String>> KNOWN_SYMBOLS = Map.of(
            "status", ordered("open", "circle", "threatened", "triangle", "surrounded", "square", "closed", "cross"));

    /** Symbol outlines in a unit box, y down ("circle" has none: it is drawn as a circle). */
    public static final Map<String, double[][]> SYMBOLS = Map.of(
            "triangle", new double[][] {{0, -1}, {0.95, 0.75}, {-0.95, 0.75}},
            "square", new double[][] {{-0.8, -0.8}, {0.8, -0.8}, {0.8, 0.8}, {-0.8, 0.8}},
            "diamond", new double[][] {{0, -1}, {1, 0}, {0, 1}, {-1, 0}},
            "cross",
                    new double[][] {
                        {-0.3, -1},
                        {0.3, -1},
                        {0.3, -0.3},
                        {1, -0.3},
                        {1, 0.3},
                        {0.3, 0.3},
                        {0.3, 1},
                        {-0.3, 1},
                        {-0.3, 0.3},
                        {-1, 0.3},
                        {-1, -0.3},
                        {-0.3, -0.3}
                    });

    /** Analysis overlays: ground gained and lost, their outline, buffers (rings use the status colours). */
    public static final Map<String, String> OVERLAY =
            ordered("gained", "#0072b2", "lost", "#e69f00", "outline", "#1a1a1a", "buffer", "#332288");

    private static final List<String> KEYS = List.of(
            "color",
            "fillColor",
            "weight",
            "opacity",
            "fillOpacity",
            "dashArray",
            "radius",
            "byProperty",
            "colors",
            "symbols",
            "visible");

    private record Defaults(String color, double weight, double opacity, double fillOpacity, double radius) {}

    private static final Map<String, Defaults> DEFAULTS = Map.of(
            "area", new Defaults("#555555", 1.5, 0.9, 0.3, 6),
            "line", new Defaults("#444444", 3, 0.9, 0, 6),
            "point", new Defaults("#555555", 1.5, 1, 0.9, 7),
            "event", new Defaults("#555555", 0.6, 1, 0.8, 5));

    /**
     * How one feature is drawn: stroke colour, fill colour (null: no fill), opacities, stroke weight, dash pattern
     * (null: solid), radius and symbol (points and events only).
     */
    public record Look(
            String color,
            String fillColor,
            double fillOpacity,
            double opacity,
            double weight,
            String dashArray,
            Double radius,
            String symbol) {}

    private final String id;
    private final String kind;
    private final JsonNode style;

    /** {@code kind}: area, line, point or event (lower case, as the API writes it). */
    public LayerStyle(String id, String kind, JsonNode style) {
        this.id = id;
        this.kind = DEFAULTS.containsKey(kind) ? kind : "area";
        this.style = style != null && style.isObject() ? style : null;
    }

    private JsonNode get(String key) {
        JsonNode n = style == null ? null : style.get(key);
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    private JsonNode table(String key) {
        JsonNode n = get(key);
        return n != null && n.isObject() ? n : null;
    }

    /** '#abc' or '#AABBCC' to '#aabbcc'; anything else null. */
    public static String normalColor(JsonNode value) {
        if (value == null || !value.isString()) {
            return null;
        }
        String s = value.asString();
        if (!s.matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")) {
            return null;
        }
        String h = s.substring(1).toLowerCase(Locale.ROOT);
        return h.length() == 3
                ? "#" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2)
                : "#" + h;
    }

    /** The property that decides a feature's colour. */
    public String categoryProperty() {
        JsonNode by = get("byProperty");
        if (by != null && by.isString() && !by.asString().isEmpty()) {
            return by.asString();
        }
        return switch (kind) {
            case "event" -> "eventType";
            case "point" -> "status";
            default -> "zones".equals(id) ? "zoneType" : "control".equals(id) ? "party" : null;
        };
    }

    private double number(String key, double fallback, double max) {
        JsonNode n = get(key);
        if (n == null || !n.isNumber()) {
            return fallback;
        }
        double v = n.doubleValue();
        return Double.isFinite(v) && v >= 0 && v <= max ? v : fallback;
    }

    private static String text(JsonNode n) {
        return n.isString() ? n.asString() : n.toString();
    }

    /** What cannot be used as written; each is drawn with a visible fallback instead. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (style == null) {
            return out;
        }
        style.propertyNames().stream()
                .sorted()
                .filter(k -> !KEYS.contains(k))
                .forEach(k -> out.add("unknown style property '" + k + "' ignored"));
        for (String key : List.of("color", "fillColor")) {
            if (get(key) != null && normalColor(get(key)) == null) {
                out.add(key + " '" + text(get(key)) + "' is not a colour: drawn grey");
            }
        }
        Map<String, Integer> ranges = ordered("weight", 20, "opacity", 1, "fillOpacity", 1, "radius", 30);
        for (Map.Entry<String, Integer> e : ranges.entrySet()) {
            if (get(e.getKey()) != null && Double.isNaN(number(e.getKey(), Double.NaN, e.getValue()))) {
                out.add(e.getKey() + " '" + text(get(e.getKey())) + "' is not a number 0–" + e.getValue());
            }
        }
        JsonNode dash = get("dashArray");
        if (dash != null && dashArray() == null) {
            out.add("dashArray '" + text(dash) + "' is not a dash pattern");
        }
        if (get("colors") != null && table("colors") == null) {
            out.add("colors is not a table of value → colour");
        }
        sortedEntries(table("colors")).forEach((value, c) -> {
            if (normalColor(c) == null) {
                out.add("colour '" + text(c) + "' for " + value + " is not a colour: drawn grey");
            }
        });
        sortedEntries(table("symbols")).forEach((value, sym) -> {
            if (!isSymbol(sym)) {
                out.add("symbol '" + text(sym) + "' for " + value + " is unknown: drawn as a circle");
            }
        });
        return out;
    }

    private static Map<String, JsonNode> sortedEntries(JsonNode table) {
        Map<String, JsonNode> out = new TreeMap<>();
        if (table != null) {
            table.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static boolean isSymbol(JsonNode sym) {
        return sym.isString() && ("circle".equals(sym.asString()) || SYMBOLS.containsKey(sym.asString()));
    }

    private String dashArray() {
        JsonNode dash = get("dashArray");
        return dash != null && dash.isString() && dash.asString().matches("\\d+(\\.\\d+)?( \\d+(\\.\\d+)?)*")
                ? dash.asString()
                : null;
    }

    /** The colour of a category value: the style's table, then the well-known table, then a stable palette pick. */
    public String categoryColor(String value) {
        JsonNode colors = table("colors");
        if (value != null && colors != null && colors.has(value)) {
            String c = normalColor(colors.get(value));
            return c != null ? c : FALLBACK;
        }
        Map<String, String> known = KNOWN.get(String.valueOf(categoryProperty()));
        if (value != null && known != null && known.containsKey(value)) {
            return known.get(value);
        }
        if (value == null) {
            return baseColor();
        }
        return PALETTE.get((int) (Integer.toUnsignedLong(value.hashCode()) % PALETTE.size()));
    }

    private String baseColor() {
        JsonNode c = get("color");
        if (c != null) {
            String n = normalColor(c);
            return n != null ? n : FALLBACK;
        }
        return DEFAULTS.get(kind).color();
    }

    /** The symbol of a category value (points and events). */
    public String categorySymbol(String value) {
        JsonNode symbols = table("symbols");
        if (value != null && symbols != null && symbols.has(value)) {
            return isSymbol(symbols.get(value)) ? symbols.get(value).asString() : "circle";
        }
        Map<String, String> known = KNOWN_SYMBOLS.get(String.valueOf(categoryProperty()));
        return value != null && known != null && known.containsKey(value) ? known.get(value) : "circle";
    }

    /** How a feature with these properties is drawn. */
    public Look look(Map<String, ?> props) {
        Defaults d = DEFAULTS.get(kind);
        String prop = categoryProperty();
        Object raw = prop == null || props == null ? null : props.get(prop);
        String value = raw == null ? null : String.valueOf(raw);
        String category = value == null ? null : categoryColor(value);
        String colour = category != null ? category : baseColor();
        String fillBase = category != null
                ? category
                : get("fillColor") != null ? orFallback(normalColor(get("fillColor"))) : colour;
        double fillOpacity = number("fillOpacity", d.fillOpacity(), 1);
        double weight = number("weight", d.weight(), 20);
        double opacity = number("opacity", d.opacity(), 1);
        double base = number("radius", d.radius(), 30);
        if (kind.equals("point") || kind.equals("event")) {
            double radius = base;
            if (kind.equals("event")) {
                double killed = props == null ? 0 : killed(props.get("fatalities"));
                radius = Math.min(14, base * 0.8 + Math.sqrt(Math.max(0, killed)));
            }
            return new Look("#222222", colour, fillOpacity, opacity, weight, null, radius, categorySymbol(value));
        }
        boolean line = kind.equals("line");
        return new Look(
                colour,
                line || fillOpacity == 0 ? null : fillBase,
                line ? 0 : fillOpacity,
                opacity,
                weight,
                dashArray(),
                null,
                null);
    }

    private static String orFallback(String c) {
        return c != null ? c : FALLBACK;
    }

    private static double killed(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return v == null ? 0 : Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One legend row. */
    public record LegendEntry(String value, String color, String symbol) {}

    /** Legend rows: the style's table, then the values seen in the data; else the well-known values. */
    public List<LegendEntry> legend(Collection<String> seen) {
        List<String> values = new ArrayList<>();
        JsonNode colors = table("colors");
        List<String> seenSorted = seen == null
                ? List.of()
                : seen.stream().filter(v -> v != null).sorted().toList();
        if (colors != null) {
            values.addAll(colors.propertyNames());
            seenSorted.stream().filter(v -> !colors.has(v)).forEach(values::add);
        } else if (!seenSorted.isEmpty()) {
            values.addAll(seenSorted);
        } else if (get("byProperty") != null
                && KNOWN.containsKey(String.valueOf(categoryProperty()))
                && !kind.equals("event")) {
            values.addAll(KNOWN.get(categoryProperty()).keySet());
        }
        return values.stream()
                .map(v -> new LegendEntry(v, categoryColor(v), categorySymbol(v)))
                .toList();
    }

    private static <V> Map<String, V> ordered(Object... kv) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked")
            V v = (V) kv[i + 1];
            m.put((String) kv[i], v);
        }
        return Collections.unmodifiableMap(m);
    }
}
