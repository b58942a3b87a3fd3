-- Rapport schema 8 on SQLite: posts, reactions and comments (P2-P4). A post's reaction counts per
-- kind and its comment count are columns of its row, changed by the commit that adds or removes a
-- reaction or a comment, so that they always equal the rows (docs/decisions/XX-posts-and-the-feed-index.md).
-- The author is any member: a person, or a company page.

CREATE TABLE posts (
  id               INTEGER PRIMARY KEY,
  author_id        INTEGER NOT NULL,
  text             TEXT    NOT NULL,
  visibility       TEXT    NOT NULL,
  created_at       INTEGER NOT NULL,
  edited_at        INTEGER,
  like_count       INTEGER NOT NULL DEFAULT 0,
  celebrate_count  INTEGER NOT NULL DEFAULT 0,
  support_count    INTEGER NOT NULL DEFAULT 0,
  love_count       INTEGER NOT NULL DEFAULT 0,
  insightful_count INTEGER NOT NULL DEFAULT 0,
  funny_count      INTEGER NOT NULL DEFAULT 0,
  comment_count    INTEGER NOT NULL DEFAULT 0
);
-- A member's posts newest first, and the feed index's load in author order.
CREATE INDEX posts_by_author ON posts (author_id, created_at, id);

-- One reaction per member per post (P4).
CREATE TABLE reactions (
  post_id   INTEGER NOT NULL,
  member_id INTEGER NOT NULL,
  kind      TEXT    NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (post_id, member_id)
);
CREATE INDEX reactions_by_post ON reactions (post_id, at, member_id);
-- What members reacted to lately, for the feed index's load.
CREATE INDEX reactions_by_time ON reactions (at);

CREATE TABLE comments (
  id         INTEGER PRIMARY KEY,
  post_id    INTEGER NOT NULL,
  author_id  INTEGER NOT NULL,
  text       TEXT    NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX comments_by_post ON comments (post_id, created_at, id);
CREATE INDEX comments_by_post_author ON comments (post_id, author_id, created_at);
CREATE INDEX comments_by_time ON comments (created_at);
