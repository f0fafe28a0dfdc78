-- Import jobs (issue 10): their state and counts outlive a restart, so GET /api/imports/{id} still answers.
-- A job still queued, validating or storing at start was interrupted by the restart and is marked failed; its
-- rows were never stored (the write is one transaction at the end).
CREATE TABLE import_job (
    id            varchar(36) PRIMARY KEY,
    layer_id      varchar(200) NOT NULL,
    format        varchar(16)  NOT NULL,
    created_by    varchar(100) NOT NULL,
    bytes         bigint       NOT NULL,
    state         varchar(16)  NOT NULL,
    rows_read     bigint       NOT NULL DEFAULT 0,
    rows_accepted bigint       NOT NULL DEFAULT 0,
    rows_refused  bigint       NOT NULL DEFAULT 0,
    created       bigint       NOT NULL DEFAULT 0,
    corrected     bigint       NOT NULL DEFAULT 0,
    unchanged     bigint       NOT NULL DEFAULT 0,
    detail        text,
    started_at    timestamp with time zone NOT NULL,
    finished_at   timestamp with time zone
);
CREATE INDEX import_job_state ON import_job (state);

-- The refused rows a failed job lists (at most 200 per job), with their line / row / feature numbers.
CREATE TABLE import_job_refusal (
    job_id   varchar(36) NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
    position integer     NOT NULL,
    line     bigint      NOT NULL,
    problem  text        NOT NULL,
    PRIMARY KEY (job_id, position)
);
