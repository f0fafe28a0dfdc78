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
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Provenance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL over the feature_version table. Every value is a bound parameter. */
@Repository
class FeatureRepository {
    private static final String COLUMNS = "feature_id, version_id, layer_id, ST_AsBinary(geom) AS wkb, %s AS props, "
            + "valid_from, valid_to, recorded_at, recorded_by, change_reason, superseded_at, superseded_by, "
            + "superseded_reason, source_publisher, source_url, source_date, confidence, geo_precision, time_precision";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final String columns;

    FeatureRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        // Rows are streamed in pages; PostgreSQL only honours this inside a transaction.
        this.jdbc.setFetchSize(1000);
        this.dialect = SqlDialect.of(dataSource);
        this.columns = COLUMNS.formatted(dialect.propsColumn);
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** Streams the versions matching the query, in no particular order. */
    void stream(FeatureQuery q, Consumer<FeatureRow> sink) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + columns + " FROM feature_version WHERE " + where(q, args);
        jdbc.query(sql, rs -> {
            sink.accept(row(rs));
        }, args.toArray());
    }

    /**
     * The WHERE clause selecting the query's versions (layer, record time, valid time, box), its values
     * appended to {@code args}; shared with the density bins so both count the same rows.
     */
    String where(FeatureQuery q, List<Object> args) {
        StringBuilder sql = new StringBuilder("layer_id = ?");
        args.add(q.layerId());
        if (q.asOf() == null) {
            sql.append(" AND superseded_at IS NULL");
        } else {
            sql.append(" AND ").append(dialect.knownAt);
            addInstant(args, q.asOf(), dialect.repeatsInstants() ? 2 : 1);
        }
        if (q.instant()) {
            sql.append(" AND ").append(dialect.validAt);
            addInstant(args, q.from(), dialect.repeatsInstants() ? 2 : 1);
        } else {
            sql.append(" AND ").append(dialect.validDuring);
            args.add(odt(q.from()));
            args.add(odt(q.to()));
        }
        if (q.bbox() != null) {
            sql.append(" AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
            args.add(q.bbox().getMinX());
            args.add(q.bbox().getMinY());
            args.add(q.bbox().getMaxX());
            args.add(q.bbox().getMaxY());
        }
        return sql.toString();
    }

    List<FeatureRow> current(String featureId, boolean forUpdate) {
        return jdbc.query("SELECT " + columns + " FROM feature_version WHERE feature_id = ? AND superseded_at IS NULL"
                + " ORDER BY valid_from" + (forUpdate ? " FOR UPDATE" : ""), (rs, i) -> row(rs), featureId);
    }

    List<FeatureRow> history(String featureId) {
        return jdbc.query("SELECT " + columns + " FROM feature_version WHERE feature_id = ?"
                + " ORDER BY recorded_at, version_id", (rs, i) -> row(rs), featureId);
    }

    String layerOf(String featureId) {
        List<String> l = jdbc.queryForList("SELECT layer_id FROM feature_version WHERE feature_id = ? FETCH FIRST 1 ROWS ONLY",
                String.class, featureId);
        return l.isEmpty() ? null : l.get(0);
    }

    /** Inserts versions in one batch; returns nothing: ids are the callers'. */
    void insert(List<InsertVersion> versions) {
        String sql = "INSERT INTO feature_version (feature_id, layer_id, geom, props, valid_from, valid_to, recorded_at, "
                + "recorded_by, change_reason, source_publisher, source_url, source_date, confidence, geo_precision, "
                + "time_precision) VALUES (?, ?, ST_GeomFromWKB(?, 4326), " + dialect.jsonParam
                + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.batchUpdate(sql, versions, 500, (ps, v) -> bind(ps, v));
    }

    void supersede(long versionId, Instant at, String user, String reason) {
        jdbc.update("UPDATE feature_version SET superseded_at = ?, superseded_by = ?, superseded_reason = ? "
                + "WHERE version_id = ? AND superseded_at IS NULL", odt(at), user, reason, versionId);
    }

    /** First valid-from, last valid-from and last valid-to of a layer's current versions. */
    Instant[] extent(String layerId) {
        return jdbc.queryForObject("SELECT min(valid_from), max(valid_from), max(valid_to) FROM feature_version "
                + "WHERE layer_id = ? AND superseded_at IS NULL", (rs, i) -> new Instant[] {
                        instant(rs, 1), instant(rs, 2), instant(rs, 3) }, layerId);
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

    private static FeatureRow row(ResultSet rs) throws SQLException {
        return new FeatureRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4), rs.getString(5),
                instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getString(9), rs.getString(10),
                instant(rs, 11), rs.getString(12), rs.getString(13),
                new Provenance(rs.getString(14), rs.getString(15), rs.getObject(16, LocalDate.class),
                        rs.getString(17), rs.getString(18), rs.getString(19)));
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
    record InsertVersion(String featureId, String layerId, byte[] wkb, String propsJson, Instant validFrom,
            Instant validTo, Instant recordedAt, String recordedBy, String changeReason, Provenance provenance) {
    }
}
