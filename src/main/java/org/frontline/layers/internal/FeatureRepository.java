package org.frontline.layers.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Provenance;
import org.frontline.web.RequestBudget;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL over the feature_version table. Every value is a bound parameter. The time-slider query is written per
 * database so that its index serves it: PostGIS's GiST over (layer, tstzrange, geom), SQLite's R*Tree over
 * (box, valid time, record time) whose 32-bit bounds are rounded outwards, so the exact columns are re-checked.
 */
@Repository
class FeatureRepository {
    private static final String COLUMNS = "f.feature_id, f.version_id, f.layer_id, %s AS wkb, %s AS props, "
            + "f.valid_from, f.valid_to, f.recorded_at, f.recorded_by, f.change_reason, f.superseded_at, "
            + "f.superseded_by, f.superseded_reason, f.source_publisher, f.source_url, f.source_date, f.confidence, "
            + "f.geo_precision, f.time_precision";
    /** The R*Tree's value for an open end (no valid_to, not superseded). */
    private static final double OPEN = 1e30;
    /** Rows per JDBC batch of inserts (an import's batch is one; pgjdbc rewrites it into multi-row INSERTs). */
    private static final int BATCH = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final String columns;

    FeatureRepository(DataSource dataSource) {
        this.jdbc = RequestBudget.jdbcTemplate(dataSource); // analyses and exports: within their time budget
        // Rows are streamed in pages; PostgreSQL only honours this inside a transaction.
        this.jdbc.setFetchSize(1000);
        this.dialect = SqlDialect.of(dataSource);
        this.columns = dialect == SqlDialect.POSTGIS
                ? COLUMNS.formatted("ST_AsBinary(f.geom)", "f.props::text")
                : COLUMNS.formatted("f.geom", "f.props");
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** True where the database itself tests exact geometries (PostGIS). */
    boolean exactInDatabase() {
        return dialect == SqlDialect.POSTGIS;
    }

    /** Streams the versions matching the query, in no particular order. */
    void stream(FeatureQuery q, Consumer<FeatureRow> sink) {
        stream(q, null, sink);
    }

    /**
     * Streams the versions matching the query that intersect {@code within} (null: no such test). PostGIS tests
     * the exact geometry in the database; on SQLite only the query's box is applied here and the caller tests
     * the rest ({@link #exactInDatabase()}).
     */
    void stream(FeatureQuery q, byte[] withinWkb, Consumer<FeatureRow> sink) {
        List<Object> args = new ArrayList<>();
        String sql = select(q, args);
        if (withinWkb != null && exactInDatabase()) {
            sql += " AND ST_Intersects(f.geom, ST_GeomFromWKB(?, 4326))";
            args.add(withinWkb);
        }
        jdbc.query(
                sql,
                rs -> {
                    RequestBudget.check();
                    sink.accept(row(rs));
                },
                args.toArray());
    }

    /** The SELECT of the query's versions (columns in {@link #row} order), its arguments appended to args. */
    String select(FeatureQuery q, List<Object> args) {
        return "SELECT " + columns + fromWhere(q, args);
    }

    /**
     * " FROM … WHERE …" selecting the query's versions as {@code f} (layer, record time, valid time, box), its
     * values appended to {@code args}: shared by the feature stream, the OGC pages and the density bins, so
     * all count the same rows through the same index.
     */
    String fromWhere(FeatureQuery q, List<Object> args) {
        return dialect == SqlDialect.POSTGIS ? postgisQuery(q, args, false) : sqliteQuery(q, args);
    }

    /**
     * The FROM … WHERE of the versions valid at the instant {@code q} asks that began before it (valid across it):
     * on PostGIS one containment that the space-time index answers by itself — valid at t − 1 µs and at t, the
     * database's resolution — instead of fetching every version valid at t to drop those that begin there.
     */
    String fromWhereAcross(FeatureQuery q, List<Object> args) {
        if (!q.instant()) throw new IllegalArgumentException("an instant is needed: " + q);
        if (dialect == SqlDialect.POSTGIS) return postgisQuery(q, args, true);
        String sql = sqliteQuery(q, args) + " AND f.valid_from < ?";
        args.add(odt(q.from()));
        return sql;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    private String postgisQuery(FeatureQuery q, List<Object> args, boolean across) {
        StringBuilder sql = new StringBuilder(" FROM feature_version f WHERE f.layer_id = ?");
        args.add(q.layerId());
        if (q.asOf() == null) {
            sql.append(" AND f.superseded_at IS NULL");
        } else {
            sql.append(" AND tstzrange(f.recorded_at, f.superseded_at) @> ?");
            args.add(odt(q.asOf()));
        }
        if (q.instant() && across) {
            sql.append(" AND tstzrange(f.valid_from, f.valid_to) @> tstzrange(?, ?, '[]')");
            args.add(odt(q.from().minusNanos(1_000)));
            args.add(odt(q.from()));
        } else if (q.instant()) {
            sql.append(" AND tstzrange(f.valid_from, f.valid_to) @> ?");
            args.add(odt(q.from()));
        } else {
            sql.append(" AND tstzrange(f.valid_from, f.valid_to) && tstzrange(?, ?)");
            args.add(odt(q.from()));
            args.add(odt(q.to()));
        }
        if (q.bbox() != null) {
            sql.append(" AND f.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
            args.add(q.bbox().getMinX());
            args.add(q.bbox().getMinY());
            args.add(q.bbox().getMaxX());
            args.add(q.bbox().getMaxY());
        }
        return sql.toString();
    }

    /** The R*Tree is the outer loop (CROSS JOIN fixes the order); each hit is re-checked on the row. */
    private String sqliteQuery(FeatureQuery q, List<Object> args) {
        StringBuilder tree = new StringBuilder();
        StringBuilder exact = new StringBuilder(" AND f.layer_id = ?");
        List<Object> treeArgs = new ArrayList<>();
        List<Object> exactArgs = new ArrayList<>();
        exactArgs.add(q.layerId());
        if (q.asOf() == null) {
            tree.append(" AND b.known_max >= ?");
            treeArgs.add(OPEN);
            exact.append(" AND f.superseded_at IS NULL");
        } else {
            double d = epochDays(q.asOf());
            tree.append(" AND b.known_min <= ? AND b.known_max >= ?");
            treeArgs.add(d);
            treeArgs.add(d);
            exact.append(" AND f.recorded_at <= ? AND (f.superseded_at IS NULL OR f.superseded_at > ?)");
            exactArgs.add(odt(q.asOf()));
            exactArgs.add(odt(q.asOf()));
        }
        // valid time: [valid_from, valid_to) meets [from, to), or contains the instant
        tree.append(" AND b.valid_min <= ? AND b.valid_max >= ?");
        treeArgs.add(epochDays(q.to()));
        treeArgs.add(epochDays(q.from()));
        if (q.instant()) {
            exact.append(" AND f.valid_from <= ? AND (f.valid_to IS NULL OR f.valid_to > ?)");
        } else {
            exact.append(" AND (f.valid_to IS NULL OR f.valid_to > ?) AND f.valid_from < ?");
        }
        exactArgs.add(odt(q.instant() ? q.from() : q.from()));
        exactArgs.add(odt(q.instant() ? q.from() : q.to()));
        if (q.bbox() != null) {
            Envelope e = q.bbox();
            tree.append(" AND b.max_x >= ? AND b.min_x <= ? AND b.max_y >= ? AND b.min_y <= ?");
            exact.append(" AND f.max_x >= ? AND f.min_x <= ? AND f.max_y >= ? AND f.min_y <= ?");
            for (List<Object> a : List.of(treeArgs, exactArgs)) {
                a.add(e.getMinX());
                a.add(e.getMaxX());
                a.add(e.getMinY());
                a.add(e.getMaxY());
            }
        }
        args.addAll(treeArgs);
        args.addAll(exactArgs);
        return " FROM feature_box b CROSS JOIN feature_version f ON f.version_id = b.id WHERE "
                + tree.substring(" AND ".length()) + exact;
    }

    private static double epochDays(Instant t) {
        return (t.getEpochSecond() + t.getNano() / 1e9) / 86_400.0;
    }

    List<FeatureRow> current(String featureId, boolean forUpdate) {
        return jdbc.query(
                "SELECT " + columns + " FROM feature_version f WHERE f.feature_id = ? "
                        + "AND f.superseded_at IS NULL ORDER BY f.valid_from" + (forUpdate ? dialect.forUpdate() : ""),
                (rs, i) -> row(rs),
                featureId);
    }

    List<FeatureRow> history(String featureId) {
        return jdbc.query(
                "SELECT " + columns + " FROM feature_version f WHERE f.feature_id = ?"
                        + " ORDER BY f.recorded_at, f.version_id",
                (rs, i) -> row(rs),
                featureId);
    }

    String layerOf(String featureId) {
        List<String> l = jdbc.queryForList(
                "SELECT layer_id FROM feature_version WHERE feature_id = ? LIMIT 1", String.class, featureId);
        return l.isEmpty() ? null : l.get(0);
    }

    /**
     * The ids among {@code featureIds} that layers other than {@code layerId} use, each with (one of) those layers.
     * One query whose list of ids is one JSON parameter: each id is a correlated count, one probe of the
     * feature_history index; an ORDER BY, LIMIT or min() there would let the planner walk another index in layer
     * order instead, and an IN list or a join would let it choose a sequential scan when it has no statistics yet
     * (a table that grew inside the import's transaction). The layers are looked up for the ids found only.
     */
    Map<String, String> idsOfOtherLayers(String layerId, List<String> featureIds) {
        Map<String, String> out = new LinkedHashMap<>();
        if (featureIds.isEmpty()) {
            return out;
        }
        List<String> found = jdbc.queryForList(
                "SELECT v.value FROM " + dialect.jsonStrings() + " WHERE (SELECT count(*) FROM feature_version o "
                        + "WHERE o.feature_id = v.value AND o.layer_id <> ?) > 0",
                String.class,
                JSON.writeValueAsString(featureIds),
                layerId);
        for (String id : found) {
            out.put(
                    id,
                    jdbc.queryForObject(
                            "SELECT layer_id FROM feature_version WHERE feature_id = ? AND layer_id <> ? LIMIT 1",
                            String.class,
                            id,
                            layerId));
        }
        return out;
    }

    /** Inserts versions in one batch; returns nothing: ids are the callers'. */
    void insert(List<InsertVersion> versions) {
        boolean postgis = dialect == SqlDialect.POSTGIS;
        String sql =
                "INSERT INTO feature_version (feature_id, layer_id, geom, props, valid_from, valid_to, recorded_at, "
                        + "recorded_by, change_reason, source_publisher, source_url, source_date, confidence, geo_precision, "
                        + "time_precision" + (postgis ? "" : ", min_x, min_y, max_x, max_y") + ") VALUES (?, ?, "
                        + (postgis ? "ST_GeomFromWKB(?, 4326), ?::jsonb" : "?, ?") + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + (postgis ? "" : ", ?, ?, ?, ?") + ")";
        jdbc.batchUpdate(sql, versions, BATCH, (ps, v) -> {
            bind(ps, v);
            if (!postgis) {
                ps.setDouble(16, v.box().getMinX());
                ps.setDouble(17, v.box().getMinY());
                ps.setDouble(18, v.box().getMaxX());
                ps.setDouble(19, v.box().getMaxY());
            }
        });
    }

    void supersede(long versionId, Instant at, String user, String reason) {
        jdbc.update(
                "UPDATE feature_version SET superseded_at = ?, superseded_by = ?, superseded_reason = ? "
                        + "WHERE version_id = ? AND superseded_at IS NULL",
                odt(at),
                user,
                reason,
                versionId);
    }

    /** First valid-from, last valid-from and last valid-to of a layer's current versions. */
    Instant[] extent(String layerId) {
        // three sub-queries, so that each is one step along the partial indexes on (layer_id, valid_from|valid_to)
        String current = " FROM feature_version WHERE layer_id = ? AND superseded_at IS NULL)";
        return jdbc.queryForObject(
                "SELECT (SELECT min(valid_from)" + current + ", (SELECT max(valid_from)" + current
                        + ", (SELECT max(valid_to)" + current,
                (rs, i) -> new Instant[] {instant(rs, 1), instant(rs, 2), instant(rs, 3)},
                layerId,
                layerId,
                layerId);
    }

    private static void bind(PreparedStatement ps, InsertVersion v) throws SQLException {
        ps.setString(1, v.featureId());
        ps.setString(2, v.layerId());
        ps.setBytes(3, v.wkb());
        ps.setString(4, v.propsJson());
        ps.setObject(5, odt(v.validFrom()));
        ps.setObject(6, odt(v.validTo()));
        ps.setObject(7, odt(v.recordedAt()));
        ps.setString(8, v.recordedBy());
        ps.setString(9, v.changeReason());
        Provenance p = v.provenance();
        ps.setString(10, p.publisher());
        ps.setString(11, p.url());
        if (p.date() == null) {
            ps.setNull(12, Types.DATE);
        } else {
            ps.setObject(12, p.date());
        }
        ps.setString(13, p.confidence());
        ps.setString(14, p.geoPrecision());
        ps.setString(15, p.timePrecision());
    }

    static FeatureRow row(ResultSet rs) throws SQLException {
        return new FeatureRow(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getBytes(4),
                rs.getString(5),
                instant(rs, 6),
                instant(rs, 7),
                instant(rs, 8),
                rs.getString(9),
                rs.getString(10),
                instant(rs, 11),
                rs.getString(12),
                rs.getString(13),
                new Provenance(
                        rs.getString(14),
                        rs.getString(15),
                        rs.getObject(16, LocalDate.class),
                        rs.getString(17),
                        rs.getString(18),
                        rs.getString(19)));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void addInstant(List<Object> args, Instant t, int times) {
        for (int i = 0; i < times; i++) {
            args.add(odt(t));
        }
    }

    static OffsetDateTime odt(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    /** A version to insert. */
    record InsertVersion(
            String featureId,
            String layerId,
            byte[] wkb,
            Envelope box,
            String propsJson,
            Instant validFrom,
            Instant validTo,
            Instant recordedAt,
            String recordedBy,
            String changeReason,
            Provenance provenance) {}
}
