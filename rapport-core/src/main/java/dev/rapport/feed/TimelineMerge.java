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

  TimelineMerge(long[] authors, boolean[] seesConnectionsOnly, Map<Long, Timeline> timelines, long belowTime,
      long belowId) {
    this.authors = authors;
    this.sees = seesConnectionsOnly;
    this.lines = new Timeline[authors.length];
    this.next = new int[authors.length];
    this.heap = new int[authors.length];
    for (int i = 0; i < authors.length; i++) {
      Timeline line = timelines.get(authors[i]);
      lines[i] = line == null ? Timeline.EMPTY : line;
      next[i] = lines[i].countBefore(belowTime, belowId) - 1;
      if (skipHidden(i)) {
        push(i);
      }
    }
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
