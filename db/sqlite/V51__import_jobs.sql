-- Import jobs (issue 10): their state and counts outlive a restart, so GET /api/imports/{id} still answers.
-- A job still queued, validating or storing at start was interrupted by the restart and is marked failed; its
-- rows were never stored (the write is one transaction at the end). Times are bound by the application.
CREATE TABLE import_job (
    id            TEXT PRIMARY KEY,
    layer_id      TEXT NOT NULL,
    format        TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    bytes         INTEGER NOT NULL,
    state         TEXT NOT NULL,
    rows_read     INTEGER NOT NULL DEFAULT 0,
    rows_accepted INTEGER NOT NULL DEFAULT 0,
    rows_refused  INTEGER NOT NULL DEFAULT 0,
    created       INTEGER NOT NULL DEFAULT 0,
    corrected     INTEGER NOT NULL DEFAULT 0,
    unchanged     INTEGER NOT NULL DEFAULT 0,
    detail        TEXT,
    started_at    TEXT NOT NULL,
    finished_at   TEXT
);
CREATE INDEX import_job_state ON import_job (state);

-- The refused rows a failed job lists (at most 200 per job), with their line / row / feature numbers.
CREATE TABLE import_job_refusal (
    job_id   TEXT NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    line     INTEGER NOT NULL,
    problem  TEXT NOT NULL,
    PRIMARY KEY (job_id, position)
);
