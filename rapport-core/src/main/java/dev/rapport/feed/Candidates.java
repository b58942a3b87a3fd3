package dev.rapport.feed;

import java.util.Arrays;

/**
 * The scored candidates of one {@code top} ranking, in growing primitive arrays, handed to a
 * {@link Ranking} as they are: it orders them as its pages are read. One use, one thread.
 */
final class Candidates {
  private long[] postIds;
  private long[] authorIds;
  private long[] created;
  private double[] scores;
  private byte[] reasons;
  private long[] byIds;
  private int size;

  Candidates(int expected) {
    int capacity = Math.max(16, expected);
    postIds = new long[capacity];
    authorIds = new long[capacity];
    created = new long[capacity];
    scores = new double[capacity];
    reasons = new byte[capacity];
    byIds = new long[capacity];
  }

  void add(long postId, long authorId, long createdMillis, FeedReason.Kind reason, long byId, double score) {
    if (size == postIds.length) {
      int grown = size * 2;
      postIds = Arrays.copyOf(postIds, grown);
      authorIds = Arrays.copyOf(authorIds, grown);
      created = Arrays.copyOf(created, grown);
      scores = Arrays.copyOf(scores, grown);
      reasons = Arrays.copyOf(reasons, grown);
      byIds = Arrays.copyOf(byIds, grown);
    }
    postIds[size] = postId;
    authorIds[size] = authorId;
    created[size] = createdMillis;
    scores[size] = score;
    reasons[size] = (byte) reason.ordinal();
    byIds[size] = byId;
    size++;
  }

  /** The candidates as a ranking, handing it these arrays: this is of no further use. */
  Ranking ranked() {
    return new Ranking(postIds, authorIds, created, scores, reasons, byIds, size);
  }
}
