-- Gazetteer entries analysts taught the system in review: a name (and its other spellings) at a point, with who
-- placed it and from which report. Loaded into the in-memory gazetteer beside GeoNames at start and on change.
-- Times are bound by the application (fixed-width UTC text).
CREATE TABLE gazetteer_entry (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    alternate_names  TEXT NOT NULL DEFAULT '',
    lat              REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon              REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    feature_class    TEXT NOT NULL DEFAULT 'P',
    feature_code     TEXT NOT NULL DEFAULT 'PPL',
    country          TEXT NOT NULL DEFAULT '',
    admin1           TEXT NOT NULL DEFAULT '',
    created_by       TEXT NOT NULL,
    report_id        INTEGER,
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
