-- Rapport schema 12 on SQLite: a copy of the feed index, so that a start restores it instead of
-- rebuilding it from every post and the week's reactions and comments. Derived data, in the feed
-- index's own format, kept as the graph index's copy is (schema 5): its parts in order, all of one
-- copy, which reflects the log up to its position.

CREATE TABLE saved_feed_index (
  part     INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  bytes    BLOB    NOT NULL
);

-- A rebuild of the feed index reads the window's reactions and comments by time: indexes that hold
-- the member and the post too, so that it reads them in order without a lookup of each row.
DROP INDEX reactions_by_time;
CREATE INDEX reactions_by_time ON reactions (at, member_id, post_id);
DROP INDEX comments_by_time;
CREATE INDEX comments_by_time ON comments (created_at, author_id, post_id);
