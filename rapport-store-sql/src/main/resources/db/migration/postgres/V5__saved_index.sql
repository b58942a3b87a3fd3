-- Rapport schema 5 on PostgreSQL: a copy of the graph index, so that a start restores the index
-- instead of rebuilding it from every connection. Derived data, in the index's own format: its
-- parts in order, all of one copy, which reflects the log up to its position.

CREATE TABLE saved_index (
  part     INTEGER PRIMARY KEY,
  position BIGINT  NOT NULL,
  bytes    BYTEA   NOT NULL
);
-- Kept out of line and uncompressed: the parts are megabytes of ids that do not compress much,
-- and a start reads them back at the speed of a copy.
ALTER TABLE saved_index ALTER COLUMN bytes SET STORAGE EXTERNAL;
