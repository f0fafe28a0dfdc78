package org.frontline.layers.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frontline.layers.CountQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * PostGIS counts of the versions inside an area (an agreement's zone over months or years: a large share of a
 * layer), per bucket and grouped properties, in one statement shaped for that many rows. Measured with 78k of 1M
 * events in the zone (bench/agreements.sh):
 * <ul>
 *   <li>groups on the bucket's timestamp and formats only the groups: to_char on every row and grouping on text
 *       cost about a sixth of the query;
 *   <li>sums fatalities as float8 straight from the JSON number rather than through text and numeric;
 *   <li>a bitmap scan: without statistics on the valid-time range the planner guesses one row and otherwise walks
 *       the GiST index in its own order, reading a heap page per row (~100k page reads instead of ~36k);
 *   <li>no JIT (compiling costs more than it saves here) and room to hash the groups in memory.
 * </ul>
 * The embedded store counts in Java instead (StoreService).
 */
@Repository
class AreaCountRepository {
    private static final String FATALITIES =
            "CASE WHEN jsonb_typeof(f.props->'fatalities') = 'number' THEN (f.props->'fatalities')::float8 ELSE 0 END";

    private final FeatureRepository features;

    AreaCountRepository(FeatureRepository features) {
        this.features = features;
    }

    /** The counts of {@code c}'s versions intersecting the area {@code areaWkb} (WKB, EPSG:4326). */
    List<CountQuery.Row> count(CountQuery c, byte[] areaWkb) {
        int n = c.groupBy().size();
        List<Object> args = new ArrayList<>();
        StringBuilder outer = new StringBuilder("SELECT to_char(g.bucket, 'YYYY-MM-DD')");
        StringBuilder inner = new StringBuilder(
                "SELECT date_trunc('" + c.bucket().code() + "', f.valid_from AT TIME ZONE 'UTC') AS bucket");
        for (int i = 0; i < n; i++) {
            outer.append(", g.v").append(i);
            inner.append(", (f.props->>?) AS v").append(i);
            args.add(c.groupBy().get(i));
        }
        outer.append(", g.n, g.k FROM (");
        inner.append(", COUNT(*) AS n, SUM(").append(FATALITIES).append(") AS k");
        inner.append(features.fromWhere(c.features(), args));
        // an event counts in the window it starts in, as the time bar shows it
        inner.append(" AND f.valid_from >= ? AND f.valid_from < ? AND ST_Intersects(f.geom, ST_GeomFromWKB(?, 4326))");
        args.add(FeatureRepository.odt(c.features().from()));
        args.add(FeatureRepository.odt(c.features().to()));
        args.add(areaWkb);
        if (!c.matchProperties().isEmpty() && !c.matchValues().isEmpty()) {
            // one array parameter per property: the statement's text does not depend on how many values
            String[] values = c.matchValues().stream().sorted().toArray(String[]::new);
            List<String> tests = new ArrayList<>();
            for (String p : c.matchProperties()) {
                tests.add("(f.props->>?) = ANY (?)");
                args.add(p);
                args.add(values);
            }
            inner.append(" AND (").append(String.join(" OR ", tests)).append(")");
        }
        inner.append(" GROUP BY 1");
        for (int i = 0; i < n; i++) {
            inner.append(", ").append(i + 2);
        }
        JdbcTemplate jdbc = features.jdbc();
        features.dialect().planForValues(jdbc);
        jdbc.execute("SET LOCAL enable_indexscan = off");
        jdbc.execute("SET LOCAL jit = off");
        jdbc.execute("SET LOCAL work_mem = '32MB'");
        String sql = outer.append(inner).append(") g").toString();
        List<CountQuery.Row> rows = jdbc.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(sql);
                    for (int i = 0; i < args.size(); i++) {
                        Object arg = args.get(i);
                        ps.setObject(i + 1, arg instanceof String[] texts ? con.createArrayOf("text", texts) : arg);
                    }
                    return ps;
                },
                (rs, i) -> row(rs, n));
        // back to the session's settings for whatever else the caller's transaction runs
        jdbc.execute("RESET enable_indexscan; RESET jit; RESET work_mem");
        return rows;
    }

    /** bucket, the n grouped values, count, fatalities. */
    private static CountQuery.Row row(ResultSet rs, int n) throws SQLException {
        List<String> values = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            values.add(rs.getString(k + 2));
        }
        return new CountQuery.Row(LocalDate.parse(rs.getString(1)), values, rs.getLong(n + 2), rs.getDouble(n + 3));
    }
}
