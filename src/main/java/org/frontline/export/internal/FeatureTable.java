package org.frontline.export.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.frontline.export.AcledColumns;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.frontline.web.TimeParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The columns a layer exports as a table (GeoPackage, non-event CSV, KML extended data), the same every time
 * for the same layer: validity, record time and provenance columns, then the properties — for event layers
 * the ACLED property columns (fixed), for other layers every property key the layer's current features use,
 * typed by what all their values are (integer, real, boolean, else text).
 */
record FeatureTable(List<Column> columns, boolean events) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Type {
        TEXT,
        INTEGER,
        REAL,
        BOOLEAN,
        DATE,
        DATETIME
    }

    /** A column and, for property columns, the property it reads. */
    record Column(String name, Type type, String property) {}

    static final List<Column> COMMON = List.of(
            new Column("feature_id", Type.TEXT, null),
            new Column("valid_from", Type.DATETIME, null),
            new Column("valid_to", Type.DATETIME, null),
            new Column("recorded_at", Type.DATETIME, null),
            new Column("recorded_by", Type.TEXT, null),
            new Column("source_publisher", Type.TEXT, null),
            new Column("source_url", Type.TEXT, null),
            new Column("source_date", Type.DATE, null),
            new Column("confidence", Type.TEXT, null),
            new Column("geo_precision", Type.TEXT, null),
            new Column("time_precision", Type.TEXT, null));

    static FeatureTable of(Layer layer, LayerService store) {
        List<Column> cols = new ArrayList<>(COMMON);
        if (layer.kind() == LayerKind.EVENT) {
            for (String acled : AcledColumns.COLUMNS) {
                String prop = AcledColumns.PROPERTIES.get(acled);
                if (prop != null) {
                    cols.add(new Column(acled, acled.equals("fatalities") ? Type.INTEGER : Type.TEXT, prop));
                }
            }
            return new FeatureTable(cols, true);
        }
        Map<String, Type> keys = new TreeMap<>();
        store.stream(
                FeatureQuery.between(layer.id(), TimeParam.EARLIEST, TimeParam.LATEST),
                f -> f.properties().forEach((k, v) -> keys.merge(k, typeOf(v), FeatureTable::widen)));
        keys.forEach((k, t) -> {
            String name = COMMON.stream().anyMatch(c -> c.name().equals(k)) ? "p_" + k : k;
            cols.add(new Column(name, t == null ? Type.TEXT : t, k));
        });
        return new FeatureTable(cols, false);
    }

    private static Type typeOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return Type.INTEGER;
        }
        if (v instanceof Number) {
            return Type.REAL;
        }
        if (v instanceof Boolean) {
            return Type.BOOLEAN;
        }
        return Type.TEXT;
    }

    private static Type widen(Type a, Type b) {
        if (a == null) {
            return b;
        }
        if (b == null || a == b) {
            return a;
        }
        if ((a == Type.INTEGER && b == Type.REAL) || (a == Type.REAL && b == Type.INTEGER)) {
            return Type.REAL;
        }
        return Type.TEXT;
    }

    /** The row's values in column order, typed: String, Long, Double, Boolean, Instant or LocalDate. */
    List<Object> values(StoredFeature f) {
        List<Object> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(value(f, c));
        }
        return out;
    }

    private static Object value(StoredFeature f, Column c) {
        if (c.property() != null) {
            return convert(f.properties().get(c.property()), c.type());
        }
        return switch (c.name()) {
            case "feature_id" -> f.featureId();
            case "valid_from" -> f.validFrom();
            case "valid_to" -> f.validTo();
            case "recorded_at" -> f.recordedAt();
            case "recorded_by" -> f.recordedBy();
            case "source_publisher" -> f.provenance().publisher();
            case "source_url" -> f.provenance().url();
            case "source_date" -> f.provenance().date();
            case "confidence" -> f.provenance().confidence();
            case "geo_precision" -> f.provenance().geoPrecision();
            case "time_precision" -> f.provenance().timePrecision();
            default -> null;
        };
    }

    private static Object convert(Object v, Type t) {
        if (v == null) {
            return null;
        }
        return switch (t) {
            case INTEGER -> v instanceof Number n ? (Object) n.longValue() : parseLong(v.toString());
            case REAL -> v instanceof Number n ? (Object) n.doubleValue() : null;
            case BOOLEAN -> v instanceof Boolean b ? b : null;
            default -> v instanceof Map || v instanceof List ? JSON.writeValueAsString(v) : String.valueOf(v);
        };
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A DATETIME as text: ISO-8601 in UTC (what GeoPackage and spreadsheets read). */
    static String text(Object v) {
        if (v instanceof Instant t) {
            return t.toString();
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v == null ? null : v.toString();
    }
}
