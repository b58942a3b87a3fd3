package dev.rapport.feed;

/**
 * What the viewer's connections engaged with, by post, for one {@code top} ranking: how many of
 * them, and who last and how. An open-addressing table of primitives, so that tallying tens of
 * thousands of engagements allocates a few arrays and no object per post. One use, one thread.
 */
final class EngagementTally {
  private static final long EMPTY = 0; // post ids are positive

  private long[] posts;
  private long[] authors;
  private int[] counts;
  private long[] lastAts;
  private long[] lastBys;
  private boolean[] lastIsComment;
  private boolean[] taken;
  private int size;

  EngagementTally(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    posts = new long[capacity];
    authors = new long[capacity];
    counts = new int[capacity];
    lastAts = new long[capacity];
    lastBys = new long[capacity];
    lastIsComment = new boolean[capacity];
    taken = new boolean[capacity];
  }

  private int slot(long post) {
    int mask = posts.length - 1;
    int i = (int) (post ^ (post >>> 29) ^ (post >>> 41)) * 0x9E3779B9 >>> 1 & mask;
    while (posts[i] != EMPTY && posts[i] != post) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Counts one connection's engagement with a post, at {@code at}, by {@code connection}. */
  void add(long post, long author, long at, long connection, boolean comment) {
    if (size * 2 >= posts.length) {
      grow();
    }
    int i = slot(post);
    if (posts[i] == EMPTY) {
      posts[i] = post;
      authors[i] = author;
      lastAts[i] = Long.MIN_VALUE;
      size++;
    }
    counts[i]++;
    if (at > lastAts[i] || at == lastAts[i] && connection > lastBys[i]) {
      lastAts[i] = at;
      lastBys[i] = connection;
      lastIsComment[i] = comment;
    }
  }

  private void grow() {
    long[] oldPosts = posts;
    long[] oldAuthors = authors;
    int[] oldCounts = counts;
    long[] oldAts = lastAts;
    long[] oldBys = lastBys;
    boolean[] oldComment = lastIsComment;
    allocate(oldPosts.length * 2);
    for (int o = 0; o < oldPosts.length; o++) {
      if (oldPosts[o] != EMPTY) {
        int i = slot(oldPosts[o]);
        posts[i] = oldPosts[o];
        authors[i] = oldAuthors[o];
        counts[i] = oldCounts[o];
        lastAts[i] = oldAts[o];
        lastBys[i] = oldBys[o];
        lastIsComment[i] = oldComment[o];
      }
    }
  }

  /** How many connections engaged with the post, and marks it as ranked already; 0 if none did. */
  int take(long post) {
    int i = slot(post);
    if (posts[i] == EMPTY) {
      return 0;
    }
    taken[i] = true;
    return counts[i];
  }

  /** Calls the sink with each post not taken. */
  void forEachUntaken(Sink sink) {
    for (int i = 0; i < posts.length; i++) {
      if (posts[i] != EMPTY && !taken[i]) {
        sink.post(posts[i], authors[i], counts[i], lastBys[i], lastIsComment[i]);
      }
    }
  }

  @FunctionalInterface
  interface Sink {
    void post(long post, long author, int count, long lastBy, boolean lastIsComment);
  }
}
