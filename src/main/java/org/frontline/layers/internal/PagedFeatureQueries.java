package org.frontline.layers.internal;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.frontline.layers.FeaturePages;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.StoredFeature;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link FeaturePages} over the store's own query: the SELECT the time slider uses is wrapped as a sub-query,
 * ordered by (feature id, version id) and cut at the cursor, so both databases page with the same plain SQL.
 */
@Component
class PagedFeatureQueries implements FeaturePages {
    private final FeatureRepository features;
    private final StoreService store;
    private final JsonMapper json;

    PagedFeatureQueries(FeatureRepository features, StoreService store, JsonMapper json) {
        this.features = features;
        this.store = store;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public PageInfo writePage(PageRequest req, OutputStream out, BiConsumer<JsonGenerator, PageInfo> trailer) {
        GeoJsonFeatureStream stream = new GeoJsonFeatureStream(out, json);
        PageInfo info = scan(req, stream::write);
        stream.close(g -> trailer.accept(g, info));
        return info;
    }

    @Override
    @Transactional(readOnly = true)
    public Page page(PageRequest req) {
        List<StoredFeature> out = new ArrayList<>();
        PageInfo info = scan(req, r -> out.add(store.toStored(r)));
        return new Page(out, info);
    }

    @Override
    @Transactional(readOnly = true)
    public long count(FeatureQuery query, Map<String, String> propertyEquals) {
        if (propertyEquals.isEmpty()) {
            List<Object> args = new ArrayList<>();
            Long n = features.jdbc()
                    .queryForObject(
                            "SELECT count(*) FROM (" + features.select(query, args) + ") q",
                            Long.class,
                            args.toArray());
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

    @Override
    @Transactional(readOnly = true)
    public boolean writeFeature(FeatureQuery query, String featureId, OutputStream out, Consumer<JsonGenerator> extra) {
        Optional<FeatureRow> row = latest(query, featureId);
        row.ifPresent(r -> GeoJsonFeatureStream.writeSingle(out, json, r, extra));
        return row.isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoredFeature> feature(FeatureQuery query, String featureId) {
        return latest(query, featureId).map(store::toStored);
    }

    @Override
    @Transactional(readOnly = true)
    public double[] bbox(String layerId) {
        String sql = features.dialect() == SqlDialect.POSTGIS
                ? "SELECT min(ST_XMin(geom)), min(ST_YMin(geom)), max(ST_XMax(geom)), max(ST_YMax(geom))"
                : "SELECT min(min_x), min(min_y), max(max_x), max(max_y)";
        return features.jdbc()
                .queryForObject(
                        sql + " FROM feature_version WHERE layer_id = ? AND superseded_at IS NULL",
                        (rs, i) -> rs.getObject(1) == null
                                ? null
                                : new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)},
                        layerId);
    }

    private Optional<FeatureRow> latest(FeatureQuery query, String featureId) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT * FROM (" + features.select(query, args) + ") q WHERE q.feature_id = ?"
                + " ORDER BY q.valid_from DESC, q.version_id DESC LIMIT 1";
        args.add(featureId);
        return features.jdbc().query(sql, (rs, i) -> FeatureRepository.row(rs), args.toArray()).stream()
                .findFirst();
    }

    private PageInfo scan(PageRequest req, Consumer<FeatureRow> sink) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM (")
                .append(features.select(req.query(), args))
                .append(") q WHERE 1 = 1");
        Cursor at = req.backward() ? req.before() : req.after();
        String cmp = req.backward() ? "<" : ">";
        if (at != null) {
            // Written so that an index on (layer_id, feature_id, version_id) can serve it as a range.
            sql.append(" AND q.feature_id ")
                    .append(cmp)
                    .append("= ? AND (q.feature_id ")
                    .append(cmp)
                    .append(" ? OR q.version_id ")
                    .append(cmp)
                    .append(" ?)");
            args.add(at.featureId());
            args.add(at.featureId());
            args.add(at.versionId());
        }
        String dir = req.backward() ? " DESC" : "";
        sql.append(" ORDER BY q.feature_id")
                .append(dir)
                .append(", q.version_id")
                .append(dir);
        boolean filtered = !req.propertyEquals().isEmpty();
        if (!filtered) {
            sql.append(" LIMIT ?");
            args.add(req.limit() + 1);
        }
        List<FeatureRow> backward = new ArrayList<>();
        Object[] state = new Object[3]; // first, last, more
        int[] n = {0};
        features.jdbc()
                .query(
                        sql.toString(),
                        (ResultSet rs) -> {
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
                        },
                        args.toArray());
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
}
