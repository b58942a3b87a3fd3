-- Rapport schema 11 on SQLite: indexes for outreach insight (X1, X2;
-- docs/decisions/0030-outreach-analytics-and-prospects.md). Partial, so that only the events these reads
-- look up are indexed, not every event of the log; each query repeats an index's type list word for word.

-- X1: a pair's follows, invitations, reactions and comments in log order, to tell warm from cold.
CREATE INDEX events_outreach_by_pair ON events (actor_id, subject_id, seq)
  WHERE type IN ('FOLLOWED', 'UNFOLLOWED', 'INVITATION_SENT', 'REACTED', 'REACTION_CHANGED', 'COMMENTED');
-- X1: a member's followers and connections gained and lost, by week.
CREATE INDEX events_ties_by_subject ON events (subject_id, at, type)
  WHERE type IN ('FOLLOWED', 'UNFOLLOWED', 'CONNECTED', 'DISCONNECTED');
CREATE INDEX events_connections_by_actor ON events (actor_id, at, type)
  WHERE type IN ('CONNECTED', 'DISCONNECTED');
-- X2: what a member reacted to and commented on lately.
CREATE INDEX reactions_by_member ON reactions (member_id, at, post_id);
CREATE INDEX comments_by_author ON comments (author_id, created_at, post_id);
