package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one conversation of a pair of members (MS1-MS4), whoever started it.
 *
 * @param lowId the pair's smaller member id
 * @param highId the pair's larger member id
 * @param requesterId who sent the latest request (MS2), or 0 if none ever was
 * @param requestedAt when that request was sent
 * @param refundable whether that request spent an InMail credit that a reply has not yet given back
 */
public record Conversation(long id, long lowId, long highId, ConversationState state, long requesterId,
    Optional<Instant> requestedAt, boolean refundable, Instant createdAt) {
  public Conversation {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    requestedAt = requestedAt == null ? Optional.empty() : requestedAt;
    if (lowId >= highId) {
      throw new IllegalArgumentException("a conversation is between two members, the lower id first");
    }
  }

  /** Whether the member is one of the two. */
  public boolean hasMember(long memberId) {
    return memberId == lowId || memberId == highId;
  }

  /** The member of the two who is not {@code memberId}. */
  public long otherThan(long memberId) {
    return memberId == lowId ? highId : lowId;
  }

  /** The same conversation in another state, the request fields as they were. */
  public Conversation withState(ConversationState next) {
    return new Conversation(id, lowId, highId, next, requesterId, requestedAt, refundable, createdAt);
  }

  /** A new request by {@code requester}, in state {@link ConversationState#REQUEST}. */
  public Conversation requested(long requester, Instant at, boolean spentCredit) {
    return new Conversation(id, lowId, highId, ConversationState.REQUEST, requester, Optional.of(at), spentCredit,
        createdAt);
  }

  /** The same conversation with its request's credit given back. */
  public Conversation refunded() {
    return new Conversation(id, lowId, highId, state, requesterId, requestedAt, false, createdAt);
  }
}
