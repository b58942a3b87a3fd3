package dev.rapport.model;

/**
 * NT1: what a member is told about. Never ignore, withdraw, remove or block. Stored by name: never
 * rename a constant. A new kind is a constant here and one {@code effects.notify(...)} in the rule
 * that causes it (docs/decisions/0035-notifications-at-commit-muted-and-logged.md).
 */
public enum NotificationKind {
  FOLLOWED,
  INVITATION_RECEIVED,
  INVITATION_ACCEPTED,
  /** P4: a reaction to the recipient's post; {@code refId} is the post. */
  REACTED,
  /** P4: a comment on the recipient's post; {@code refId} is the post. */
  COMMENTED,
  /** E1: an endorsement of one of the recipient's skills; {@code about} is the skill's name. */
  ENDORSED,
  /** E2: a recommendation written for the recipient; {@code refId} is the recommendation. */
  RECOMMENDED,
  /**
   * MS1: a message in a conversation the recipient had read to the end; {@code refId} is the
   * conversation. Further messages notify again only once they read it
   * (docs/decisions/0039-message-received-once-per-unread-conversation.md).
   */
  MESSAGE_RECEIVED;

  /**
   * Whether notifications of this kind about the same thing on the same day are shown as one ("Ada
   * and 3 others reacted to your post"), as LinkedIn groups them: reactions or comments on one post,
   * endorsements of one skill, new followers
   * (docs/decisions/0042-notifications-grouped-on-read-by-day.md).
   */
  public boolean grouped() {
    return this == FOLLOWED || this == REACTED || this == COMMENTED || this == ENDORSED;
  }
}
