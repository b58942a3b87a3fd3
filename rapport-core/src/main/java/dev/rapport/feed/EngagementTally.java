package dev.rapport.feed;

/**
 * What the viewer's connections engaged with, by post, for one {@code top} ranking: how many of
 * them, and who last and how. An open-addressing table of primitives sized once for the most posts
 * it can be given, so that tallying tens of thousands of engagements allocates a few arrays and no
 * object per post. One use, one thread.
 */
final class EngagementTally {
  private static final long EMPTY = 0; // post ids are positive

  private final long[] posts;
  private final long[] authors;
  private final int[] counts;
  private final long[] lastAts;
  private final long[] lastBys;
  private final boolean[] lastIsComment;
  private final boolean[] taken;
  private final int mask;
  private int size;

  /** A tally of at most {@code most} distinct posts. */
  EngagementTally(int most) {
    int capacity = Integer.highestOneBit(Math.max(8, most) * 2 - 1) << 1;
    posts = new long[capacity];
    authors = new long[capacity];
    counts = new int[capacity];
    lastAts = new long[capacity];
    lastBys = new long[capacity];
    lastIsComment = new boolean[capacity];
    taken = new boolean[capacity];
    mask = capacity - 1;
  }

  private static int hash(long key) {
    return (int) (key ^ (key >>> 29) ^ (key >>> 41)) * 0x9E3779B9 >>> 1;
  }

  private int slot(long post) {
    int i = hash(post) & mask;
    while (posts[i] != EMPTY && posts[i] != post) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** How many distinct posts it holds. */
  int size() {
    return size;
  }

  /** Counts one connection's engagement with a post, at {@code at}, by {@code connection}. */
  void add(long post, long author, long at, long connection, boolean comment) {
    int i = slot(post);
    if (posts[i] == EMPTY) {
      if (size * 2 >= posts.length) {
        throw new IllegalStateException("more posts than the tally was made for: " + size);
      }
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

  /** How many connections engaged with the post, and marks it as ranked already; 0 if none did. */
  int take(long post) {
    int i = slot(post);
    if (posts[i] == EMPTY) {
      return 0;
    }
    taken[i] = true;
    return counts[i];
  }

  /**
   * The slots of the posts not taken that were engaged with most lately: those whose last
   * engagement is at or after the {@code most}-th newest last engagement among them (ties at the
   * cut all in), those of one author next to each other so that each author's timeline is looked up
   * once (docs/decisions/0033-top-scores-the-posts-engaged-with-most-lately.md). Linear, and log(most)
   * a post to find the cut.
   */
  int[] untakenLatest(int most) {
    long cut = Long.MIN_VALUE;
    int untaken = 0;
    for (int i = 0; i < posts.length; i++) {
      if (posts[i] != EMPTY && !taken[i]) {
        untaken++;
      }
    }
    if (untaken > most) {
      cut = newestLastAt(most);
      untaken = 0;
      for (int i = 0; i < posts.length; i++) {
        if (posts[i] != EMPTY && !taken[i] && lastAts[i] >= cut) {
          untaken++;
        }
      }
    }
    return byAuthor(untaken, cut);
  }

  /** The {@code k}-th newest last engagement of the posts not taken, by a min-heap of {@code k} times. */
  private long newestLastAt(int k) {
    long[] kept = new long[k];
    int size = 0;
    for (int slot = 0; slot < posts.length; slot++) {
      if (posts[slot] == EMPTY || taken[slot]) {
        continue;
      }
      long time = lastAts[slot];
      if (size < k) {
        int i = size++;
        while (i > 0 && kept[(i - 1) >>> 1] > time) {
          kept[i] = kept[(i - 1) >>> 1];
          i = (i - 1) >>> 1;
        }
        kept[i] = time;
      } else if (time > kept[0]) {
        int i = 0;
        while (true) {
          int child = 2 * i + 1;
          if (child >= k) {
            break;
          }
          if (child + 1 < k && kept[child + 1] < kept[child]) {
            child++;
          }
          if (kept[child] >= time) {
            break;
          }
          kept[i] = kept[child];
          i = child;
        }
        kept[i] = time;
      }
    }
    return kept[0];
  }

  /**
   * The {@code count} slots not taken whose last engagement is at or after {@code cut}, grouped by
   * author: a counting sort through a second small table.
   */
  private int[] byAuthor(int count, long cut) {
    int groupMask = (Integer.highestOneBit(Math.max(8, count) * 2 - 1) << 1) - 1;
    long[] groupAuthors = new long[groupMask + 1];
    int[] groupEnds = new int[groupMask + 1]; // counts, then where each author's slots end
    boolean[] used = new boolean[groupMask + 1];
    int[] groupOf = new int[posts.length];
    for (int i = 0; i < posts.length; i++) {
      if (posts[i] != EMPTY && !taken[i] && lastAts[i] >= cut) {
        int g = hash(authors[i]) & groupMask;
        while (used[g] && groupAuthors[g] != authors[i]) {
          g = (g + 1) & groupMask;
        }
        used[g] = true;
        groupAuthors[g] = authors[i];
        groupEnds[g]++;
        groupOf[i] = g;
      }
    }
    for (int g = 0, end = 0; g <= groupMask; g++) {
      end += groupEnds[g];
      groupEnds[g] = end;
    }
    int[] slots = new int[count];
    for (int i = posts.length - 1; i >= 0; i--) {
      if (posts[i] != EMPTY && !taken[i] && lastAts[i] >= cut) {
        slots[--groupEnds[groupOf[i]]] = i;
      }
    }
    return slots;
  }

  long post(int slot) {
    return posts[slot];
  }

  long author(int slot) {
    return authors[slot];
  }

  /** How many connections engaged with the slot's post. */
  int count(int slot) {
    return counts[slot];
  }

  /** The connection who engaged last with the slot's post (the larger id of those at the same time). */
  long lastBy(int slot) {
    return lastBys[slot];
  }

  boolean lastIsComment(int slot) {
    return lastIsComment[slot];
  }
}
