package dev.rapport.feed;

import java.util.Arrays;

/**
 * One author's posts, oldest first by creation time then id, in two primitive arrays: 16 bytes a
 * post. A connections-only post has its id's sign bit set. Immutable to readers: a change makes a
 * new timeline, which shares the arrays when it only appends past the end (no reader of an older
 * timeline reads that far). One writer at a time.
 */
final class Timeline {
  static final long CONNECTIONS_ONLY = Long.MIN_VALUE;
  static final Timeline EMPTY = new Timeline(new long[0], new long[0], 0);

  final long[] ids;
  final long[] times;
  final int size;

  Timeline(long[] ids, long[] times, int size) {
    this.ids = ids;
    this.times = times;
    this.size = size;
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

  /** The number of posts that sort before (time, id): the index of the first one at or after it. */
  int countBefore(long time, long id) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (before(times[mid], postId(ids[mid]), time, id)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The index of the post, or -1; searched from the newest, where engaged posts mostly are. */
  int indexOf(long postId) {
    for (int i = size - 1; i >= 0; i--) {
      if (postId(ids[i]) == postId) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The index of the post, or -1: a binary search by id first, since ids grow with the time they
   * are made (TimeOrderedIds) and so mostly with the creation time the timeline is ordered by, then
   * {@link #indexOf} when it misses, for ids made out of that order. Log(size) for a post that is there.
   */
  int find(long postId) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long id = postId(ids[mid]);
      if (id < postId) {
        low = mid + 1;
      } else if (id > postId) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return indexOf(postId);
  }

  /** With the post added in its place; the same timeline if it is there already. */
  Timeline with(long postId, long time, boolean connectionsOnly) {
    if (indexOf(postId) >= 0) {
      return this;
    }
    long stored = connectionsOnly ? postId | CONNECTIONS_ONLY : postId;
    int at = countBefore(time, postId);
    if (at == size && size < ids.length) {
      ids[size] = stored;
      times[size] = time;
      return new Timeline(ids, times, size + 1);
    }
    int capacity = size + Math.max(4, size / 4);
    long[] newIds = new long[capacity];
    long[] newTimes = new long[capacity];
    System.arraycopy(ids, 0, newIds, 0, at);
    System.arraycopy(times, 0, newTimes, 0, at);
    newIds[at] = stored;
    newTimes[at] = time;
    System.arraycopy(ids, at, newIds, at + 1, size - at);
    System.arraycopy(times, at, newTimes, at + 1, size - at);
    return new Timeline(newIds, newTimes, size + 1);
  }

  /** Without the post; the same timeline if it is not there. */
  Timeline without(long postId) {
    int at = indexOf(postId);
    if (at < 0) {
      return this;
    }
    long[] newIds = Arrays.copyOf(ids, size - 1);
    long[] newTimes = Arrays.copyOf(times, size - 1);
    System.arraycopy(ids, at + 1, newIds, at, size - at - 1);
    System.arraycopy(times, at + 1, newTimes, at, size - at - 1);
    return new Timeline(newIds, newTimes, size - 1);
  }

  /** The arrays' bytes, slack included. */
  long footprintBytes() {
    return 16L * ids.length;
  }
}
