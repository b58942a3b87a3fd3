package dev.rapport.network;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Zeroed int arrays, one per node, lent to queries that count per node and handed back zeroed
 * again. A pool rather than a thread-local: requests often run on virtual threads, each new, which
 * would allocate (and zero) a fresh array every time.
 */
final class Scratch {
  private final ConcurrentLinkedQueue<int[]> idle = new ConcurrentLinkedQueue<>();

  /** A zeroed array of at least {@code size}. */
  int[] take(int size) {
    int[] counts = idle.poll();
    return counts != null && counts.length >= size ? counts : new int[Math.max(size, 16)];
  }

  /** Takes back an array, which the caller has zeroed. */
  void give(int[] counts) {
    idle.offer(counts);
  }
}
