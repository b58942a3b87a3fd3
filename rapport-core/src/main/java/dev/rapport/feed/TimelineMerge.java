package dev.rapport.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * The k-way merge of P3 {@code recent}: the authors' timelines read from their newest post below a
 * cursor downwards, through a binary heap of authors keyed by their next post. Each author's line
 * and size are read once, and the heap compares the next posts' times and ids copied into arrays of
 * its own, so a comparison reads no timeline (docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md).
 * Allocates a few arrays of the authors' number, and the page. One use, one thread.
 */
final class TimelineMerge {
  private final long[][] lines;
  private final boolean[] sees;
  private final long[] authors;
  /** Per author, the index of its next post, going down; -1 when done. */
  private final int[] next;
  /** Per author, its next post's creation time and id (without the connections-only bit). */
  private final long[] nextTime;
  private final long[] nextId;
  private final int[] heap;
  private int heapSize;

  /**
   * @param most how many posts will be taken at most: authors whose next post is older than the
   *     {@code most}-th newest of all authors' next posts can give none of them and are left out of
   *     the heap (so a first page of 20 heaps some 20 of 1,000 authors, docs/decisions/0029-the-feeds-first-page-from-memory.md)
   */
  TimelineMerge(long[] authors, boolean[] seesConnectionsOnly, Timelines timelines, long belowTime, long belowId,
      int most) {
    int n = authors.length;
    this.authors = authors;
    this.sees = seesConnectionsOnly;
    this.lines = new long[n][];
    this.next = new int[n];
    this.nextTime = new long[n];
    this.nextId = new long[n];
    this.heap = new int[n];
    boolean first = belowTime == Long.MAX_VALUE && belowId == Long.MAX_VALUE;
    // All look-ups first, then the lines: each pass's reads are independent of one another, so the
    // processor overlaps their cache misses rather than waiting on a chain per author.
    for (int i = 0; i < n; i++) {
      lines[i] = timelines.line(authors[i]);
    }
    int withPosts = 0;
    for (int i = 0; i < n; i++) {
      long[] line = lines[i];
      if (line == null) {
        next[i] = -1;
        continue;
      }
      int size = Timelines.size(line);
      next[i] = (first ? size : Timelines.countBefore(line, size, belowTime, belowId)) - 1;
      if (advance(i)) {
        heap[withPosts++] = i;
      }
    }
    long oldestUseful = withPosts > most ? newestTime(most, withPosts) : Long.MIN_VALUE;
    for (int j = 0; j < withPosts; j++) {
      int author = heap[j];
      if (nextTime[author] >= oldestUseful) {
        push(author);
      }
    }
  }

  /**
   * The {@code k}-th newest creation time among the next posts of the first {@code count} authors
   * in {@code heap}: {@code k} posts at least that new exist, so no older post is among the newest
   * {@code k}. A min-heap of {@code k} times; the heap itself is refilled by the caller afterwards.
   */
  private long newestTime(int k, int count) {
    long[] kept = new long[k];
    int size = 0;
    for (int j = 0; j < count; j++) {
      long time = nextTime[heap[j]];
      if (size < k) {
        int i = size++;
        kept[i] = time;
        while (i > 0 && kept[(i - 1) >>> 1] > kept[i]) {
          long t = kept[i];
          kept[i] = kept[(i - 1) >>> 1];
          kept[(i - 1) >>> 1] = t;
          i = (i - 1) >>> 1;
        }
      } else if (time > kept[0]) {
        kept[0] = time;
        int i = 0;
        while (true) {
          int smallest = i;
          int left = 2 * i + 1;
          if (left < k && kept[left] < kept[smallest]) {
            smallest = left;
          }
          if (left + 1 < k && kept[left + 1] < kept[smallest]) {
            smallest = left + 1;
          }
          if (smallest == i) {
            break;
          }
          long t = kept[i];
          kept[i] = kept[smallest];
          kept[smallest] = t;
          i = smallest;
        }
      }
    }
    return kept[0];
  }

  /**
   * Moves the author's next past posts the viewer may not see and copies the next one's time and
   * id; whether one is left.
   */
  private boolean advance(int author) {
    long[] line = lines[author];
    int at = next[author];
    while (at >= 0 && !sees[author] && Timelines.connectionsOnly(Timelines.storedId(line, at))) {
      at--;
    }
    next[author] = at;
    if (at < 0) {
      return false;
    }
    nextTime[author] = Timelines.time(line, at);
    nextId[author] = Timelines.postId(Timelines.storedId(line, at));
    return true;
  }

  List<FeedIndex.Entry> next(int limit) {
    List<FeedIndex.Entry> page = new ArrayList<>(Math.min(limit, 64));
    while (page.size() < limit && heapSize > 0) {
      int author = heap[0];
      page.add(new FeedIndex.Entry(nextId[author], authors[author], nextTime[author]));
      pop(author);
    }
    return page;
  }

  /**
   * Writes up to {@code limit} posts, newest first, into the arrays from {@code from} on: their ids,
   * creation times and their authors' indexes. Allocates nothing.
   *
   * @return how many it wrote
   */
  int fill(int limit, long[] ids, long[] times, int[] authorIndexes, int from) {
    int n = 0;
    while (n < limit && heapSize > 0) {
      int author = heap[0];
      ids[from + n] = nextId[author];
      times[from + n] = nextTime[author];
      authorIndexes[from + n] = author;
      n++;
      pop(author);
    }
    return n;
  }

  /** Moves the heap's top author to its next post, or out of the heap. */
  private void pop(int author) {
    next[author]--;
    if (!advance(author)) {
      heap[0] = heap[--heapSize];
    }
    siftDown(0);
  }

  /** Whether author a's next post is newer than author b's. */
  private boolean newer(int a, int b) {
    return Timelines.before(nextTime[b], nextId[b], nextTime[a], nextId[a]);
  }

  private void push(int author) {
    int i = heapSize++;
    heap[i] = author;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!newer(heap[i], heap[parent])) {
        break;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= heapSize) {
        return;
      }
      int best = left + 1 < heapSize && newer(heap[left + 1], heap[left]) ? left + 1 : left;
      if (!newer(heap[best], heap[i])) {
        return;
      }
      swap(i, best);
      i = best;
    }
  }

  private void swap(int a, int b) {
    int t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }
}
