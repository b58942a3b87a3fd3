-- Rapport schema 5 on SQLite: a copy of the graph index, so that a start restores the index
-- instead of rebuilding it from every connection. Derived data, in the index's own format: its
-- parts in order, all of one copy, which reflects the log up to its position.

CREATE TABLE saved_index (
  part     INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  bytes    BLOB    NOT NULL
);
