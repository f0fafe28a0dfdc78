-- Report ingestion (issue 4): submitted reports and the candidate events found in them, awaiting review.
CREATE TABLE report (
    id            INTEGER PRIMARY KEY,
    title         TEXT,
    url           TEXT,
    publisher     TEXT,
    published     TEXT NOT NULL,
    format        TEXT NOT NULL,
    body          TEXT NOT NULL,
    submitted_by  TEXT NOT NULL,
    submitted_at  TEXT NOT NULL
);

CREATE TABLE report_candidate (
    id              INTEGER PRIMARY KEY,
    report_id       INTEGER NOT NULL REFERENCES report (id),
    status          TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT,
    place_name      TEXT NOT NULL,
    geonames_id     INTEGER,
    lat             REAL NOT NULL,
    lon             REAL NOT NULL,
    geo_precision   TEXT NOT NULL,
    event_date      TEXT NOT NULL,
    time_precision  TEXT NOT NULL,
    fatalities      INTEGER,
    displaced       INTEGER,
    actors          TEXT,
    span_start      INTEGER NOT NULL,
    span_end        INTEGER NOT NULL,
    confidence      REAL NOT NULL,
    reviewed_by     TEXT,
    reviewed_at     TEXT,
    feature_id      TEXT,
    CONSTRAINT report_candidate_status_chk CHECK (status IN ('pending', 'accepted', 'rejected'))
);

CREATE INDEX report_candidate_status_idx ON report_candidate (status, id);
CREATE INDEX report_candidate_report_idx ON report_candidate (report_id);
