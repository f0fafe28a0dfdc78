-- Temporal feature store: every edit closes a version (record time) and adds a new one.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE layer (
    id          varchar(64) PRIMARY KEY,
    title       varchar(200) NOT NULL,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('event', 'area', 'line', 'point')),
    style       text         NOT NULL DEFAULT '{}',
    sort_order  integer      NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE feature_version (
    version_id        bigserial PRIMARY KEY,
    feature_id        varchar(100) NOT NULL,
    layer_id          varchar(64)  NOT NULL REFERENCES layer(id),
    geom              geometry(Geometry, 4326) NOT NULL,
    props             jsonb        NOT NULL DEFAULT '{}',
    valid_from        timestamptz  NOT NULL,
    valid_to          timestamptz,
    recorded_at       timestamptz  NOT NULL,
    recorded_by       varchar(100) NOT NULL,
    change_reason     varchar(1000),
    superseded_at     timestamptz,
    superseded_by     varchar(100),
    superseded_reason varchar(1000),
    source_publisher  varchar(300) NOT NULL,
    source_url        varchar(2000),
    source_date       date,
    confidence        varchar(16)  NOT NULL,
    geo_precision     varchar(16)  NOT NULL,
    time_precision    varchar(16)  NOT NULL,
    CONSTRAINT valid_time_order CHECK (valid_to IS NULL OR valid_to > valid_from),
    CONSTRAINT record_time_order CHECK (superseded_at IS NULL OR superseded_at >= recorded_at)
);

-- The time slider's query: current versions of a layer, valid during a time range, inside a box.
CREATE INDEX feature_current_space_time ON feature_version
    USING gist (layer_id, tstzrange(valid_from, valid_to), geom) WHERE superseded_at IS NULL;
-- "As we knew it then" (record time) queries and history.
CREATE INDEX feature_record_time ON feature_version USING gist (layer_id, tstzrange(recorded_at, superseded_at), geom);
CREATE INDEX feature_history ON feature_version (feature_id, recorded_at);
-- Layer time extents.
CREATE INDEX feature_current_valid_from ON feature_version (layer_id, valid_from) WHERE superseded_at IS NULL;
CREATE INDEX feature_current_valid_to ON feature_version (layer_id, valid_to) WHERE superseded_at IS NULL;

-- Spring Security's JdbcUserDetailsManager schema.
CREATE TABLE users (
    username varchar(50)  NOT NULL PRIMARY KEY,
    password varchar(500) NOT NULL,
    enabled  boolean      NOT NULL
);
CREATE TABLE authorities (
    username  varchar(50) NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    authority varchar(50) NOT NULL
);
CREATE UNIQUE INDEX authorities_user_authority ON authorities (username, authority);
