package dev.rapport.feed;

/**
 * A {@code top} ranking (P3), best first, in primitive arrays: what a first page ranks and its
 * later pages continue. Immutable.
 */
public final class Ranking {
  private final long[] postIds;
  private final long[] authorIds;
  private final long[] created;
  private final double[] scores;
  private final byte[] reasons;
  private final long[] byIds;

  Ranking(long[] postIds, long[] authorIds, long[] created, double[] scores, byte[] reasons, long[] byIds) {
    this.postIds = postIds;
    this.authorIds = authorIds;
    this.created = created;
    this.scores = scores;
    this.reasons = reasons;
    this.byIds = byIds;
  }

  public int size() {
    return postIds.length;
  }

  /** The {@code i}-th best post, its reason and score. */
  public FeedIndex.Ranked get(int i) {
    return new FeedIndex.Ranked(new FeedIndex.Entry(postIds[i], authorIds[i], created[i]),
        new FeedReason(FeedReason.Kind.values()[reasons[i]], byIds[i]), scores[i]);
  }
}
