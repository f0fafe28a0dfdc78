-- Backstop for the store's overlap check: two current versions of one feature may not be valid at the
-- same time. (The store also locks the layer row while it writes, which is all H2 has.)
ALTER TABLE feature_version ADD CONSTRAINT current_versions_do_not_overlap
    EXCLUDE USING gist (feature_id WITH =, tstzrange(valid_from, valid_to) WITH &&) WHERE (superseded_at IS NULL);
