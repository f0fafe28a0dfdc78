-- Roll-ups of the daily cell table (V90) so that the map's density at any window reads about a thousand rows
-- instead of a row per event or per day (issue 12): events per UTC calendar month at zoom 10's cells, and per UTC
-- day and month at zoom 12's cells (90/4096 = 0.02197265625 degrees, anchored at (-180, -90) like V90's). Zoom 10
-- and below read 0.088° cells, zooms 11 and 12 read 0.022° cells; a window's whole months come from the month rows,
-- its other whole days from the day rows (DailyCells in Java). Kept in the writer's transaction by triggers:
-- inserted versions once per statement, from its transition table, summed per cell before one upsert per level (a
-- bulk import's multi-row INSERT makes a few upserts, not four per event); a superseded (or restored) version row by
-- row, by V90's function, which now also takes it out of (or back into) the roll-ups.
-- No INCLUDE columns on these indexes: the counts change on every write, and an index that holds them turns each
-- of those updates into new index entries (no heap-only update), which made imports half as fast again.
CREATE INDEX event_day_cell_by_day ON event_day_cell (layer_id, day, cx, cy);

CREATE TABLE event_cell (
    layer_id   varchar(64)      NOT NULL REFERENCES layer(id),
    grid       smallint         NOT NULL, -- the zoom whose density cell this is: 10 or 12
    period     char(1)          NOT NULL, -- 'd' a UTC day, 'm' a UTC calendar month
    day        date             NOT NULL, -- the period's first day
    cx         integer          NOT NULL,
    cy         integer          NOT NULL,
    events     bigint           NOT NULL,
    fatalities double precision NOT NULL,
    sum_x      double precision NOT NULL,
    sum_y      double precision NOT NULL,
    PRIMARY KEY (layer_id, grid, period, day, cx, cy),
    CHECK ((grid = 10 AND period = 'm') OR (grid = 12 AND period IN ('d', 'm')))
) WITH (fillfactor = 80); -- room on each page for heap-only updates of the counts

CREATE OR REPLACE FUNCTION event_day_cell_add(v feature_version, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c geometry := ST_Centroid(v.geom);
    x double precision := ST_X(c);
    y double precision := ST_Y(c);
    k double precision := CASE WHEN jsonb_typeof(v.props->'fatalities') = 'number'
                               THEN (v.props->>'fatalities')::double precision ELSE 0 END;
    d date := (v.valid_from AT TIME ZONE 'UTC')::date;
    m date := date_trunc('month', d)::date;
    i integer := floor((x + 180) / 0.087890625)::integer;
    j integer := floor((y + 90) / 0.087890625)::integer;
    i12 integer := floor((x + 180) / 0.02197265625)::integer;
    j12 integer := floor((y + 90) / 0.02197265625)::integer;
BEGIN
    IF x IS NULL OR NOT EXISTS (SELECT 1 FROM layer WHERE id = v.layer_id AND kind = 'event') THEN
        RETURN;
    END IF;
    INSERT INTO event_day_cell AS e (layer_id, day, cx, cy, events, fatalities, sum_x, sum_y)
    VALUES (v.layer_id, d, i, j, sign, sign * k, sign * x, sign * y)
    ON CONFLICT (layer_id, cx, cy, day) DO UPDATE
        SET events = e.events + EXCLUDED.events, fatalities = e.fatalities + EXCLUDED.fatalities,
            sum_x = e.sum_x + EXCLUDED.sum_x, sum_y = e.sum_y + EXCLUDED.sum_y;
    INSERT INTO event_cell AS e (layer_id, grid, period, day, cx, cy, events, fatalities, sum_x, sum_y)
    VALUES (v.layer_id, 10, 'm', m, i, j, sign, sign * k, sign * x, sign * y),
           (v.layer_id, 12, 'd', d, i12, j12, sign, sign * k, sign * x, sign * y),
           (v.layer_id, 12, 'm', m, i12, j12, sign, sign * k, sign * x, sign * y)
    ON CONFLICT (layer_id, grid, period, day, cx, cy) DO UPDATE
        SET events = e.events + EXCLUDED.events, fatalities = e.fatalities + EXCLUDED.fatalities,
            sum_x = e.sum_x + EXCLUDED.sum_x, sum_y = e.sum_y + EXCLUDED.sum_y;
    IF sign < 0 THEN
        DELETE FROM event_day_cell WHERE layer_id = v.layer_id AND day = d AND cx = i AND cy = j AND events <= 0;
        DELETE FROM event_cell WHERE layer_id = v.layer_id AND events <= 0
            AND ((grid = 10 AND period = 'm' AND day = m AND cx = i AND cy = j)
              OR (grid = 12 AND period = 'd' AND day = d AND cx = i12 AND cy = j12)
              OR (grid = 12 AND period = 'm' AND day = m AND cx = i12 AND cy = j12));
    END IF;
END $$;

INSERT INTO event_cell (layer_id, grid, period, day, cx, cy, events, fatalities, sum_x, sum_y)
SELECT layer_id, 10, 'm', date_trunc('month', day)::date, cx, cy,
       sum(events), sum(fatalities), sum(sum_x), sum(sum_y)
FROM event_day_cell
GROUP BY layer_id, date_trunc('month', day), cx, cy;

CREATE TEMPORARY TABLE event_cell_12 AS
SELECT layer_id, day, floor((x + 180) / 0.02197265625)::integer AS cx, floor((y + 90) / 0.02197265625)::integer AS cy,
       count(*) AS events, sum(k) AS fatalities, sum(x) AS sum_x, sum(y) AS sum_y
FROM (SELECT f.layer_id, (f.valid_from AT TIME ZONE 'UTC')::date AS day,
             ST_X(ST_Centroid(f.geom)) AS x, ST_Y(ST_Centroid(f.geom)) AS y,
             CASE WHEN jsonb_typeof(f.props->'fatalities') = 'number'
                  THEN (f.props->>'fatalities')::double precision ELSE 0 END AS k
      FROM feature_version f JOIN layer l ON l.id = f.layer_id
      WHERE l.kind = 'event' AND f.superseded_at IS NULL) e
WHERE x IS NOT NULL
GROUP BY 1, 2, 3, 4;

INSERT INTO event_cell (layer_id, grid, period, day, cx, cy, events, fatalities, sum_x, sum_y)
SELECT layer_id, 12, 'd', day, cx, cy, events, fatalities, sum_x, sum_y FROM event_cell_12;

INSERT INTO event_cell (layer_id, grid, period, day, cx, cy, events, fatalities, sum_x, sum_y)
SELECT layer_id, 12, 'm', date_trunc('month', day)::date, cx, cy,
       sum(events), sum(fatalities), sum(sum_x), sum(sum_y)
FROM event_cell_12
GROUP BY layer_id, date_trunc('month', day), cx, cy;

DROP TABLE event_cell_12;

-- Inserts: one statement-level trigger for both tables, replacing V90's row-level insert branch.
CREATE FUNCTION event_cells_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH b AS (
        SELECT a.layer_id, (a.valid_from AT TIME ZONE 'UTC')::date AS d,
               ST_X(ST_Centroid(a.geom)) AS x, ST_Y(ST_Centroid(a.geom)) AS y,
               CASE WHEN jsonb_typeof(a.props->'fatalities') = 'number'
                    THEN (a.props->>'fatalities')::double precision ELSE 0 END AS k
        FROM added a JOIN layer l ON l.id = a.layer_id AND l.kind = 'event'
        WHERE a.superseded_at IS NULL
    ), days AS (
        INSERT INTO event_day_cell AS c (layer_id, day, cx, cy, events, fatalities, sum_x, sum_y)
        SELECT layer_id, d, floor((x + 180) / 0.087890625)::integer, floor((y + 90) / 0.087890625)::integer,
               count(*), sum(k), sum(x), sum(y)
        FROM b WHERE x IS NOT NULL
        GROUP BY 1, 2, 3, 4
        ON CONFLICT (layer_id, cx, cy, day) DO UPDATE
            SET events = c.events + EXCLUDED.events, fatalities = c.fatalities + EXCLUDED.fatalities,
                sum_x = c.sum_x + EXCLUDED.sum_x, sum_y = c.sum_y + EXCLUDED.sum_y
    )
    INSERT INTO event_cell AS c (layer_id, grid, period, day, cx, cy, events, fatalities, sum_x, sum_y)
    SELECT b.layer_id, g.grid, g.period,
           CASE g.period WHEN 'd' THEN b.d ELSE date_trunc('month', b.d)::date END,
           floor((b.x + 180) / g.size)::integer, floor((b.y + 90) / g.size)::integer,
           count(*), sum(b.k), sum(b.x), sum(b.y)
    FROM b
    CROSS JOIN (VALUES (10::smallint, 'm'::char(1), 0.087890625::double precision),
                       (12::smallint, 'd'::char(1), 0.02197265625::double precision),
                       (12::smallint, 'm'::char(1), 0.02197265625::double precision)) g(grid, period, size)
    WHERE b.x IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (layer_id, grid, period, day, cx, cy) DO UPDATE
        SET events = c.events + EXCLUDED.events, fatalities = c.fatalities + EXCLUDED.fatalities,
            sum_x = c.sum_x + EXCLUDED.sum_x, sum_y = c.sum_y + EXCLUDED.sum_y;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION event_day_cell_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL THEN
        PERFORM event_day_cell_add(OLD, -1);
    ELSIF OLD.superseded_at IS NOT NULL AND NEW.superseded_at IS NULL THEN
        PERFORM event_day_cell_add(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER event_day_cell_track ON feature_version;
CREATE TRIGGER event_day_cell_track AFTER UPDATE OF superseded_at ON feature_version
    FOR EACH ROW EXECUTE FUNCTION event_day_cell_track();
CREATE TRIGGER event_cells_added AFTER INSERT ON feature_version
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION event_cells_added();
