-- Briefings: an ordered set of dated map views with a narrative; published editions pin a record time.
CREATE TABLE briefing (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL DEFAULT '',
    author       TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    edition      INTEGER NOT NULL DEFAULT 0,
    record_time  TEXT,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now'))
);

CREATE TABLE briefing_frame (
    id             INTEGER PRIMARY KEY,
    briefing_id    INTEGER NOT NULL REFERENCES briefing(id) ON DELETE CASCADE,
    frame_order    INTEGER NOT NULL,
    title          TEXT NOT NULL DEFAULT '',
    frame_day      TEXT NOT NULL,
    window_from    TEXT,
    center_lat     REAL NOT NULL,
    center_lon     REAL NOT NULL,
    zoom           INTEGER NOT NULL,
    bbox           TEXT,
    visible_layers TEXT NOT NULL,
    narrative      TEXT NOT NULL,
    highlights     TEXT NOT NULL DEFAULT '',
    overlay        TEXT
);
CREATE INDEX briefing_frame_order ON briefing_frame (briefing_id, frame_order);

CREATE TABLE briefing_edition (
    id           INTEGER PRIMARY KEY,
    briefing_id  INTEGER NOT NULL REFERENCES briefing(id) ON DELETE CASCADE,
    edition      INTEGER NOT NULL,
    record_time  TEXT NOT NULL,
    published_by TEXT NOT NULL,
    note         TEXT,
    CONSTRAINT briefing_edition_unique UNIQUE (briefing_id, edition)
);

CREATE TABLE share_link (
    token        TEXT PRIMARY KEY,
    briefing_id  INTEGER NOT NULL REFERENCES briefing(id) ON DELETE CASCADE,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    revoked_at   TEXT
);
CREATE INDEX share_link_briefing ON share_link (briefing_id);
