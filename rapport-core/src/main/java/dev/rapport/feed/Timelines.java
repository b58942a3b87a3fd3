package dev.rapport.feed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Each author's posts, oldest first by creation time then id, as one {@code long[]} per author:
 * its size, then a post id and a creation time per post, 16 bytes a post and some 40 an author
 * (docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md). A connections-only post has its
 * id's sign bit set.
 *
 * <p>One writer; readers without locks. A reader takes an author's line and its size once: an
 * append past the size writes into the same line and then raises the size with a release store, so
 * a reader never reads past what it saw; any other change publishes a new line.
 */
final class Timelines {
  static final long CONNECTIONS_ONLY = Long.MIN_VALUE;
  private static final VarHandle SIZE = MethodHandles.arrayElementVarHandle(long[].class);

  private final MemberArrays lines = new MemberArrays();

  /** The author's line, or null if they never posted. Any thread. */
  long[] line(long authorId) {
    return lines.get(authorId);
  }

  /** How many posts a line holds, as last published. */
  static int size(long[] line) {
    return (int) (long) SIZE.getAcquire(line, 0);
  }

  /** The stored id (with the connections-only bit) of post {@code i}, oldest first. */
  static long storedId(long[] line, int i) {
    return line[1 + 2 * i];
  }

  static long time(long[] line, int i) {
    return line[2 + 2 * i];
  }

  static long postId(long stored) {
    return stored & Long.MAX_VALUE;
  }

  static boolean connectionsOnly(long stored) {
    return stored < 0;
  }

  /** Whether (time, id) sorts before (otherTime, otherId). */
  static boolean before(long time, long id, long otherTime, long otherId) {
    return time < otherTime || time == otherTime && id < otherId;
  }

  /** The number of the first {@code size} posts that sort before (time, id). */
  static int countBefore(long[] line, int size, long time, long id) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (before(time(line, mid), postId(storedId(line, mid)), time, id)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The index of the post among the first {@code size}, or -1; searched from the newest, where engaged posts mostly are. */
  static int indexOf(long[] line, int size, long postId) {
    for (int i = size - 1; i >= 0; i--) {
      if (postId(storedId(line, i)) == postId) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The index of the post, or -1: a binary search by id first, since ids grow with the time they
   * are made (TimeOrderedIds) and so mostly with the creation time a timeline is ordered by, then
   * {@link #indexOf} when it misses, for ids made out of that order. Log(size) for a post that is there.
   */
  static int find(long[] line, int size, long postId) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long id = postId(storedId(line, mid));
      if (id < postId) {
        low = mid + 1;
      } else if (id > postId) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return indexOf(line, size, postId);
  }

  /** Adds the post in its place, unless it is there already. The writer's thread only. */
  void add(long authorId, long postId, long time, boolean connectionsOnly) {
    long[] line = lines.get(authorId);
    int size = line == null ? 0 : size(line);
    if (line != null && indexOf(line, size, postId) >= 0) {
      return;
    }
    long stored = connectionsOnly ? postId | CONNECTIONS_ONLY : postId;
    int at = line == null ? 0 : countBefore(line, size, time, postId);
    if (line != null && at == size && 2 * size + 3 <= line.length) {
      line[1 + 2 * size] = stored;
      line[2 + 2 * size] = time;
      SIZE.setRelease(line, 0, (long) size + 1);
      return;
    }
    int capacity = size + 1 + (size < 4 ? 0 : size / 8);
    long[] grown = new long[1 + 2 * capacity];
    if (line != null) {
      System.arraycopy(line, 1, grown, 1, 2 * at);
      System.arraycopy(line, 1 + 2 * at, grown, 3 + 2 * at, 2 * (size - at));
    }
    grown[0] = size + 1;
    grown[1 + 2 * at] = stored;
    grown[2 + 2 * at] = time;
    lines.put(authorId, grown);
  }

  /** Removes the post if the author's line holds it. The writer's thread only. */
  void remove(long authorId, long postId) {
    long[] line = lines.get(authorId);
    int size = line == null ? 0 : size(line);
    int at = line == null ? -1 : indexOf(line, size, postId);
    if (at < 0) {
      return;
    }
    long[] shrunk = new long[1 + 2 * (size - 1)];
    System.arraycopy(line, 1, shrunk, 1, 2 * at);
    System.arraycopy(line, 3 + 2 * at, shrunk, 1 + 2 * at, 2 * (size - at - 1));
    shrunk[0] = size - 1;
    lines.put(authorId, shrunk);
  }

  /**
   * Puts a whole line in place: a load's, exactly sized. {@code pairs} holds stored ids and times,
   * oldest first. The writer's thread only.
   */
  void put(long authorId, long[] pairs, int size) {
    long[] line = new long[1 + 2 * size];
    line[0] = size;
    System.arraycopy(pairs, 0, line, 1, 2 * size);
    lines.put(authorId, line);
  }

  /** Forgets everything. Before any reader: the writer's thread only. */
  void clear() {
    lines.clear();
  }

  /** Calls the sink with each author's line. The writer's thread only, or once loaded. */
  void forEach(java.util.function.ObjLongConsumer<long[]> sink) {
    lines.forEach(sink);
  }

  /** How many posts the lines hold. Linear in the authors. */
  long postCount() {
    long[] count = {0};
    lines.forEach((line, author) -> count[0] += size(line));
    return count[0];
  }

  /** The bytes of the lines and their table, slack and array headers included. Linear in the authors. */
  long footprintBytes() {
    long[] bytes = {lines.tableBytes()};
    lines.forEach((line, author) -> bytes[0] += 16 + 8L * line.length);
    return bytes[0];
  }
}
