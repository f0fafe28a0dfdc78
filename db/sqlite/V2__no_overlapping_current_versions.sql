-- Backstop for the store's overlap check, as PostgreSQL's exclusion constraint: two current versions of one
-- feature may not be valid at the same time. (Writers are serialised: every write transaction is IMMEDIATE.)
CREATE TRIGGER current_versions_do_not_overlap BEFORE INSERT ON feature_version
WHEN NEW.superseded_at IS NULL BEGIN
    SELECT RAISE(ABORT, 'current_versions_do_not_overlap')
    WHERE EXISTS (SELECT 1 FROM feature_version o
                  WHERE o.feature_id = NEW.feature_id AND o.superseded_at IS NULL
                    AND (o.valid_to IS NULL OR o.valid_to > NEW.valid_from)
                    AND (NEW.valid_to IS NULL OR NEW.valid_to > o.valid_from));
END;
