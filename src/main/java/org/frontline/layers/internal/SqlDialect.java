package org.frontline.layers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The few SQL fragments that differ between PostGIS and H2GIS. On PostgreSQL the time filters are
 * written as range expressions so that the GiST indexes over (layer, tstzrange, geom) serve them.
 */
enum SqlDialect {
    POSTGIS("?::jsonb", "props::text",
            "tstzrange(valid_from, valid_to) @> ?",
            "tstzrange(valid_from, valid_to) && tstzrange(?, ?)",
            "tstzrange(recorded_at, superseded_at) @> ?",
            "CASE WHEN jsonb_typeof(props->'fatalities') = 'number' THEN (props->>'fatalities')::numeric ELSE 0 END"),
    H2GIS("?", "props",
            "valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)",
            "(valid_to IS NULL OR valid_to > ?) AND valid_from < ?",
            "recorded_at <= ? AND (superseded_at IS NULL OR superseded_at > ?)",
            // no JSON functions in H2: the stored text is Jackson's compact form, so the member reads as digits
            "COALESCE(CAST(REGEXP_SUBSTR(props, '\"fatalities\":([0-9]+)', 1, 1, '', 1) AS BIGINT), 0)");

    final String jsonParam;
    final String propsColumn;
    /** Valid at an instant: PostGIS takes the instant once, H2 twice. */
    final String validAt;
    /** Validity overlaps [from, to): PostGIS takes (from, to), H2 takes (from, to) too. */
    final String validDuring;
    /** Known at a record time: PostGIS takes it once, H2 twice. */
    final String knownAt;
    /** The "fatalities" property as a number (0 when absent or not a number), for the density bins. */
    final String fatalities;

    SqlDialect(String jsonParam, String propsColumn, String validAt, String validDuring, String knownAt,
            String fatalities) {
        this.jsonParam = jsonParam;
        this.propsColumn = propsColumn;
        this.validAt = validAt;
        this.validDuring = validDuring;
        this.knownAt = knownAt;
        this.fatalities = fatalities;
    }

    boolean repeatsInstants() {
        return this == H2GIS;
    }

    static SqlDialect of(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            return product.toLowerCase().contains("postgres") ? POSTGIS : H2GIS;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product name", e);
        }
    }
}
