package dev.rapport.feed;

/**
 * {@link FeedPolicy#score} for one ranking, with what does not change from one candidate to the
 * next worked out once: the weights by reason, the half-life in milliseconds and the engagement
 * factor {@code 1 + ln(1 + n)} for the counts a ranking meets. Gives exactly the policy's doubles,
 * the same operations in the same order (a test holds it to the policy). Immutable.
 */
final class TopScore {
  /** {@code 1 + ln(1 + n)} for n below its length: n is how many connections engaged with one post, rarely that many. */
  private static final double[] ENGAGEMENT = new double[1_024];

  static {
    for (int n = 0; n < ENGAGEMENT.length; n++) {
      ENGAGEMENT[n] = 1 + Math.log1p(n);
    }
  }

  private final double[] weights;
  private final double halfLifeMillis;
  private final long nowMillis;

  TopScore(FeedPolicy policy, long nowMillis) {
    FeedReason.Kind[] kinds = FeedReason.Kind.values();
    weights = new double[kinds.length];
    for (FeedReason.Kind kind : kinds) {
      weights[kind.ordinal()] = policy.weight(kind);
    }
    halfLifeMillis = policy.halfLife().toMillis();
    this.nowMillis = nowMillis;
  }

  /** The score of a post made at {@code createdMillis} that {@code engagedConnections} engaged with. */
  double of(FeedReason.Kind reason, long createdMillis, int engagedConnections) {
    double age = Math.max(0, nowMillis - createdMillis);
    double recency = Math.pow(2, -age / halfLifeMillis);
    double engagement = engagedConnections < ENGAGEMENT.length ? ENGAGEMENT[engagedConnections]
        : 1 + Math.log1p(engagedConnections);
    return weights[reason.ordinal()] * recency * engagement;
  }
}
