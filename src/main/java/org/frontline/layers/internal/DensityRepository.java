package org.frontline.layers.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.frontline.layers.FeatureQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts a query's versions per grid cell in the database: plain SQL (GROUP BY floor of the stored
 * coordinates over the cell size) that PostGIS and the embedded database both run, over the same rows as
 * the feature query.
 */
@Repository
class DensityRepository {
    private final JdbcTemplate jdbc;
    private final FeatureRepository features;

    DensityRepository(DataSource dataSource, FeatureRepository features) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.features = features;
    }

    /** One non-empty cell: its column and row on the grid, how many versions, their fatalities, mean position. */
    record Cell(long column, long row, long count, long fatalities, double lon, double lat) {}

    List<Cell> cells(FeatureQuery q, DensityGrid grid) {
        return cells(q, grid, null, null);
    }

    /**
     * The same, counting only the versions whose validity starts in [startsFrom, startsBefore) (either end may be
     * null: open).
     */
    List<Cell> cells(FeatureQuery q, DensityGrid grid, Instant startsFrom, Instant startsBefore) {
        List<Object> args = new ArrayList<>();
        String from = features.fromWhere(q, args);
        if (startsFrom != null) {
            from += " AND f.valid_from >= ?";
            args.add(FeatureRepository.odt(startsFrom));
        }
        if (startsBefore != null) {
            from += " AND f.valid_from < ?";
            args.add(FeatureRepository.odt(startsBefore));
        }
        return cells(from, args, grid);
    }

    /**
     * Plans the rest of the transaction for the map's reads: for their values (no generic plan) and without parallel
     * workers. {@link DensityCells} calls it once per request, before this repository's and {@link DailyCells}'s reads.
     */
    void planForMap() {
        SqlDialect d = features.dialect();
        d.planForValues(jdbc);
        d.serialPlans(jdbc);
    }

    /** The versions valid at the instant {@code q} asks that began before it (FeatureRepository#fromWhereAcross). */
    List<Cell> across(FeatureQuery q, DensityGrid grid) {
        List<Object> args = new ArrayList<>();
        return cells(features.fromWhereAcross(q, args), args, grid);
    }

    private List<Cell> cells(String from, List<Object> args, DensityGrid grid) {
        SqlDialect d = features.dialect();
        // The cell size and origin come from a validated zoom, not from the user's text.
        String cell = String.format(Locale.ROOT, "%.17g", grid.cell());
        String sql = "SELECT FLOOR((x + 180) / " + cell + ") AS cx, FLOOR((y + 90) / " + cell + ") AS cy, "
                + "COUNT(*) AS n, SUM(k) AS killed, AVG(x) AS mx, AVG(y) AS my FROM ("
                + "SELECT " + d.centreX() + " AS x, " + d.centreY() + " AS y, " + d.fatalities() + " AS k" + from
                + ") pts GROUP BY FLOOR((x + 180) / " + cell + "), FLOOR((y + 90) / " + cell + ")";
        return jdbc.query(
                sql,
                (rs, i) -> new Cell(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5), rs.getDouble(6)),
                args.toArray());
    }
}
