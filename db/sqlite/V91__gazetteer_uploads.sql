-- Gazetteer uploads live in the database (see db/postgresql/V91). AUTOINCREMENT: an id is never used twice, so a
-- replaced upload always shows as new to the other instances.
CREATE TABLE gazetteer_upload (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    format       TEXT    NOT NULL,
    stored_name  TEXT    NOT NULL,
    bytes        INTEGER NOT NULL,
    uploaded_by  TEXT    NOT NULL,
    uploaded_at  TEXT    NOT NULL,
    UNIQUE (format, stored_name)
);

CREATE TABLE gazetteer_upload_chunk (
    upload_id INTEGER NOT NULL REFERENCES gazetteer_upload(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    data      BLOB    NOT NULL,
    PRIMARY KEY (upload_id, seq)
);
