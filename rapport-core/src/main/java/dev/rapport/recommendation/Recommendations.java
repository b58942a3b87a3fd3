package dev.rapport.recommendation;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Visibility;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Recommendation;
import dev.rapport.model.RecommendationState;
import dev.rapport.model.Text;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import java.util.Map;
import java.util.Optional;

/**
 * E2: a 1st-degree connection writes a recommendation; it shows on the recipient's profile only once
 * the recipient approves it, and they may hide it again. Removing the connection keeps it; a block
 * removes it (B1).
 */
public final class Recommendations {
  /** E2: the longest recommendation, as on LinkedIn. */
  public static final int MAX_TEXT = 3_000;
  /** The longest description of how the two know each other. */
  public static final int MAX_RELATIONSHIP = 100;

  private Recommendations() {}

  /**
   * E2: the actor writes a recommendation for the other member, pending until they approve it.
   *
   * @param pending the actor's pending recommendation for the other member, if any
   * @throws ForbiddenException {@code recommendation-requires-connection}
   * @throws RuleBrokenException {@code recommendation-already-pending}, {@code cannot-recommend-self}
   * @throws InvalidInputException {@code invalid-recommendation}
   */
  public static Decision<Recommendation> write(PairState pair, Optional<Recommendation> pending, String text,
      Optional<String> relationship, Effects effects) {
    String body = requireText(text);
    Optional<String> how = relationship.map(Recommendations::requireRelationship).filter(r -> !r.isEmpty());
    if (pair.isSelf()) {
      throw new RuleBrokenException("cannot-recommend-self", "you cannot recommend yourself");
    }
    Visibility.requireReachable(pair);
    // E2: only a 1st-degree connection writes one.
    if (!pair.connected()) {
      throw new ForbiddenException("recommendation-requires-connection",
          "only 1st-degree connections of '%s' may recommend them".formatted(pair.other().handle()));
    }
    if (pending.isPresent()) {
      throw new RuleBrokenException("recommendation-already-pending",
          "your recommendation of '%s' is still waiting for their approval".formatted(pair.other().handle()),
          Map.of("recommendationId", Long.toString(pending.get().id())));
    }
    Recommendation written = new Recommendation(effects.newId(), pair.actor().id(), pair.other().id(), body, how,
        RecommendationState.PENDING, effects.now(), Optional.empty());
    effects.expectPair(pair).add(new Change.AddRecommendation(written), EventType.RECOMMENDATION_WRITTEN,
        written.writerId(), written.recipientId(), written.id())
        .notify(written.recipientId(), NotificationKind.RECOMMENDED, written.writerId(), written.id());
    return Decision.apply(effects, written);
  }

  /**
   * E2: the recipient shows ({@link RecommendationState#SHOWN}) or hides it. Idempotent.
   *
   * @param found the recommendation with the id asked, if any
   * @throws NotFoundException {@code recommendation-not-found} unless the actor is its recipient
   */
  public static Decision<Recommendation> setState(long actorId, Optional<Recommendation> found,
      RecommendationState state, Effects effects) {
    // E2: only the recipient approves or hides; to anyone else it does not exist.
    Recommendation recommendation = found.filter(r -> r.recipientId() == actorId)
        .orElseThrow(Recommendations::notFound);
    if (recommendation.state() == state) {
      return Decision.apply(effects, recommendation);
    }
    Recommendation next = recommendation.withState(state, effects.now());
    effects.add(new Change.UpdateRecommendation(next),
        state == RecommendationState.SHOWN ? EventType.RECOMMENDATION_SHOWN : EventType.RECOMMENDATION_HIDDEN,
        actorId, recommendation.writerId(), recommendation.id());
    return Decision.apply(effects, next);
  }

  /**
   * E2: its recipient declines or removes it, or its writer withdraws it.
   *
   * @throws NotFoundException {@code recommendation-not-found} unless the actor wrote or received it
   */
  public static Decision<Recommendation> remove(long actorId, Optional<Recommendation> found, Effects effects) {
    Recommendation recommendation = found.filter(r -> r.recipientId() == actorId || r.writerId() == actorId)
        .orElseThrow(Recommendations::notFound);
    effects.add(new Change.RemoveRecommendation(recommendation.id()), EventType.RECOMMENDATION_REMOVED, actorId,
        recommendation.otherThan(actorId), recommendation.id());
    return Decision.apply(effects, recommendation);
  }

  public static NotFoundException notFound() {
    return new NotFoundException("recommendation-not-found", "no recommendation with this id is yours to change");
  }

  private static String requireText(String text) {
    String clean = Text.lines(text, "text", "invalid-recommendation");
    if (clean.isEmpty() || clean.length() > MAX_TEXT) {
      throw new InvalidInputException("invalid-recommendation",
          "a recommendation has 1 to %d characters, not %d".formatted(MAX_TEXT, clean.length()),
          Map.of("field", "text", "limit", MAX_TEXT));
    }
    return clean;
  }

  private static String requireRelationship(String relationship) {
    String clean = Text.line(relationship, "relationship", "invalid-recommendation");
    if (clean.length() > MAX_RELATIONSHIP) {
      throw new InvalidInputException("invalid-recommendation",
          "how you know each other takes at most %d characters".formatted(MAX_RELATIONSHIP),
          Map.of("field", "relationship", "limit", MAX_RELATIONSHIP));
    }
    return clean;
  }
}
