package dev.rapport.network;

/**
 * A fixed set of nodes, built once and then only asked about: a bitmap when the set holds a fair
 * share of all nodes (one bit per node, a lookup is one load), else the sorted array (four bytes
 * per member, a lookup is a binary search).
 */
sealed interface NodeSet {
  /** Above this share of all nodes (1 in 32), a bitmap is no larger than the sorted array. */
  int BITMAP_SHARE = 32;

  boolean contains(int node);

  /** Whether any of {@code values[from..to)} is in the set. */
  boolean containsAny(int[] values, int from, int to);

  /** The set of the given sorted nodes, out of {@code nodeCount} in all. */
  static NodeSet of(int[] sorted, int nodeCount) {
    if ((long) sorted.length * BITMAP_SHARE < nodeCount) {
      return new Sorted(sorted);
    }
    long[] words = new long[(nodeCount + 63) >>> 6];
    for (int node : sorted) {
      words[node >>> 6] |= 1L << node;
    }
    return new Bitmap(words);
  }

  record Sorted(int[] nodes) implements NodeSet {
    @Override
    public boolean contains(int node) {
      return SortedSets.contains(nodes, 0, nodes.length, node);
    }

    @Override
    public boolean containsAny(int[] values, int from, int to) {
      return SortedSets.intersects(nodes, 0, nodes.length, values, from, to);
    }
  }

  record Bitmap(long[] words) implements NodeSet {
    @Override
    public boolean contains(int node) {
      int word = node >>> 6;
      return word < words.length && (words[word] & (1L << node)) != 0;
    }

    @Override
    public boolean containsAny(int[] values, int from, int to) {
      for (int k = from; k < to; k++) {
        if (contains(values[k])) {
          return true;
        }
      }
      return false;
    }
  }
}
