package dev.rapport.feed;

import java.util.Objects;

/**
 * A {@code top} ranking (P3), best first (by score, then the newer, then the larger id), in
 * primitive arrays: what a first page ranks and its later pages continue. Its candidates are put in
 * order only as far as pages read them: a binary heap of them is made once, in linear time, and
 * each post read past the ordered part is taken off it, so a first page of 20 orders some 20 of
 * thousands and a reader going through every page pays what one sort would
 * (docs/decisions/0033-top-scores-the-posts-engaged-with-most-lately.md). Thread safe: pages of one ranking may
 * be read at once.
 */
public final class Ranking {
  private final long[] postIds;
  private final long[] authorIds;
  private final long[] created;
  private final double[] scores;
  private final byte[] reasons;
  private final long[] byIds;
  /**
   * A heapsort in place: {@code order[0, heapSize)} is a max-heap of the candidates not yet ordered;
   * {@code order[heapSize, size)} holds the ordered ones, the best at the end.
   */
  private final int[] order;
  private int heapSize;

  Ranking(long[] postIds, long[] authorIds, long[] created, double[] scores, byte[] reasons, long[] byIds,
      int size) {
    this.postIds = postIds;
    this.authorIds = authorIds;
    this.created = created;
    this.scores = scores;
    this.reasons = reasons;
    this.byIds = byIds;
    this.order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    heapSize = size;
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  public int size() {
    return order.length;
  }

  /**
   * The {@code i}-th best post, its reason and score. Orders the ranking up to {@code i} first if no
   * page read that far: log(size) comparisons a post.
   *
   * @throws IndexOutOfBoundsException if {@code i} is not below {@link #size()}
   */
  public synchronized FeedIndex.Ranked get(int i) {
    int at = order.length - 1 - Objects.checkIndex(i, order.length);
    while (heapSize > at) {
      int best = order[0];
      order[0] = order[--heapSize];
      order[heapSize] = best;
      siftDown(0);
    }
    int c = order[at];
    return new FeedIndex.Ranked(new FeedIndex.Entry(postIds[c], authorIds[c], created[c]),
        new FeedReason(FeedReason.Kind.values()[reasons[c]], byIds[c]), scores[c]);
  }

  /** Whether candidate a ranks before candidate b: the better score, then the newer, then the larger id. */
  private boolean before(int a, int b) {
    int byScore = Double.compare(scores[a], scores[b]);
    if (byScore != 0) {
      return byScore > 0;
    }
    if (created[a] != created[b]) {
      return created[a] > created[b];
    }
    return postIds[a] > postIds[b];
  }

  private void siftDown(int i) {
    int moving = order[i];
    int half = heapSize >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      if (child + 1 < heapSize && before(order[child + 1], order[child])) {
        child++;
      }
      if (!before(order[child], moving)) {
        break;
      }
      order[i] = order[child];
      i = child;
    }
    order[i] = moving;
  }
}
