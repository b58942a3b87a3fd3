package dev.rapport.kernel;

/** What an event in the ordered log records. Stored by name: never rename a constant. */
public enum EventType {
  MEMBER_CREATED,
  MEMBER_UPDATED,
  TOKEN_ISSUED,
  FOLLOWED,
  UNFOLLOWED,
  INVITATION_SENT,
  INVITATION_ACCEPTED,
  INVITATION_IGNORED,
  INVITATION_WITHDRAWN,
  INVITATION_REPORTED,
  INVITATION_CANCELED,
  INVITATION_REFUSED,
  RESTRICTED,
  CONNECTED,
  DISCONNECTED,
  BLOCKED,
  UNBLOCKED,
  SUGGESTION_DISMISSED,
  NOTIFICATIONS_READ,
  ACCOUNT_CREATED,
  PASSWORD_CHANGED,
  SIGNED_IN,
  SIGNED_OUT,
  SESSIONS_ENDED,
  TOKEN_REVOKED,
  INVITE_CREATED,
  INVITE_USED,
  POSTED,
  POST_EDITED,
  POST_DELETED,
  REACTED,
  REACTION_CHANGED,
  REACTION_REMOVED,
  COMMENTED,
  COMMENT_DELETED,
  SKILLS_SET,
  ENDORSED,
  ENDORSEMENT_REMOVED,
  RECOMMENDATION_WRITTEN,
  RECOMMENDATION_SHOWN,
  RECOMMENDATION_HIDDEN,
  RECOMMENDATION_REMOVED,
  PAGE_CREATED,
  PAGE_ADMIN_ADDED,
  PAGE_ADMIN_REMOVED,
  /** MS1: actor the sender, subject the recipient, ref the message. */
  MESSAGE_SENT,
  /** MS4: actor the reader, subject the other member, ref the newest message read. */
  CONVERSATION_READ,
  /** MS2: actor the request's recipient, subject its sender, ref the conversation. */
  MESSAGE_REQUEST_ACCEPTED,
  MESSAGE_REQUEST_DECLINED,
  /** MS2: actor who replied, subject the requester given the credit back, ref the conversation. */
  INMAIL_REFUNDED,
  /** NT1: a notification was written; subject its recipient, ref its id. */
  NOTIFIED,
  /** NT2: the member's muted notification kinds changed. */
  NOTIFICATION_SETTINGS_SET
}
