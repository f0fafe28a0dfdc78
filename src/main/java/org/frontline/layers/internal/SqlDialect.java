package org.frontline.layers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.frontline.layers.TimeBucket;

/**
 * The two databases the store runs on. PostGIS filters with range expressions that its GiST indexes over
 * (layer, tstzrange, geom) serve; embedded SQLite filters with its R*Tree over (box, valid time, record time)
 * and re-checks the exact columns (see FeatureRepository and db/sqlite/V1).
 */
enum SqlDialect {
    POSTGIS,
    SQLITE;

    /** The strings of a JSON array bound as one parameter, as a table {@code v} of one column, {@code value}. */
    String jsonStrings() {
        return this == POSTGIS ? "jsonb_array_elements_text(CAST(? AS jsonb)) AS v(value)" : "json_each(?) AS v";
    }

    /** The centre of a stored geometry's box (x, then y), for the density bins. */
    String centreX() {
        return this == POSTGIS ? "ST_X(ST_Centroid(f.geom))" : "((f.min_x + f.max_x) / 2)";
    }

    String centreY() {
        return this == POSTGIS ? "ST_Y(ST_Centroid(f.geom))" : "((f.min_y + f.max_y) / 2)";
    }

    /** The "fatalities" property as a number (0 when absent or not a number). */
    String fatalities() {
        return this == POSTGIS
                ? "CASE WHEN jsonb_typeof(f.props->'fatalities') = 'number' THEN (f.props->>'fatalities')::numeric ELSE 0 END"
                : "CASE WHEN json_type(f.props, '$.fatalities') IN ('integer', 'real') "
                        + "THEN json_extract(f.props, '$.fatalities') ELSE 0 END";
    }

    /** The first day (text YYYY-MM-DD) of the UTC day, ISO week or month in which a version's validity starts. */
    String bucketStart(TimeBucket bucket) {
        return bucketOf(bucket, this == POSTGIS ? "f.valid_from AT TIME ZONE 'UTC'" : "substr(f.valid_from, 1, 10)");
    }

    /**
     * Plans the rest of this transaction's statements for their values every time. On PostgreSQL, once the driver
     * has prepared a statement, the server may keep a generic plan that guesses one row and walks an index in order
     * (seconds) where a scan of the rows asked for takes milliseconds. Needs a transaction (SET LOCAL).
     */
    void planForValues(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        if (this == POSTGIS) {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    /**
     * Plans the rest of this transaction's statements without parallel workers: for the map's reads, which an index
     * answers in milliseconds, starting workers costs more (tens to hundreds of ms on a busy server) than it saves.
     */
    void serialPlans(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        if (this == POSTGIS) {
            jdbc.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
    }

    /** A day as the daily cell table's {@code day} column compares with it. */
    Object dayArg(java.time.LocalDate day) {
        return this == POSTGIS ? day : day.toString();
    }

    private String bucketOf(TimeBucket bucket, String utcDay) {
        if (this == POSTGIS) {
            return "to_char(date_trunc('" + bucket.code() + "', " + utcDay + "), 'YYYY-MM-DD')";
        }
        return switch (bucket) {
            case DAY -> utcDay;
            case WEEK -> "date(" + utcDay + ", 'weekday 0', '-6 days')";
            case MONTH -> "(substr(" + utcDay + ", 1, 7) || '-01')";
        };
    }

    /** A property's value as text, the property's name bound as the next parameter (see {@link #propertyArg}). */
    String property() {
        return this == POSTGIS ? "(f.props->>?)" : "CAST(json_extract(f.props, ?) AS TEXT)";
    }

    /** The parameter that names a property for {@link #property()}. */
    String propertyArg(String name) {
        return this == POSTGIS ? name : "$.\"" + name + "\"";
    }

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
