-- Rapport schema 2: invitation indexes that answer the limit and cooldown reads from the index alone.
-- L2 counts the notes a sender wrote this month: without an index on notes, every invitation of the
-- month was looked up in the table. C8 looks for the last withdrawal between a pair: only withdrawn
-- invitations need indexing, so sending and answering no longer write that index.

CREATE INDEX invitations_with_note_by_sender ON invitations (sender_id, sent_at) WHERE note IS NOT NULL;

DROP INDEX invitations_by_sender_and_recipient;
CREATE INDEX invitations_withdrawn_by_pair ON invitations (sender_id, recipient_id, updated_at)
  WHERE state = 'WITHDRAWN';
