-- Rapport schema 15 on PostgreSQL: the log's messages by their sender, so that a live stream that
-- resumes also gives the messages its member sent from another tab or device
-- (docs/decisions/0040-messages-and-receipts-on-the-live-stream.md).
CREATE INDEX events_sent_by_actor ON events (actor_id, seq) WHERE type = 'MESSAGE_SENT';
