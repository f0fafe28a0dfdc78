package org.frontline.layers.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.frontline.layers.CountQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts a query's versions per time bucket and property values in the database: one GROUP BY over the rows
 * of the feature query (same indexes), restricted to versions starting in its window. Counts inside an area
 * ({@code within}) go elsewhere: to AreaCountRepository on PostGIS, to JavaCounts on the embedded store.
 */
@Repository
class CountRepository {
    private final JdbcTemplate jdbc;
    private final FeatureRepository features;

    CountRepository(DataSource dataSource, FeatureRepository features) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.features = features;
    }

    /** The counts, ignoring {@code c.within()} (see the class comment). */
    List<CountQuery.Row> count(CountQuery c) {
        SqlDialect d = features.dialect();
        List<Object> selectArgs = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT " + d.bucketStart(c.bucket()));
        for (String p : c.groupBy()) {
            select.append(", ").append(d.property());
            selectArgs.add(d.propertyArg(p));
        }
        select.append(", COUNT(*), SUM(").append(d.fatalities()).append(")");
        List<Object> whereArgs = new ArrayList<>();
        StringBuilder where = new StringBuilder(features.fromWhere(c.features(), whereArgs));
        // an event counts in the window it starts in, as the time bar shows it
        where.append(" AND f.valid_from >= ? AND f.valid_from < ?");
        whereArgs.add(FeatureRepository.odt(c.features().from()));
        whereArgs.add(FeatureRepository.odt(c.features().to()));
        if (!c.matchProperties().isEmpty() && !c.matchValues().isEmpty()) {
            String values = String.join(
                    ", ", java.util.Collections.nCopies(c.matchValues().size(), "?"));
            List<String> tests = new ArrayList<>();
            for (String p : c.matchProperties()) {
                tests.add(d.property() + " IN (" + values + ")");
                whereArgs.add(d.propertyArg(p));
                whereArgs.addAll(c.matchValues().stream().sorted().toList());
            }
            where.append(" AND (").append(String.join(" OR ", tests)).append(")");
        }
        StringBuilder groups = new StringBuilder(" GROUP BY 1");
        for (int i = 0; i < c.groupBy().size(); i++) {
            groups.append(", ").append(i + 2);
        }
        d.planForValues(jdbc); // else a generic plan may walk the GiST index in order instead of a bitmap scan
        List<Object> args = new ArrayList<>(selectArgs);
        args.addAll(whereArgs);
        int n = c.groupBy().size();
        return jdbc.query(
                select + where.toString() + groups,
                (rs, i) -> {
                    String[] values = new String[n];
                    for (int k = 0; k < n; k++) {
                        values[k] = rs.getString(k + 2);
                    }
                    return new CountQuery.Row(
                            LocalDate.parse(rs.getString(1)),
                            Arrays.asList(values),
                            rs.getLong(n + 2),
                            rs.getDouble(n + 3));
                },
                args.toArray());
    }
}
