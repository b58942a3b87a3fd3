package dev.rapport.model;

/** C1-C7: the life of an invitation. */
public enum InvitationState {
  /** Waiting for the recipient. */
  PENDING,
  /** Archived by the recipient (C5): the sender still sees it pending; the recipient may still accept. */
  IGNORED,
  ACCEPTED,
  /** Withdrawn by the sender; starts the C6 cooldown. */
  WITHDRAWN,
  /** Removed by a block between the two (B1); starts no cooldown. */
  CANCELED;

  /** Pending or ignored: it still occupies the pair (C1) and the sender's outstanding count (L3). */
  public boolean isOpen() {
    return this == PENDING || this == IGNORED;
  }

  /** The state as the given side sees it: an ignored invitation looks pending to its sender (C5). */
  public InvitationState seenBySender() {
    return this == IGNORED ? PENDING : this;
  }
}
