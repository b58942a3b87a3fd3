-- Rapport schema 9 on SQLite: skills and endorsements (E1), recommendations (E2) and the admins of
-- company pages (CP1). Skills and endorsements are keyed by the skill's name in lower case, so that
-- re-ordering or re-casing a skill keeps its endorsements; removing the skill removes them.

CREATE TABLE skills (
  member_id INTEGER NOT NULL,
  skill_key TEXT    NOT NULL,
  name      TEXT    NOT NULL,
  position  INTEGER NOT NULL,
  PRIMARY KEY (member_id, skill_key)
) WITHOUT ROWID;

CREATE TABLE endorsements (
  member_id   INTEGER NOT NULL,
  skill_key   TEXT    NOT NULL,
  endorser_id INTEGER NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (member_id, skill_key, endorser_id)
) WITHOUT ROWID;
-- B1: a block removes what the two gave each other, found from either side.
CREATE INDEX endorsements_by_endorser ON endorsements (endorser_id, member_id);

-- state is PENDING, SHOWN or HIDDEN; a writer has at most one pending recommendation per recipient.
CREATE TABLE recommendations (
  id           INTEGER PRIMARY KEY,
  writer_id    INTEGER NOT NULL,
  recipient_id INTEGER NOT NULL,
  text         TEXT    NOT NULL,
  relationship TEXT,
  state        TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  shown_at     INTEGER
);
CREATE INDEX recommendations_by_recipient ON recommendations (recipient_id, created_at, id);
CREATE INDEX recommendations_by_writer ON recommendations (writer_id, created_at, id);
CREATE UNIQUE INDEX recommendations_one_pending ON recommendations (writer_id, recipient_id)
  WHERE state = 'PENDING';

CREATE TABLE page_admins (
  page_id    INTEGER NOT NULL,
  member_id  INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (page_id, member_id)
) WITHOUT ROWID;
CREATE INDEX page_admins_by_member ON page_admins (member_id, created_at, page_id);
