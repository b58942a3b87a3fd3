-- Rapport schema 14 on PostgreSQL: the notification kinds each member muted (NT2), and the log's
-- index by subject, which a live stream resumes from after a dropped connection or a restart
-- (docs/decisions/0036-the-live-stream-follows-the-log.md).
CREATE TABLE notification_mutes (
  member_id BIGINT NOT NULL,
  kind      TEXT   NOT NULL,
  PRIMARY KEY (member_id, kind)
);

CREATE INDEX events_by_subject ON events (subject_id, seq);
