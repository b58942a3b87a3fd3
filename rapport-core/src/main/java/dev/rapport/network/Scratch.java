package dev.rapport.network;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Int arrays, one slot per node, lent to queries and handed back. A pool rather than a
 * thread-local: requests often run on virtual threads, each new, which would allocate (and zero) a
 * fresh array every time. A pool of counts gets its arrays back zeroed, and lends them zeroed; a
 * pool of lists (the nodes a query touched) lends them as the last user left them.
 */
final class Scratch {
  private final ConcurrentLinkedQueue<int[]> idle = new ConcurrentLinkedQueue<>();

  /** An array of at least {@code size}: zeroed if every user hands it back zeroed. */
  int[] take(int size) {
    int[] counts = idle.poll();
    return counts != null && counts.length >= size ? counts : new int[Math.max(size, 16)];
  }

  /** Takes back an array, zeroed by the caller if this pool lends zeroed arrays. */
  void give(int[] counts) {
    idle.offer(counts);
  }
}
