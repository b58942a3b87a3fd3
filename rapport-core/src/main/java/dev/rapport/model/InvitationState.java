package dev.rapport.model;

/** The life of an invitation: C1, C3, C5, C6, C7, and B1 for canceled. */
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
