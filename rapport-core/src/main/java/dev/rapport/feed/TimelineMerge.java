package dev.rapport.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The k-way merge of P3 {@code recent}: the authors' timelines read from their newest post below a
 * cursor downwards, through a binary heap of authors keyed by their next post. Allocates the heap
 * and the page only. One use, one thread.
 */
final class TimelineMerge {
  private final Timeline[] lines;
  private final boolean[] sees;
  private final long[] authors;
  /** Per author, the index of its next post, going down; -1 when done. */
  private final int[] next;
  private final int[] heap;
  private int heapSize;

  /**
   * @param most how many posts will be taken at most: authors whose next post is older than the
   *     {@code most}-th newest of all authors' next posts can give none of them and are left out of
   *     the heap (so a first page of 20 heaps some 20 of 1,000 authors, docs/decisions/0029-the-feeds-first-page-from-memory.md)
   */
  TimelineMerge(long[] authors, boolean[] seesConnectionsOnly, Map<Long, Timeline> timelines, long belowTime,
      long belowId, int most) {
    this.authors = authors;
    this.sees = seesConnectionsOnly;
    this.lines = new Timeline[authors.length];
    this.next = new int[authors.length];
    this.heap = new int[authors.length];
    int withPosts = 0;
    for (int i = 0; i < authors.length; i++) {
      Timeline line = timelines.get(authors[i]);
      lines[i] = line == null ? Timeline.EMPTY : line;
      next[i] = lines[i].countBefore(belowTime, belowId) - 1;
      if (skipHidden(i)) {
        heap[withPosts++] = i;
      }
    }
    long oldestUseful = withPosts > most ? newestTime(most, withPosts) : Long.MIN_VALUE;
    for (int j = 0; j < withPosts; j++) {
      int author = heap[j];
      if (lines[author].times[next[author]] >= oldestUseful) {
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
      int author = heap[j];
      long time = lines[author].times[next[author]];
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

  /** Moves the author's next past posts the viewer may not see; whether one is left. */
  private boolean skipHidden(int author) {
    Timeline line = lines[author];
    while (next[author] >= 0 && !sees[author] && Timeline.connectionsOnly(line.ids[next[author]])) {
      next[author]--;
    }
    return next[author] >= 0;
  }

  List<FeedIndex.Entry> next(int limit) {
    List<FeedIndex.Entry> page = new ArrayList<>(Math.min(limit, 64));
    long[] ids = new long[1];
    long[] times = new long[1];
    int[] author = new int[1];
    while (page.size() < limit && fill(1, ids, times, author, 0) == 1) {
      page.add(new FeedIndex.Entry(ids[0], authors[author[0]], times[0]));
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
      Timeline line = lines[author];
      int at = next[author];
      ids[from + n] = Timeline.postId(line.ids[at]);
      times[from + n] = line.times[at];
      authorIndexes[from + n] = author;
      n++;
      next[author]--;
      if (skipHidden(author)) {
        siftDown(0);
      } else {
        heap[0] = heap[--heapSize];
        siftDown(0);
      }
    }
    return n;
  }

  /** Whether author a's next post is newer than author b's. */
  private boolean newer(int a, int b) {
    Timeline la = lines[a];
    Timeline lb = lines[b];
    return Timeline.before(lb.times[next[b]], Timeline.postId(lb.ids[next[b]]),
        la.times[next[a]], Timeline.postId(la.ids[next[a]]));
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
