package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recommendation one member wrote for a connection (E2).
 *
 * @param relationship how the two know each other, as the writer put it ("managed Ada at Acme")
 * @param shownAt when the recipient last approved it, if they ever did
 */
public record Recommendation(
    long id,
    long writerId,
    long recipientId,
    String text,
    Optional<String> relationship,
    RecommendationState state,
    Instant createdAt,
    Optional<Instant> shownAt) {

  public Recommendation {
    Objects.requireNonNull(text, "text");
    relationship = relationship == null ? Optional.empty() : relationship;
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    shownAt = shownAt == null ? Optional.empty() : shownAt;
  }

  /** In a new state; showing it stamps {@code at} as when it was shown. */
  public Recommendation withState(RecommendationState newState, Instant at) {
    return new Recommendation(id, writerId, recipientId, text, relationship, newState, createdAt,
        newState == RecommendationState.SHOWN ? Optional.of(at) : shownAt);
  }

  /** The other member of the two, seen from {@code memberId}. */
  public long otherThan(long memberId) {
    return memberId == writerId ? recipientId : writerId;
  }
}
