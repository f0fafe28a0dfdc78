package org.frontline.ogc.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.frontline.layers.FeaturePages.Cursor;
import org.frontline.layers.FeaturePages.PageRequest;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.QueryParams;
import org.frontline.web.BadInputException;
import org.frontline.web.TimeParam;

/**
 * The query parameters of {@code /collections/{id}/items}: {@code bbox}, {@code datetime} (an instant, a
 * closed interval or one with an open end {@code ..}, mapped to valid time), {@code limit} (default 100,
 * larger values are served as 10,000), the vendor parameter {@code asOf} (record time), the paging cursors
 * {@code after}/{@code before} and any other parameter as an equality filter on a simple property.
 */
final class ItemsQuery {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final Set<String> RESERVED =
            Set.of("f", "limit", "bbox", "bbox-crs", "datetime", "asOf", "after", "before");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");

    private ItemsQuery() {}

    static PageRequest parse(Layer layer, Map<String, String[]> params) {
        FeatureQuery q = timeAndSpace(
                layer, one(params, "datetime"), one(params, "bbox"), one(params, "bbox-crs"), one(params, "asOf"));
        String after = one(params, "after");
        String before = one(params, "before");
        if (after != null && before != null) {
            throw new BadInputException("give either 'after' or 'before', not both");
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            if (RESERVED.contains(e.getKey())) {
                continue;
            }
            if (!PROPERTY.matcher(e.getKey()).matches()) {
                throw new BadInputException(
                        "'" + e.getKey() + "' is not a parameter of this service nor a property name");
            }
            props.put(e.getKey(), one(params, e.getKey()));
        }
        return new PageRequest(
                q,
                props,
                after == null ? null : Cursor.parse(after, "after"),
                before == null ? null : Cursor.parse(before, "before"),
                limit(one(params, "limit")));
    }

    /** Valid time from {@code datetime}, record time from {@code asOf}, space from {@code bbox}. */
    static FeatureQuery timeAndSpace(Layer layer, String datetime, String bbox, String bboxCrs, String asOf) {
        if (bboxCrs != null && !CRS84.equals(bboxCrs.strip())) {
            throw new BadInputException("bbox-crs must be " + CRS84 + " (the only CRS served), got '" + bboxCrs + "'");
        }
        String at = null;
        String from = null;
        String to = null;
        if (datetime != null) {
            String d = datetime.strip();
            int slash = d.indexOf('/');
            if (slash < 0) {
                TimeParam.parse(d, "datetime");
                if (TimeParam.isDate(d)) {
                    from = d; // a date is the whole day
                    to = d;
                } else {
                    at = d;
                }
            } else {
                String start = d.substring(0, slash).strip();
                String end = d.substring(slash + 1).strip();
                boolean openStart = start.isEmpty() || start.equals("..");
                boolean openEnd = end.isEmpty() || end.equals("..");
                if (end.contains("/")) {
                    throw new BadInputException("datetime has more than one '/': '" + datetime + "'");
                }
                Instant s = openStart ? TimeParam.EARLIEST : TimeParam.parse(start, "datetime start");
                Instant e = openEnd ? TimeParam.LATEST : TimeParam.parse(end, "datetime end");
                if (TimeParam.isDate(end)) {
                    e = e.plus(1, ChronoUnit.DAYS); // a date as the end means through that day
                }
                if (!e.isAfter(s)) {
                    throw new BadInputException("datetime ends before it starts: '" + datetime + "'");
                }
                from = openStart ? TimeParam.format(TimeParam.EARLIEST) : start;
                to = openEnd ? null : end;
            }
        }
        return QueryParams.parse(layer, at, from, to, bbox == null ? null : bbox2d(bbox), asOf);
    }

    /** A 2D box from 4 numbers, or from 6 (minLon,minLat,minZ,maxLon,maxLat,maxZ) by dropping the heights. */
    private static String bbox2d(String bbox) {
        String[] p = bbox.split(",");
        if (p.length == 6) {
            return String.join(",", p[0], p[1], p[3], p[4]);
        }
        return bbox;
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            if (value.strip().matches("\\d{10,}")) {
                return MAX_LIMIT;
            }
            throw new BadInputException(
                    "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + value + "'");
        }
        if (n < 1) {
            throw new BadInputException("limit must be at least 1, got " + n);
        }
        return Math.min(n, MAX_LIMIT);
    }

    static String one(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        if (v == null) {
            return null;
        }
        if (v.length > 1) {
            throw new BadInputException("'" + name + "' is given " + v.length + " times");
        }
        return v[0];
    }
}
