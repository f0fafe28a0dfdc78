-- Issue 14: a briefing frame may name an agreement whose state (clauses in force, breaches in the window) it shows.
ALTER TABLE briefing_frame ADD COLUMN agreement varchar(120);
