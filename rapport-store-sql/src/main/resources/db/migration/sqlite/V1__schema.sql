-- Rapport schema 1 on SQLite.
-- Times are epoch milliseconds. Ids come from the engine's id generator; only the event log numbers
-- its own rows. Enums are stored by constant name. There are no foreign keys: the rules check
-- existence before they commit, and the same schema has to map onto stores without them.

CREATE TABLE members (
  id                     INTEGER PRIMARY KEY,
  handle                 TEXT    NOT NULL UNIQUE,
  kind                   TEXT    NOT NULL,
  name                   TEXT    NOT NULL,
  headline               TEXT    NOT NULL,
  email                  TEXT,
  tier                   TEXT    NOT NULL,
  created_at             INTEGER NOT NULL,
  follow_primary         INTEGER NOT NULL,
  who_can_follow         TEXT    NOT NULL,
  who_can_invite         TEXT    NOT NULL,
  connections_visibility TEXT    NOT NULL,
  open_profile           INTEGER NOT NULL,
  connection_count       INTEGER NOT NULL DEFAULT 0,
  version                INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
  token_hash TEXT    PRIMARY KEY,
  member_id  INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE follows (
  follower_id INTEGER NOT NULL,
  followee_id INTEGER NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (follower_id, followee_id)
) WITHOUT ROWID;
CREATE INDEX follows_by_followee ON follows (followee_id, created_at, follower_id);
CREATE INDEX follows_by_follower ON follows (follower_id, created_at, followee_id);

-- One row per direction, so that "connections of X" is a single index range.
CREATE TABLE connections (
  member_id  INTEGER NOT NULL,
  other_id   INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (member_id, other_id)
) WITHOUT ROWID;
CREATE INDEX connections_by_time ON connections (member_id, created_at, other_id);

-- pair_low and pair_high are the two member ids in ascending order: the pair without its direction.
CREATE TABLE invitations (
  id           INTEGER PRIMARY KEY,
  sender_id    INTEGER NOT NULL,
  recipient_id INTEGER NOT NULL,
  pair_low     INTEGER NOT NULL,
  pair_high    INTEGER NOT NULL,
  state        TEXT    NOT NULL,
  note         TEXT,
  sent_at      INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  reported_at  INTEGER
);
-- C1: at most one open invitation per pair, whoever sent it.
CREATE UNIQUE INDEX invitations_one_open_per_pair ON invitations (pair_low, pair_high)
  WHERE state IN ('PENDING', 'IGNORED');
CREATE INDEX invitations_by_sender ON invitations (sender_id, sent_at, id);
CREATE INDEX invitations_by_recipient ON invitations (recipient_id, state, sent_at, id);
CREATE INDEX invitations_by_sender_and_recipient ON invitations (sender_id, recipient_id);
CREATE INDEX invitations_open_by_sender ON invitations (sender_id) WHERE state IN ('PENDING', 'IGNORED');
CREATE INDEX invitations_reported_by_sender ON invitations (sender_id, reported_at) WHERE reported_at IS NOT NULL;

CREATE TABLE blocks (
  blocker_id INTEGER NOT NULL,
  blocked_id INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (blocker_id, blocked_id)
) WITHOUT ROWID;
CREATE INDEX blocks_by_time ON blocks (blocker_id, created_at, blocked_id);

CREATE TABLE refusals (
  member_id INTEGER NOT NULL,
  at        INTEGER NOT NULL
);
CREATE INDEX refusals_by_member ON refusals (member_id, at);

CREATE TABLE restrictions (
  member_id INTEGER NOT NULL,
  reason    TEXT    NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at   INTEGER NOT NULL
);
CREATE INDEX restrictions_by_member ON restrictions (member_id, starts_at);

CREATE TABLE notifications (
  id           INTEGER PRIMARY KEY,
  recipient_id INTEGER NOT NULL,
  kind         TEXT    NOT NULL,
  actor_id     INTEGER NOT NULL,
  ref_id       INTEGER NOT NULL,
  at           INTEGER NOT NULL,
  read         INTEGER NOT NULL
);
CREATE INDEX notifications_by_recipient ON notifications (recipient_id, id);

-- The ordered log (DESIGN decision 4). AUTOINCREMENT so that a position is never handed out twice.
CREATE TABLE events (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  type       TEXT    NOT NULL,
  at         INTEGER NOT NULL,
  actor_id   INTEGER NOT NULL,
  subject_id INTEGER NOT NULL,
  ref_id     INTEGER NOT NULL
);
