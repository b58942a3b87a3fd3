-- Rapport schema 6 on SQLite: who sees a member's lists of follows (P5), and the follow notices
-- a repeated follow looks up (NT1). Members before it show their follows to nobody else, the new
-- default: as on LinkedIn, others see how many follow a member, not who.

ALTER TABLE members ADD COLUMN follows_visibility TEXT NOT NULL DEFAULT 'ONLY_ME';

-- NT1: when a follower's follow last notified its followee, without scanning their notifications.
CREATE INDEX notifications_followed_by_actor ON notifications (recipient_id, actor_id, at)
  WHERE kind = 'FOLLOWED';
