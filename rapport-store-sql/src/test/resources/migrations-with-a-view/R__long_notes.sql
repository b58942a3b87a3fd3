DROP VIEW IF EXISTS long_notes;
CREATE VIEW long_notes AS SELECT id FROM notes WHERE length(body) > 10;
