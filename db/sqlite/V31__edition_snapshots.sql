-- A published edition is fixed: publishing copies the briefing's title, summary and frames (all fields, as JSON)
-- into the edition, and playback of that edition reads them from here; later edits show only in the next edition.
-- Editions published before this migration have no copy (null) and play the live frames.
ALTER TABLE briefing_edition ADD COLUMN title TEXT;
ALTER TABLE briefing_edition ADD COLUMN summary TEXT;
ALTER TABLE briefing_edition ADD COLUMN frames_json TEXT;
