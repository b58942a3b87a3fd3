package dev.rapport.feed;

/**
 * Why a post is in a viewer's feed (P3): its author is the viewer, a followed connection, a
 * followed company page or another followed member; or connections reacted to or commented on it,
 * the newest of them being {@code byMemberId}.
 *
 * @param byMemberId the connection who engaged last, for the two engagement kinds; 0 otherwise
 */
public record FeedReason(Kind kind, long byMemberId) {
  public enum Kind {
    OWN,
    CONNECTION,
    PAGE,
    FOLLOWING,
    CONNECTION_REACTED,
    CONNECTION_COMMENTED
  }
}
