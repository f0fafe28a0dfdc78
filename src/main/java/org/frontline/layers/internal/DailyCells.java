package org.frontline.layers.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
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

    /** One day of the table in a block: whether for cells inside the inner block, its events and fatalities. */
    record Day(LocalDate day, boolean inner, long events, double fatalities) {}

    /**
     * The window's events and fatalities per day in the block (null: every cell), each day split into the cells of
     * {@code inner} (null: none) and the others: one pass over the block's rows, summed by the database.
     */
    List<Day> perDay(String layer, LocalDate from, LocalDate to, CellBlock block, CellBlock inner) {
        List<Object> args = new ArrayList<>();
        String split = "0";
        if (inner != null) {
            split = "CASE WHEN c.cx BETWEEN ? AND ? AND c.cy BETWEEN ? AND ? THEN 1 ELSE 0 END";
            args.add(inner.c0());
            args.add(inner.c1());
            args.add(inner.r0());
            args.add(inner.r1());
        }
        features.dialect().planForValues(jdbc); // a generic plan walks the key in order and sorts on disk (seconds)
        return jdbc.query(
                "SELECT c.day, " + split + ", SUM(c.events), SUM(c.fatalities) FROM event_day_cell c"
                        + where(layer, from, to, block, args) + " GROUP BY 1, 2",
                (rs, i) -> new Day(LocalDate.parse(rs.getString(1)), rs.getInt(2) == 1, rs.getLong(3), rs.getDouble(4)),
                args.toArray());
    }

    /**
     * The window's events per density cell of {@code grid} (zoom 12 or less) inside {@code box} (whole cells of
     * {@code grid}), with their mean position: zoom 10 and below from cells of {@link CellBlock#CELL}, zooms 11 and 12
     * from the roll-ups' cells of a quarter of that (db/&lt;database&gt;/V92), each density cell a block of them. The
     * window's whole calendar months are read from month rows, its other days from day rows, so that even "all so
     * far" reads about a row per cell and month.
     */
    List<DensityRepository.Cell> densityCells(
            String layer, LocalDate from, LocalDate to, Envelope box, DensityGrid grid) {
        int base = grid.zoom() <= 10 ? 10 : 12;
        CellBlock block = CellBlock.inside(box, CellBlock.CELL / (1L << (base - 10)));
        LocalDate firstMonth =
                from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastMonth = to.withDayOfMonth(1);
        List<Object> args = new ArrayList<>();
        List<String> parts = new ArrayList<>(3);
        if (firstMonth.isBefore(lastMonth)) {
            addPart(parts, args, days(base), layer, from, firstMonth, block);
            addPart(
                    parts,
                    args,
                    "event_cell c WHERE c.grid = " + base + " AND c.period = 'm' AND",
                    layer,
                    firstMonth,
                    lastMonth,
                    block);
            addPart(parts, args, days(base), layer, lastMonth, to, block);
        } else {
            addPart(parts, args, days(base), layer, from, to, block);
        }
        // cells of zoom z are 2^(base - z) cells of the base grid wide; the divisor comes from a validated zoom
        long per = 1L << (base - grid.zoom());
        // planned by the caller's transaction (DensityRepository.planForMap)
        return jdbc.query(
                "SELECT c.cx / " + per + ", c.cy / " + per + ", SUM(c.events), SUM(c.fatalities), SUM(c.sum_x), "
                        + "SUM(c.sum_y) FROM (" + String.join(" UNION ALL ", parts) + ") c GROUP BY 1, 2",
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

    /** The day rows of a base grid: V90's table at zoom 10, the roll-up's day rows at zoom 12. */
    private static String days(int base) {
        return base == 10 ? "event_day_cell c WHERE" : "event_cell c WHERE c.grid = 12 AND c.period = 'd' AND";
    }

    private void addPart(
            List<String> parts,
            List<Object> args,
            String rows,
            String layer,
            LocalDate from,
            LocalDate to,
            CellBlock block) {
        if (!from.isBefore(to)) return;
        SqlDialect d = features.dialect();
        parts.add("SELECT c.cx, c.cy, c.events, c.fatalities, c.sum_x, c.sum_y FROM " + rows
                + " c.layer_id = ? AND c.day >= ? AND c.day < ? AND c.cx BETWEEN ? AND ? AND c.cy BETWEEN ? AND ?");
        args.addAll(List.of(layer, d.dayArg(from), d.dayArg(to), block.c0(), block.c1(), block.r0(), block.r1()));
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
