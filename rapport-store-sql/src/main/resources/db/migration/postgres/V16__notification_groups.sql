-- Rapport schema 16 on PostgreSQL: an endorsement's notification names its skill, and a member's
-- notifications are found by what groups them (kind, ref, skill, then time), so that a group is
-- read whole in one range (docs/decisions/0042-notifications-grouped-on-read-by-day.md).
ALTER TABLE notifications ADD COLUMN about TEXT NOT NULL DEFAULT '';

CREATE INDEX notifications_by_group ON notifications (recipient_id, kind, ref_id, about, at);
