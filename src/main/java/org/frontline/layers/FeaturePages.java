package org.frontline.layers;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.frontline.web.BadInputException;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages through a {@link FeatureQuery} in a stable order (feature id, then version id) with keyset cursors,
 * so a client following next/prev links never sees a version twice or misses one, however large the layer.
 * Property filters ({@code name=value}) are checked in Java on the stored JSON, so the SQL stays portable.
 */
@Component
public class FeaturePages {
    /** Properties held in columns rather than in the JSON properties. */
    private static final List<String> COLUMN_PROPERTIES =
            List.of("confidence", "geoPrecision", "timePrecision", "sourcePublisher", "sourceUrl");

    private final FeatureRepository features;
    private final StoreService store;
    private final JsonMapper json;

    FeaturePages(FeatureRepository features, StoreService store, JsonMapper json) {
        this.features = features;
        this.store = store;
        this.json = json;
    }

    /** A position in the order: after (or before) this version. Encoded as an opaque URL-safe token. */
    public record Cursor(String featureId, long versionId) {
        public String token() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((versionId + ":" + featureId).getBytes(StandardCharsets.UTF_8));
        }

        public static Cursor parse(String token, String name) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int colon = s.indexOf(':');
                return new Cursor(s.substring(colon + 1), Long.parseLong(s.substring(0, colon)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new BadInputException(name + " is not a cursor this service wrote: '" + token + "'");
            }
        }
    }

    /** Which page: {@code after} or {@code before} a cursor (neither: the first page), at most {@code limit}. */
    public record PageRequest(FeatureQuery query, Map<String, String> propertyEquals, Cursor after, Cursor before,
            int limit) {
        boolean backward() {
            return before != null;
        }
    }

    /** What a page held: how many, its first and last positions, and whether more lie beyond each end. */
    public record PageInfo(int returned, Cursor first, Cursor last, boolean moreBefore, boolean moreAfter) {
    }

    /**
     * Writes one page as a FeatureCollection; {@code trailer} adds members after the features (links,
     * counts), knowing the page.
     */
    @Transactional(readOnly = true)
    public PageInfo writePage(PageRequest req, OutputStream out, BiConsumer<JsonGenerator, PageInfo> trailer) {
        GeoJsonFeatureStream stream = new GeoJsonFeatureStream(out, json);
        PageInfo info = scan(req, stream::write);
        stream.close(g -> trailer.accept(g, info));
        return info;
    }

    /** A page of stored features and what it held. */
    public record Page(List<StoredFeature> features, PageInfo info) {
    }

    /** One page as stored features (for HTML pages). */
    @Transactional(readOnly = true)
    public Page page(PageRequest req) {
        List<StoredFeature> out = new ArrayList<>();
        PageInfo info = scan(req, r -> out.add(store.toStored(r)));
        return new Page(out, info);
    }

    /** How many versions match the query and the property filters (OGC numberMatched). */
    @Transactional(readOnly = true)
    public long count(FeatureQuery query, Map<String, String> propertyEquals) {
        List<Object> args = new ArrayList<>();
        String where = features.where(query, args);
        if (propertyEquals.isEmpty()) {
            Long n = features.jdbc().queryForObject("SELECT count(*) FROM feature_version WHERE " + where,
                    Long.class, args.toArray());
            return n == null ? 0 : n;
        }
        long[] n = {0};
        features.stream(query, r -> {
            if (matches(r, propertyEquals)) {
                n[0]++;
            }
        });
        return n[0];
    }

    /**
     * The feature's version that the query selects (time, record time), the latest by valid time when
     * several do; written as one GeoJSON Feature with {@code extra} members. False when there is none.
     */
    @Transactional(readOnly = true)
    public boolean writeFeature(FeatureQuery query, String featureId, OutputStream out, Consumer<JsonGenerator> extra) {
        Optional<FeatureRow> row = latest(query, featureId);
        row.ifPresent(r -> GeoJsonFeatureStream.writeSingle(out, json, r, extra));
        return row.isPresent();
    }

    /** The same version as {@link #writeFeature}, as a stored feature. */
    @Transactional(readOnly = true)
    public Optional<StoredFeature> feature(FeatureQuery query, String featureId) {
        return latest(query, featureId).map(store::toStored);
    }

    /** [minLon, minLat, maxLon, maxLat] of the layer's current versions; null when empty or unknown. */
    @Transactional(readOnly = true)
    public double[] bbox(String layerId) {
        try {
            return features.jdbc().queryForObject("SELECT min(ST_XMin(geom)), min(ST_YMin(geom)), max(ST_XMax(geom)), "
                    + "max(ST_YMax(geom)) FROM feature_version WHERE layer_id = ? AND superseded_at IS NULL",
                    (rs, i) -> rs.getObject(1) == null ? null
                            : new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)},
                    layerId);
        } catch (DataAccessException e) {
            return null; // an engine without these functions: clients fall back to the whole world
        }
    }

    private Optional<FeatureRow> latest(FeatureQuery query, String featureId) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + features.columns() + " FROM feature_version WHERE " + features.where(query, args)
                + " AND feature_id = ? ORDER BY valid_from DESC, version_id DESC LIMIT 1";
        args.add(featureId);
        List<FeatureRow> rows = features.jdbc().query(sql, (rs, i) -> FeatureRepository.row(rs), args.toArray());
        return rows.stream().findFirst();
    }

    private PageInfo scan(PageRequest req, Consumer<FeatureRow> sink) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(features.columns())
                .append(" FROM feature_version WHERE ").append(features.where(req.query(), args));
        Cursor at = req.backward() ? req.before() : req.after();
        String cmp = req.backward() ? "<" : ">";
        if (at != null) {
            // Written so that an index on (layer_id, feature_id, version_id) can serve it as a range.
            sql.append(" AND feature_id ").append(cmp).append("= ? AND (feature_id ").append(cmp)
                    .append(" ? OR version_id ").append(cmp).append(" ?)");
            args.add(at.featureId());
            args.add(at.featureId());
            args.add(at.versionId());
        }
        String dir = req.backward() ? " DESC" : "";
        sql.append(" ORDER BY feature_id").append(dir).append(", version_id").append(dir);
        boolean filtered = !req.propertyEquals().isEmpty();
        if (!filtered) {
            sql.append(" LIMIT ?");
            args.add(req.limit() + 1);
        }
        List<FeatureRow> backward = new ArrayList<>();
        Object[] state = new Object[3]; // first, last, more
        int[] n = {0};
        features.jdbc().query(sql.toString(), (ResultSet rs) -> {
            try {
                while (rs.next()) {
                    FeatureRow r = FeatureRepository.row(rs);
                    if (filtered && !matches(r, req.propertyEquals())) {
                        continue;
                    }
                    if (n[0] == req.limit()) {
                        state[2] = Boolean.TRUE;
                        break;
                    }
                    n[0]++;
                    if (req.backward()) {
                        backward.add(r);
                    } else {
                        if (state[0] == null) {
                            state[0] = cursor(r);
                        }
                        state[1] = cursor(r);
                        sink.accept(r);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }, args.toArray());
        boolean more = state[2] != null;
        if (req.backward()) {
            Collections.reverse(backward);
            backward.forEach(sink);
            Cursor first = backward.isEmpty() ? null : cursor(backward.get(0));
            Cursor last = backward.isEmpty() ? null : cursor(backward.get(backward.size() - 1));
            return new PageInfo(n[0], first, last, more, true);
        }
        return new PageInfo(n[0], (Cursor) state[0], (Cursor) state[1], req.after() != null, more);
    }

    private static Cursor cursor(FeatureRow r) {
        return new Cursor(r.featureId(), r.versionId());
    }

    private boolean matches(FeatureRow r, Map<String, String> propertyEquals) {
        JsonNode props = null;
        for (Map.Entry<String, String> e : propertyEquals.entrySet()) {
            String actual = switch (e.getKey()) {
                case "confidence" -> r.provenance().confidence();
                case "geoPrecision" -> r.provenance().geoPrecision();
                case "timePrecision" -> r.provenance().timePrecision();
                case "sourcePublisher" -> r.provenance().publisher();
                case "sourceUrl" -> r.provenance().url();
                default -> {
                    if (props == null) {
                        props = json.readTree(r.propsJson());
                    }
                    JsonNode v = props.get(e.getKey());
                    yield v == null || !v.isValueNode() || v.isNull() ? null : v.asString();
                }
            };
            if (!e.getValue().equals(actual)) {
                return false;
            }
        }
        return true;
    }

    /** The names a property filter may use besides the free properties. */
    public static List<String> columnProperties() {
        return COLUMN_PROPERTIES;
    }
}
