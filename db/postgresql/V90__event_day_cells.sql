-- Events per UTC day and grid cell, kept by the database itself as current versions come and go, so that the
-- time bar's histogram and the map's low-zoom cells over long windows read thousands of rows instead of every
-- event (issues 12 and 14). A cell is the map's density cell at zoom 10: 90/1024 = 0.087890625 degrees, anchored
-- at (-180, -90), so a density cell at any zoom up to 10 is a whole block of these (DailyCells.CELL in Java).
-- Position is the centroid, fatalities the numeric "fatalities" property, as SqlDialect computes them.
CREATE TABLE event_day_cell (
    layer_id   varchar(64)      NOT NULL REFERENCES layer(id),
    day        date             NOT NULL,
    cx         integer          NOT NULL,
    cy         integer          NOT NULL,
    events     bigint           NOT NULL,
    fatalities double precision NOT NULL,
    sum_x      double precision NOT NULL,
    sum_y      double precision NOT NULL,
    PRIMARY KEY (layer_id, cx, cy, day)
);

CREATE FUNCTION event_day_cell_add(v feature_version, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c geometry := ST_Centroid(v.geom);
    x double precision := ST_X(c);
    y double precision := ST_Y(c);
    k double precision := CASE WHEN jsonb_typeof(v.props->'fatalities') = 'number'
                               THEN (v.props->>'fatalities')::double precision ELSE 0 END;
    d date := (v.valid_from AT TIME ZONE 'UTC')::date;
    i integer := floor((x + 180) / 0.087890625)::integer;
    j integer := floor((y + 90) / 0.087890625)::integer;
BEGIN
    IF x IS NULL OR NOT EXISTS (SELECT 1 FROM layer WHERE id = v.layer_id AND kind = 'event') THEN
        RETURN;
    END IF;
    INSERT INTO event_day_cell AS e (layer_id, day, cx, cy, events, fatalities, sum_x, sum_y)
    VALUES (v.layer_id, d, i, j, sign, sign * k, sign * x, sign * y)
    ON CONFLICT (layer_id, cx, cy, day) DO UPDATE
        SET events = e.events + EXCLUDED.events, fatalities = e.fatalities + EXCLUDED.fatalities,
            sum_x = e.sum_x + EXCLUDED.sum_x, sum_y = e.sum_y + EXCLUDED.sum_y;
    IF sign < 0 THEN
        DELETE FROM event_day_cell WHERE layer_id = v.layer_id AND day = d AND cx = i AND cy = j AND events <= 0;
    END IF;
END $$;

CREATE FUNCTION event_day_cell_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.superseded_at IS NULL THEN
            PERFORM event_day_cell_add(NEW, 1);
        END IF;
    ELSIF OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL THEN
        PERFORM event_day_cell_add(OLD, -1);
    ELSIF OLD.superseded_at IS NOT NULL AND NEW.superseded_at IS NULL THEN
        PERFORM event_day_cell_add(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER event_day_cell_track AFTER INSERT OR UPDATE OF superseded_at ON feature_version
    FOR EACH ROW EXECUTE FUNCTION event_day_cell_track();

INSERT INTO event_day_cell (layer_id, day, cx, cy, events, fatalities, sum_x, sum_y)
SELECT layer_id, day, floor((x + 180) / 0.087890625)::integer, floor((y + 90) / 0.087890625)::integer,
       count(*), sum(k), sum(x), sum(y)
FROM (SELECT f.layer_id, (f.valid_from AT TIME ZONE 'UTC')::date AS day,
             ST_X(ST_Centroid(f.geom)) AS x, ST_Y(ST_Centroid(f.geom)) AS y,
             CASE WHEN jsonb_typeof(f.props->'fatalities') = 'number'
                  THEN (f.props->>'fatalities')::double precision ELSE 0 END AS k
      FROM feature_version f JOIN layer l ON l.id = f.layer_id
      WHERE l.kind = 'event' AND f.superseded_at IS NULL) e
WHERE x IS NOT NULL
GROUP BY 1, 2, 3, 4;
