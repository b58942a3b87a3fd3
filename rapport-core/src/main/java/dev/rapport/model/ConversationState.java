package dev.rapport.model;

/**
 * Where a conversation between two members stands (MS1-MS3; docs/decisions/0034-messaging-conversations-requests-credits.md).
 */
public enum ConversationState {
  /** Started or continued as connections: free while they are connected (MS1). */
  OPEN,
  /** A message to a non-connection, by InMail or to an Open Profile, waiting for its recipient (MS2). */
  REQUEST,
  /** The request's recipient accepted it or replied: both write freely in it from then on (MS2). */
  ACCEPTED,
  /** The request's recipient declined it: closed to both until they connect (MS2). */
  DECLINED
}
