-- Rapport schema 10 on PostgreSQL: the index the feed index loads every post through at start holds
-- the post's visibility too, so that the load can read the index alone rather than each post's row
-- (docs/decisions/0025-posts-and-the-feed-index.md).
DROP INDEX posts_by_author;
CREATE INDEX posts_by_author ON posts (author_id, created_at, id) INCLUDE (visibility);
