-- Rapport schema 13: conversations, messages and InMail credits (MS1-MS4, M2), as
-- docs/decisions/0034-messaging-conversations-requests-credits.md describes them. One conversation per
-- pair, lower member id first; each member's side of it is a row of its own, so that a member's
-- list of conversations, newest first, is one range of one index.

CREATE TABLE conversations (
  id           BIGINT PRIMARY KEY,
  low_id       BIGINT NOT NULL,
  high_id      BIGINT NOT NULL,
  state        TEXT    NOT NULL,
  requester_id BIGINT NOT NULL DEFAULT 0,
  requested_at BIGINT,
  refundable   BOOLEAN NOT NULL DEFAULT FALSE,
  created_at   BIGINT NOT NULL
);
CREATE UNIQUE INDEX conversations_by_pair ON conversations (low_id, high_id);

-- A member's side: the newest message (which orders their list), their unread count and how far
-- they read (the other side's receipt).
CREATE TABLE conversation_sides (
  member_id       BIGINT NOT NULL,
  conversation_id BIGINT NOT NULL,
  other_id        BIGINT NOT NULL,
  last_message_id BIGINT NOT NULL,
  unread          INTEGER NOT NULL DEFAULT 0,
  read_up_to      BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (member_id, conversation_id)
);
CREATE INDEX conversation_sides_by_newest ON conversation_sides (member_id, last_message_id);

CREATE TABLE messages (
  id              BIGINT PRIMARY KEY,
  conversation_id BIGINT NOT NULL,
  sender_id       BIGINT NOT NULL,
  text            TEXT    NOT NULL,
  sent_at         BIGINT NOT NULL
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, id);

-- The balance after the grant of `month` (year * 12 + month - 1, UTC); later grants are added on reading.
CREATE TABLE inmail_credits (
  member_id BIGINT PRIMARY KEY,
  balance   INTEGER NOT NULL CHECK (balance >= 0),
  month     INTEGER NOT NULL
);
