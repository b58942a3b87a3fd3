package dev.rapport.feed;

import java.util.Arrays;

/**
 * The scored candidates of one {@code top} ranking, in growing primitive arrays, sorted into a
 * {@link Ranking}: best score first, then newest, then the larger id. One use, one thread.
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

  /** Whether candidate a ranks before candidate b. */
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

  Ranking ranked() {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    mergeSort(order, new int[size], 0, size);
    long[] p = new long[size];
    long[] a = new long[size];
    long[] c = new long[size];
    double[] s = new double[size];
    byte[] r = new byte[size];
    long[] b = new long[size];
    for (int i = 0; i < size; i++) {
      int o = order[i];
      p[i] = postIds[o];
      a[i] = authorIds[o];
      c[i] = created[o];
      s[i] = scores[o];
      r[i] = reasons[o];
      b[i] = byIds[o];
    }
    return new Ranking(p, a, c, s, r, b);
  }

  /** Sorts {@code order[from, to)} by {@link #before}, stably, through {@code scratch}. */
  private void mergeSort(int[] order, int[] scratch, int from, int to) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(order, scratch, from, mid);
    mergeSort(order, scratch, mid, to);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      scratch[k++] = before(order[j], order[i]) ? order[j++] : order[i++];
    }
    while (i < mid) {
      scratch[k++] = order[i++];
    }
    while (j < to) {
      scratch[k++] = order[j++];
    }
    System.arraycopy(scratch, from, order, from, to - from);
  }
}
