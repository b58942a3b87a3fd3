-- Rapport schema 4 on SQLite: dismissed suggestions (N4), and blocks found from the blocked side.
-- Suggestions and degree batches leave out everyone blocked either way, so "who blocked me" must
-- not scan the whole blocks table.

CREATE TABLE suggestion_dismissals (
  member_id    INTEGER NOT NULL,
  dismissed_id INTEGER NOT NULL,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (member_id, dismissed_id)
) WITHOUT ROWID;

CREATE INDEX blocks_by_blocked ON blocks (blocked_id, blocker_id);
