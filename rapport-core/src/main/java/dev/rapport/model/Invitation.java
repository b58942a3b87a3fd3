package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invitation to connect (C1).
 *
 * @param updatedAt when the state last changed (for a withdrawn invitation: when the C6 cooldown
 *     started)
 * @param reportedAt when the recipient said "I don't know this person" (C7), if they did
 */
public record Invitation(
    long id,
    long senderId,
    long recipientId,
    InvitationState state,
    Optional<String> note,
    Instant sentAt,
    Instant updatedAt,
    Optional<Instant> reportedAt) {

  public Invitation {
    Objects.requireNonNull(state, "state");
    note = note == null ? Optional.empty() : note;
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    reportedAt = reportedAt == null ? Optional.empty() : reportedAt;
  }

  public Invitation withState(InvitationState newState, Instant at) {
    return new Invitation(id, senderId, recipientId, newState, note, sentAt, at, reportedAt);
  }

  public Invitation reported(Instant at) {
    return new Invitation(id, senderId, recipientId, InvitationState.IGNORED, note, sentAt, at, Optional.of(at));
  }

  /** The other member of the pair, seen from {@code memberId}. */
  public long otherThan(long memberId) {
    return memberId == senderId ? recipientId : senderId;
  }
}
