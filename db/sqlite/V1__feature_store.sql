-- Temporal feature store (embedded SQLite); same model as db/postgresql/V1.
-- Times are UTC text of fixed width, 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (the app's data source writes every time
-- value so), which compares and sorts correctly as text. Geometry is WKB; its bounding box is kept in
-- columns and, with valid and record time as epoch days, in an R*Tree that serves the time-slider query.
CREATE TABLE layer (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('event', 'area', 'line', 'point')),
    style       TEXT NOT NULL DEFAULT '{}',
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now'))
);

CREATE TABLE feature_version (
    version_id        INTEGER PRIMARY KEY,
    feature_id        TEXT NOT NULL,
    layer_id          TEXT NOT NULL REFERENCES layer(id),
    geom              BLOB NOT NULL,
    min_x             REAL NOT NULL,
    min_y             REAL NOT NULL,
    max_x             REAL NOT NULL,
    max_y             REAL NOT NULL,
    props             TEXT NOT NULL DEFAULT '{}',
    valid_from        TEXT NOT NULL,
    valid_to          TEXT,
    recorded_at       TEXT NOT NULL,
    recorded_by       TEXT NOT NULL,
    change_reason     TEXT,
    superseded_at     TEXT,
    superseded_by     TEXT,
    superseded_reason TEXT,
    source_publisher  TEXT NOT NULL,
    source_url        TEXT,
    source_date       TEXT,
    confidence        TEXT NOT NULL,
    geo_precision     TEXT NOT NULL,
    time_precision    TEXT NOT NULL,
    CONSTRAINT valid_time_order CHECK (valid_to IS NULL OR valid_to > valid_from),
    CONSTRAINT record_time_order CHECK (superseded_at IS NULL OR superseded_at >= recorded_at)
);

-- Space, valid time and record time of every version; open ends are 1e30. Coordinates are 32-bit floats
-- rounded outwards, so the tree is a conservative first filter and the query re-checks the exact columns.
CREATE VIRTUAL TABLE feature_box USING rtree(id, min_x, max_x, min_y, max_y, valid_min, valid_max, known_min, known_max);

CREATE TRIGGER feature_box_insert AFTER INSERT ON feature_version BEGIN
    INSERT INTO feature_box VALUES (NEW.version_id, NEW.min_x, NEW.max_x, NEW.min_y, NEW.max_y,
        julianday(NEW.valid_from) - 2440587.5, coalesce(julianday(NEW.valid_to) - 2440587.5, 1e30),
        julianday(NEW.recorded_at) - 2440587.5, coalesce(julianday(NEW.superseded_at) - 2440587.5, 1e30));
END;

CREATE TRIGGER feature_box_supersede AFTER UPDATE OF superseded_at ON feature_version BEGIN
    UPDATE feature_box SET known_max = coalesce(julianday(NEW.superseded_at) - 2440587.5, 1e30)
    WHERE id = NEW.version_id;
END;

CREATE INDEX feature_history ON feature_version (feature_id, recorded_at);
-- Layer time extents.
CREATE INDEX feature_current_valid_from ON feature_version (layer_id, valid_from) WHERE superseded_at IS NULL;
CREATE INDEX feature_current_valid_to ON feature_version (layer_id, valid_to) WHERE superseded_at IS NULL;

-- Spring Security's JdbcUserDetailsManager schema.
CREATE TABLE users (
    username TEXT    NOT NULL PRIMARY KEY,
    password TEXT    NOT NULL,
    enabled  BOOLEAN NOT NULL
);
CREATE TABLE authorities (
    username  TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    authority TEXT NOT NULL
);
CREATE UNIQUE INDEX authorities_user_authority ON authorities (username, authority);
