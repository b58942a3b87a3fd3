package dev.rapport.feed;

/**
 * What each member reacted to or commented on lately, for {@code top}: per member one {@code long[]}
 * of four values an engagement (the post, its author, the reaction's time and the newest comment's
 * time, {@link #NONE} without one), newest first, 32 bytes an engagement and no object
 * (docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md). A member's array is replaced whole
 * on a change, so readers need no lock. One writer.
 */
final class Engagements {
  static final long NONE = Long.MIN_VALUE;
  static final int WIDTH = 4;
  private static final long[] EMPTY = new long[0];

  private final MemberArrays byMember = new MemberArrays();

  /** The member's engagements, newest first: {@link #WIDTH} values each. Any thread. */
  long[] of(long memberId) {
    long[] list = byMember.get(memberId);
    return list == null ? EMPTY : list;
  }

  static long postId(long[] list, int i) {
    return list[WIDTH * i];
  }

  static long authorId(long[] list, int i) {
    return list[WIDTH * i + 1];
  }

  static long reactedAt(long[] list, int i) {
    return list[WIDTH * i + 2];
  }

  static long commentedAt(long[] list, int i) {
    return list[WIDTH * i + 3];
  }

  /** When the member engaged last with the post. */
  static long at(long[] list, int i) {
    return Math.max(reactedAt(list, i), commentedAt(list, i));
  }

  /** Whether their newest engagement with the post is a comment. */
  static boolean lastIsComment(long[] list, int i) {
    return commentedAt(list, i) != NONE && commentedAt(list, i) >= reactedAt(list, i);
  }

  /**
   * Sets what the member did to the post: the reaction's time and the newest comment's, either
   * {@link #NONE}; both {@code NONE} forgets it. Keeps the member's newest {@code most} at or after
   * {@code since}. A post not held yet needs its author ({@code authorId} 0 adds nothing). The
   * writer's thread only.
   */
  void set(long memberId, long postId, long authorId, long reactedAt, long commentedAt, long since, int most) {
    long[] current = of(memberId);
    int count = current.length / WIDTH;
    long[] next = new long[current.length + WIDTH];
    int n = 0;
    long author = authorId;
    boolean found = false;
    for (int i = 0; i < count; i++) {
      if (postId(current, i) == postId) {
        author = authorId(current, i);
        found = true;
      } else {
        System.arraycopy(current, WIDTH * i, next, WIDTH * n++, WIDTH);
      }
    }
    if (!found && author == 0) {
      return; // nothing kept of it: gone from the window already
    }
    if (reactedAt != NONE || commentedAt != NONE) {
      next[WIDTH * n] = postId;
      next[WIDTH * n + 1] = author;
      next[WIDTH * n + 2] = reactedAt;
      next[WIDTH * n + 3] = commentedAt;
      n++;
    }
    put(memberId, next, n, since, most);
  }

  /** The reaction's time the member has on the post, or {@link #NONE}. */
  long reactedAt(long memberId, long postId) {
    long[] list = of(memberId);
    for (int i = 0; i < list.length / WIDTH; i++) {
      if (postId(list, i) == postId) {
        return reactedAt(list, i);
      }
    }
    return NONE;
  }

  /** The newest comment's time the member has on the post, or {@link #NONE}. */
  long commentedAt(long memberId, long postId) {
    long[] list = of(memberId);
    for (int i = 0; i < list.length / WIDTH; i++) {
      if (postId(list, i) == postId) {
        return commentedAt(list, i);
      }
    }
    return NONE;
  }

  /**
   * Publishes the first {@code n} engagements of {@code list} as the member's: those at or after
   * {@code since}, newest first (then the larger post id), at most {@code most}. The writer's thread only.
   */
  void put(long memberId, long[] list, int n, long since, int most) {
    int[] order = new int[Math.min(n, most)];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (at(list, i) < since || kept == order.length && (kept == 0 || !newer(list, i, order[kept - 1]))) {
        continue;
      }
      int j = kept < order.length ? kept++ : kept - 1;
      while (j > 0 && newer(list, i, order[j - 1])) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
    if (kept == 0 && byMember.get(memberId) == null) {
      return;
    }
    long[] sorted = new long[WIDTH * kept];
    for (int j = 0; j < kept; j++) {
      System.arraycopy(list, WIDTH * order[j], sorted, WIDTH * j, WIDTH);
    }
    byMember.put(memberId, sorted);
  }

  private static boolean newer(long[] list, int a, int b) {
    long atA = at(list, a);
    long atB = at(list, b);
    return atA > atB || atA == atB && postId(list, a) > postId(list, b);
  }

  /** Forgets everything. Before any reader: the writer's thread only. */
  void clear() {
    byMember.clear();
  }

  /** Calls the sink with each member's engagements. The writer's thread only, or once loaded. */
  void forEach(java.util.function.ObjLongConsumer<long[]> sink) {
    byMember.forEach(sink);
  }

  /** How many engagements are held. Linear in the members. */
  long count() {
    long[] count = {0};
    byMember.forEach((list, member) -> count[0] += list.length / WIDTH);
    return count[0];
  }

  /** The bytes of the arrays and their table, array headers included. Linear in the members. */
  long footprintBytes() {
    long[] bytes = {byMember.tableBytes()};
    byMember.forEach((list, member) -> bytes[0] += 16 + 8L * list.length);
    return bytes[0];
  }
}
