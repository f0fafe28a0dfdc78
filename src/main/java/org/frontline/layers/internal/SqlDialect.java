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
            "tstzrange(recorded_at, superseded_at) @> ?"),
    H2GIS("?", "props",
            "valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)",
            "(valid_to IS NULL OR valid_to > ?) AND valid_from < ?",
            "recorded_at <= ? AND (superseded_at IS NULL OR superseded_at > ?)");

    final String jsonParam;
    final String propsColumn;
    /** Valid at an instant: PostGIS takes the instant once, H2 twice. */
    final String validAt;
    /** Validity overlaps [from, to): PostGIS takes (from, to), H2 takes (from, to) too. */
    final String validDuring;
    /** Known at a record time: PostGIS takes it once, H2 twice. */
    final String knownAt;

    SqlDialect(String jsonParam, String propsColumn, String validAt, String validDuring, String knownAt) {
        this.jsonParam = jsonParam;
        this.propsColumn = propsColumn;
        this.validAt = validAt;
        this.validDuring = validDuring;
        this.knownAt = knownAt;
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
