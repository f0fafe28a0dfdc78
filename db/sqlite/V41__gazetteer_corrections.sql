-- A learned entry made when an analyst corrected a wrong resolution names the entry it replaces for its spellings
-- (a GeoNames id, or the negative id of another hand-made entry); NULL for names placed from the unresolved list.
ALTER TABLE gazetteer_entry ADD COLUMN replaces_id INTEGER;
