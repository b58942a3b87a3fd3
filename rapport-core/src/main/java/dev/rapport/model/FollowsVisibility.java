package dev.rapport.model;

/**
 * M3, P5: who besides the member sees their followers and following lists. Either way the lists are
 * shown only to those who may also see the member's whole connection list (P1), since a connection
 * is a mutual follow (C3) and the two lists together would name the connections.
 */
public enum FollowsVisibility {
  /** The member's connections, while the member shows them their connection list. */
  CONNECTIONS,
  /** Only the member: the default, as on LinkedIn, where others see a follower count but no list. */
  ONLY_ME
}
