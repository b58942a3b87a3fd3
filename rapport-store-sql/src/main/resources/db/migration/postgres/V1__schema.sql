-- Rapport schema 1 on PostgreSQL.
-- Times are epoch milliseconds. Ids come from the engine's id generator; only the event log numbers
-- its own rows. Enums are stored by constant name. There are no foreign keys: the rules check
-- existence before they commit, and the same schema has to map onto stores without them.

CREATE TABLE members (
  id                     BIGINT  PRIMARY KEY,
  handle                 TEXT    NOT NULL UNIQUE,
  kind                   TEXT    NOT NULL,
  name                   TEXT    NOT NULL,
  headline               TEXT    NOT NULL,
  email                  TEXT,
  tier                   TEXT    NOT NULL,
  created_at             BIGINT  NOT NULL,
  follow_primary         BOOLEAN NOT NULL,
  who_can_follow         TEXT    NOT NULL,
  who_can_invite         TEXT    NOT NULL,
  connections_visibility TEXT    NOT NULL,
  open_profile           BOOLEAN NOT NULL,
  connection_count       INTEGER NOT NULL DEFAULT 0,
  version                BIGINT  NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
  token_hash TEXT   PRIMARY KEY,
  member_id  BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE follows (
  follower_id BIGINT NOT NULL,
  followee_id BIGINT NOT NULL,
  created_at  BIGINT NOT NULL,
  PRIMARY KEY (follower_id, followee_id)
);
CREATE INDEX follows_by_followee ON follows (followee_id, created_at, follower_id);
CREATE INDEX follows_by_follower ON follows (follower_id, created_at, followee_id);

-- One row per direction, so that "connections of X" is a single index range.
CREATE TABLE connections (
  member_id  BIGINT NOT NULL,
  other_id   BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (member_id, other_id)
);
CREATE INDEX connections_by_time ON connections (member_id, created_at, other_id);

-- pair_low and pair_high are the two member ids in ascending order: the pair without its direction.
CREATE TABLE invitations (
  id           BIGINT PRIMARY KEY,
  sender_id    BIGINT NOT NULL,
  recipient_id BIGINT NOT NULL,
  pair_low     BIGINT NOT NULL,
  pair_high    BIGINT NOT NULL,
  state        TEXT   NOT NULL,
  note         TEXT,
  sent_at      BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL,
  reported_at  BIGINT
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
  blocker_id BIGINT NOT NULL,
  blocked_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_by_time ON blocks (blocker_id, created_at, blocked_id);

CREATE TABLE refusals (
  member_id BIGINT NOT NULL,
  at        BIGINT NOT NULL
);
CREATE INDEX refusals_by_member ON refusals (member_id, at);

CREATE TABLE restrictions (
  member_id BIGINT NOT NULL,
  reason    TEXT   NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at   BIGINT NOT NULL
);
CREATE INDEX restrictions_by_member ON restrictions (member_id, starts_at);

CREATE TABLE notifications (
  id           BIGINT  PRIMARY KEY,
  recipient_id BIGINT  NOT NULL,
  kind         TEXT    NOT NULL,
  actor_id     BIGINT  NOT NULL,
  ref_id       BIGINT  NOT NULL,
  at           BIGINT  NOT NULL,
  read         BOOLEAN NOT NULL
);
CREATE INDEX notifications_by_recipient ON notifications (recipient_id, id);

-- The ordered log (DESIGN decision 4). Concurrent transactions draw positions from the sequence in
-- one order and commit in another, so a reader that saw position 11 could later find 10 appear.
-- Each row therefore records its transaction, and append_events draws the transaction id and the
-- positions under one lock: position order is then transaction id order, and a reader that only
-- returns rows of transactions older than every running one (its snapshot's xmin) never skips a row.
CREATE TABLE events (
  seq        BIGSERIAL PRIMARY KEY,
  tx         XID8      NOT NULL,
  type       TEXT      NOT NULL,
  at         BIGINT    NOT NULL,
  actor_id   BIGINT    NOT NULL,
  subject_id BIGINT    NOT NULL,
  ref_id     BIGINT    NOT NULL
);

-- Appends a commit's events in order and returns the position of the last one. Must be the first
-- write of its transaction, so that the transaction id is assigned here, under the lock.
CREATE FUNCTION append_events(types TEXT[], ats BIGINT[], actors BIGINT[], subjects BIGINT[], refs BIGINT[])
RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  this_tx XID8;
BEGIN
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'append_events must be the first write of its transaction';
  END IF;
  -- A session lock, released at once: a transaction lock would be held until commit and
  -- serialise every commit's WAL flush.
  PERFORM pg_advisory_lock(7260101);
  this_tx := pg_current_xact_id();
  INSERT INTO events (tx, type, at, actor_id, subject_id, ref_id)
    SELECT this_tx, e.type, e.at, e.actor_id, e.subject_id, e.ref_id
    FROM unnest(types, ats, actors, subjects, refs) WITH ORDINALITY AS e (type, at, actor_id, subject_id, ref_id, n)
    ORDER BY e.n;
  PERFORM pg_advisory_unlock(7260101);
  RETURN currval('events_seq_seq');
END
$$;
