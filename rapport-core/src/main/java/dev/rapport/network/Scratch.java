package dev.rapport.network;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Arrays, one slot per node, lent to queries and handed back. A pool rather than a thread-local:
 * requests often run on virtual threads, each new, which would allocate (and zero) a fresh array
 * every time. A pool of counts gets its arrays back zeroed, and lends them zeroed; a pool of lists
 * (the nodes a query touched) lends them as the last user left them. A query that fails does not
 * hand its arrays back, so none is ever lent in a state its pool does not promise.
 */
final class Scratch<T> {
  private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
  private final IntFunction<T> create;
  private final ToIntFunction<T> length;

  private Scratch(IntFunction<T> create, ToIntFunction<T> length) {
    this.create = create;
    this.length = length;
  }

  static Scratch<int[]> ofInts() {
    return new Scratch<>(int[]::new, array -> array.length);
  }

  static Scratch<byte[]> ofBytes() {
    return new Scratch<>(byte[]::new, array -> array.length);
  }

  /** An array of at least {@code size}: zeroed if every user hands it back zeroed. */
  T take(int size) {
    T array = idle.poll();
    return array != null && length.applyAsInt(array) >= size ? array : create.apply(Math.max(size, 16));
  }

  /** Takes back an array, zeroed by the caller if this pool lends zeroed arrays. */
  void give(T array) {
    idle.offer(array);
  }
}
