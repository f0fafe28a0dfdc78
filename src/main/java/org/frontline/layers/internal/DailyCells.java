package org.frontline.layers.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.frontline.layers.CountQuery;
import org.frontline.layers.TimeBucket;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the daily cell table (event_day_cell, kept by triggers: db/&lt;database&gt;/V90): the current versions of an
 * event layer counted per UTC day of their start and per {@link CellBlock#CELL} cell, with their fatalities.
 * A window of days [from, to) and a block of cells (null: every cell) select rows through its primary key.
 */
@Repository
class DailyCells {
    private final JdbcTemplate jdbc;
    private final FeatureRepository features;

    DailyCells(DataSource dataSource, FeatureRepository features) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.features = features;
    }

    /** How many events the block holds in the window. */
    long events(String layer, LocalDate from, LocalDate to, CellBlock block) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject(
                "SELECT COALESCE(SUM(c.events), 0) FROM event_day_cell c" + where(layer, from, to, block, args),
                Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    /** Events and fatalities per bucket of their start day (the bucket's first day), in the window and block. */
    List<CountQuery.Row> perBucket(String layer, LocalDate from, LocalDate to, TimeBucket bucket, CellBlock block) {
        List<Object> args = new ArrayList<>();
        return jdbc.query(
                "SELECT " + features.dialect().dayBucketStart(bucket)
                        + ", SUM(c.events), SUM(c.fatalities) FROM event_day_cell c"
                        + where(layer, from, to, block, args) + " GROUP BY 1",
                (rs, i) ->
                        new CountQuery.Row(LocalDate.parse(rs.getString(1)), List.of(), rs.getLong(2), rs.getDouble(3)),
                args.toArray());
    }

    /**
     * The window's events per density cell of {@code grid} (zoom 10 or less: a whole block of table cells), with their
     * mean position, inside the block.
     */
    List<DensityRepository.Cell> densityCells(
            String layer, LocalDate from, LocalDate to, CellBlock block, DensityGrid grid) {
        // cells of zoom z are 2^(10 - z) table cells wide; the divisor comes from a validated zoom, not user text
        long per = 1L << (10 - grid.zoom());
        List<Object> args = new ArrayList<>();
        return jdbc.query(
                "SELECT c.cx / " + per + ", c.cy / " + per + ", SUM(c.events), SUM(c.fatalities), SUM(c.sum_x), "
                        + "SUM(c.sum_y) FROM event_day_cell c" + where(layer, from, to, block, args) + " GROUP BY 1, 2",
                (rs, i) -> {
                    long n = rs.getLong(3);
                    return new DensityRepository.Cell(
                            rs.getLong(1),
                            rs.getLong(2),
                            n,
                            Math.round(rs.getDouble(4)),
                            rs.getDouble(5) / n,
                            rs.getDouble(6) / n);
                },
                args.toArray());
    }

    private String where(String layer, LocalDate from, LocalDate to, CellBlock block, List<Object> args) {
        SqlDialect d = features.dialect();
        args.add(layer);
        args.add(d.dayArg(from));
        args.add(d.dayArg(to));
        String sql = " WHERE c.layer_id = ? AND c.day >= ? AND c.day < ?";
        if (block != null) {
            sql += " AND c.cx BETWEEN ? AND ? AND c.cy BETWEEN ? AND ?";
            args.add(block.c0());
            args.add(block.c1());
            args.add(block.r0());
            args.add(block.r1());
        }
        return sql;
    }
}
