package org.frontline.layers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The two databases the store runs on. PostGIS filters with range expressions that its GiST indexes over
 * (layer, tstzrange, geom) serve; embedded SQLite filters with its R*Tree over (box, valid time, record time)
 * and re-checks the exact columns (see FeatureRepository and db/sqlite/V1).
 */
enum SqlDialect {
    POSTGIS,
    SQLITE;

    /** Row lock suffix; SQLite needs none: its write transactions begin IMMEDIATE and so hold the write lock. */
    String forUpdate() {
        return this == POSTGIS ? " FOR UPDATE" : "";
    }

    static SqlDialect of(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("postgres")) {
                return POSTGIS;
            } else if (product.contains("sqlite")) {
                return SQLITE;
            }
            throw new IllegalStateException("the store runs on PostgreSQL + PostGIS or SQLite, not " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product name", e);
        }
    }
}
