-- Gazetteer uploads live in the database, so that every app instance serves the same gazetteer: each keeps a copy
-- of these files under frontline.gazetteer.dir (a cache it refills from here) and rebuilds its index when they
-- change. A file is stored in chunks of at most 1 MiB, so neither writing nor reading it holds it whole in memory.
CREATE TABLE gazetteer_upload (
    id           bigserial    PRIMARY KEY,
    format       varchar(16)  NOT NULL,
    stored_name  varchar(200) NOT NULL,
    bytes        bigint       NOT NULL,
    uploaded_by  varchar(100) NOT NULL,
    uploaded_at  timestamptz  NOT NULL,
    UNIQUE (format, stored_name)
);

CREATE TABLE gazetteer_upload_chunk (
    upload_id bigint  NOT NULL REFERENCES gazetteer_upload(id) ON DELETE CASCADE,
    seq       integer NOT NULL,
    data      bytea   NOT NULL,
    PRIMARY KEY (upload_id, seq)
);
