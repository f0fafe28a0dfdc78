-- Events per UTC day and grid cell, kept by the database itself as current versions come and go (see
-- db/postgresql/V90 for why). Cells of 90/1024 = 0.087890625 degrees anchored at (-180, -90) (DailyCells.CELL);
-- position is the centre of the stored box, as SqlDialect computes it here; day is the UTC date of valid_from.
CREATE TABLE event_day_cell (
    layer_id   TEXT    NOT NULL REFERENCES layer(id),
    day        TEXT    NOT NULL,
    cx         INTEGER NOT NULL,
    cy         INTEGER NOT NULL,
    events     INTEGER NOT NULL,
    fatalities REAL    NOT NULL,
    sum_x      REAL    NOT NULL,
    sum_y      REAL    NOT NULL,
    PRIMARY KEY (layer_id, cx, cy, day)
) WITHOUT ROWID;

CREATE TRIGGER event_day_cell_insert AFTER INSERT ON feature_version
WHEN NEW.superseded_at IS NULL AND (SELECT kind FROM layer WHERE id = NEW.layer_id) = 'event'
BEGIN
    INSERT INTO event_day_cell (layer_id, day, cx, cy, events, fatalities, sum_x, sum_y)
    VALUES (NEW.layer_id, substr(NEW.valid_from, 1, 10),
            CAST(floor(((NEW.min_x + NEW.max_x) / 2 + 180) / 0.087890625) AS INTEGER),
            CAST(floor(((NEW.min_y + NEW.max_y) / 2 + 90) / 0.087890625) AS INTEGER),
            1,
            CASE WHEN json_type(NEW.props, '$.fatalities') IN ('integer', 'real')
                 THEN json_extract(NEW.props, '$.fatalities') ELSE 0 END,
            (NEW.min_x + NEW.max_x) / 2, (NEW.min_y + NEW.max_y) / 2)
    ON CONFLICT (layer_id, cx, cy, day) DO UPDATE
        SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities,
            sum_x = sum_x + excluded.sum_x, sum_y = sum_y + excluded.sum_y;
END;

CREATE TRIGGER event_day_cell_supersede AFTER UPDATE OF superseded_at ON feature_version
WHEN OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL
     AND (SELECT kind FROM layer WHERE id = OLD.layer_id) = 'event'
BEGIN
    UPDATE event_day_cell
        SET events = events - 1,
            fatalities = fatalities - CASE WHEN json_type(OLD.props, '$.fatalities') IN ('integer', 'real')
                                           THEN json_extract(OLD.props, '$.fatalities') ELSE 0 END,
            sum_x = sum_x - (OLD.min_x + OLD.max_x) / 2, sum_y = sum_y - (OLD.min_y + OLD.max_y) / 2
        WHERE layer_id = OLD.layer_id AND day = substr(OLD.valid_from, 1, 10)
          AND cx = CAST(floor(((OLD.min_x + OLD.max_x) / 2 + 180) / 0.087890625) AS INTEGER)
          AND cy = CAST(floor(((OLD.min_y + OLD.max_y) / 2 + 90) / 0.087890625) AS INTEGER);
    DELETE FROM event_day_cell
        WHERE layer_id = OLD.layer_id AND day = substr(OLD.valid_from, 1, 10)
          AND cx = CAST(floor(((OLD.min_x + OLD.max_x) / 2 + 180) / 0.087890625) AS INTEGER)
          AND cy = CAST(floor(((OLD.min_y + OLD.max_y) / 2 + 90) / 0.087890625) AS INTEGER) AND events <= 0;
END;

INSERT INTO event_day_cell (layer_id, day, cx, cy, events, fatalities, sum_x, sum_y)
SELECT f.layer_id, substr(f.valid_from, 1, 10),
       CAST(floor(((f.min_x + f.max_x) / 2 + 180) / 0.087890625) AS INTEGER),
       CAST(floor(((f.min_y + f.max_y) / 2 + 90) / 0.087890625) AS INTEGER),
       count(*),
       sum(CASE WHEN json_type(f.props, '$.fatalities') IN ('integer', 'real')
                THEN json_extract(f.props, '$.fatalities') ELSE 0 END),
       sum((f.min_x + f.max_x) / 2), sum((f.min_y + f.max_y) / 2)
FROM feature_version f JOIN layer l ON l.id = f.layer_id
WHERE l.kind = 'event' AND f.superseded_at IS NULL
GROUP BY 1, 2, 3, 4;
