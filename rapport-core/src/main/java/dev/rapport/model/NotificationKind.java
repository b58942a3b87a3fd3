package dev.rapport.model;

/** NT1: what a member is told about. Never ignore, withdraw, remove or block. */
public enum NotificationKind {
  FOLLOWED,
  INVITATION_RECEIVED,
  INVITATION_ACCEPTED
}
