-- Roll-ups of the daily cell table (V90; see db/postgresql/V92 for why): events per UTC calendar month at zoom 10's
-- cells (0.087890625°), per UTC day and month at zoom 12's cells (90/4096 = 0.02197265625°), anchored at
-- (-180, -90). Position is the centre of the stored box and day the period's first day, as in V90.
CREATE INDEX event_day_cell_by_day ON event_day_cell (layer_id, day, cx, cy, events, fatalities, sum_x, sum_y);

CREATE TABLE event_cell (
    layer_id   TEXT    NOT NULL REFERENCES layer(id),
    grid       INTEGER NOT NULL, -- the zoom whose density cell this is: 10 or 12
    period     TEXT    NOT NULL, -- 'd' a UTC day, 'm' a UTC calendar month
    day        TEXT    NOT NULL, -- the period's first day
    cx         INTEGER NOT NULL,
    cy         INTEGER NOT NULL,
    events     INTEGER NOT NULL,
    fatalities REAL    NOT NULL,
    sum_x      REAL    NOT NULL,
    sum_y      REAL    NOT NULL,
    PRIMARY KEY (layer_id, grid, period, day, cx, cy),
    CHECK ((grid = 10 AND period = 'm') OR (grid = 12 AND period IN ('d', 'm')))
) WITHOUT ROWID;

-- The three rows an event version counts in, as (grid, period) levels.
CREATE TABLE event_cell_level (grid INTEGER NOT NULL, period TEXT NOT NULL, size REAL NOT NULL,
                               PRIMARY KEY (grid, period)) WITHOUT ROWID;
INSERT INTO event_cell_level VALUES (10, 'm', 0.087890625), (12, 'd', 0.02197265625), (12, 'm', 0.02197265625);

CREATE TRIGGER event_cell_insert AFTER INSERT ON feature_version
WHEN NEW.superseded_at IS NULL AND (SELECT kind FROM layer WHERE id = NEW.layer_id) = 'event'
BEGIN
    INSERT INTO event_cell (layer_id, grid, period, day, cx, cy, events, fatalities, sum_x, sum_y)
    SELECT NEW.layer_id, l.grid, l.period,
           CASE l.period WHEN 'd' THEN substr(NEW.valid_from, 1, 10) ELSE substr(NEW.valid_from, 1, 7) || '-01' END,
           CAST(floor(((NEW.min_x + NEW.max_x) / 2 + 180) / l.size) AS INTEGER),
           CAST(floor(((NEW.min_y + NEW.max_y) / 2 + 90) / l.size) AS INTEGER),
           1,
           CASE WHEN json_type(NEW.props, '$.fatalities') IN ('integer', 'real')
                THEN json_extract(NEW.props, '$.fatalities') ELSE 0 END,
           (NEW.min_x + NEW.max_x) / 2, (NEW.min_y + NEW.max_y) / 2
    FROM event_cell_level l WHERE true
    ON CONFLICT (layer_id, grid, period, day, cx, cy) DO UPDATE
        SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities,
            sum_x = sum_x + excluded.sum_x, sum_y = sum_y + excluded.sum_y;
END;

CREATE TRIGGER event_cell_supersede AFTER UPDATE OF superseded_at ON feature_version
WHEN OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL
     AND (SELECT kind FROM layer WHERE id = OLD.layer_id) = 'event'
BEGIN
    INSERT INTO event_cell (layer_id, grid, period, day, cx, cy, events, fatalities, sum_x, sum_y)
    SELECT OLD.layer_id, l.grid, l.period,
           CASE l.period WHEN 'd' THEN substr(OLD.valid_from, 1, 10) ELSE substr(OLD.valid_from, 1, 7) || '-01' END,
           CAST(floor(((OLD.min_x + OLD.max_x) / 2 + 180) / l.size) AS INTEGER),
           CAST(floor(((OLD.min_y + OLD.max_y) / 2 + 90) / l.size) AS INTEGER),
           -1,
           -CASE WHEN json_type(OLD.props, '$.fatalities') IN ('integer', 'real')
                 THEN json_extract(OLD.props, '$.fatalities') ELSE 0 END,
           -(OLD.min_x + OLD.max_x) / 2, -(OLD.min_y + OLD.max_y) / 2
    FROM event_cell_level l WHERE true
    ON CONFLICT (layer_id, grid, period, day, cx, cy) DO UPDATE
        SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities,
            sum_x = sum_x + excluded.sum_x, sum_y = sum_y + excluded.sum_y;
    DELETE FROM event_cell
        WHERE layer_id = OLD.layer_id AND events <= 0
          AND (grid, period, day, cx, cy) IN (
              SELECT l.grid, l.period,
                     CASE l.period WHEN 'd' THEN substr(OLD.valid_from, 1, 10)
                                   ELSE substr(OLD.valid_from, 1, 7) || '-01' END,
                     CAST(floor(((OLD.min_x + OLD.max_x) / 2 + 180) / l.size) AS INTEGER),
                     CAST(floor(((OLD.min_y + OLD.max_y) / 2 + 90) / l.size) AS INTEGER)
              FROM event_cell_level l);
END;

INSERT INTO event_cell (layer_id, grid, period, day, cx, cy, events, fatalities, sum_x, sum_y)
SELECT f.layer_id, l.grid, l.period,
       CASE l.period WHEN 'd' THEN substr(f.valid_from, 1, 10) ELSE substr(f.valid_from, 1, 7) || '-01' END,
       CAST(floor(((f.min_x + f.max_x) / 2 + 180) / l.size) AS INTEGER),
       CAST(floor(((f.min_y + f.max_y) / 2 + 90) / l.size) AS INTEGER),
       count(*),
       sum(CASE WHEN json_type(f.props, '$.fatalities') IN ('integer', 'real')
                THEN json_extract(f.props, '$.fatalities') ELSE 0 END),
       sum((f.min_x + f.max_x) / 2), sum((f.min_y + f.max_y) / 2)
FROM feature_version f JOIN layer lr ON lr.id = f.layer_id CROSS JOIN event_cell_level l
WHERE lr.kind = 'event' AND f.superseded_at IS NULL
GROUP BY 1, 2, 3, 4, 5, 6;
